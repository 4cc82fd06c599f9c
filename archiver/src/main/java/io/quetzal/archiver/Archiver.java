package io.quetzal.archiver;

import io.quetzal.ethereum.archive.L1DecodeException;
import io.quetzal.ethereum.rpc.L1RpcException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link L1Synchronizer} on its own thread: an iteration, then a pause of the polling
 * interval ({@code ARCHIVER_POLLING_INTERVAL_MS}, 500 ms) unless the iteration stored something
 * (then the next one starts at once, so catching up is not slowed by the pause). An iteration that
 * fails on L1 or on a checkpoint is logged and retried at the next poll; nothing it stored is lost.
 * {@link #close()} stops the loop and waits for the running iteration to end (it is not
 * interrupted, so no write is cut short).
 */
public final class Archiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

  private final L1Synchronizer synchronizer;
  private final Duration pollInterval;
  private final CountDownLatch initialSync = new CountDownLatch(1);
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private Thread thread;

  public Archiver(L1Synchronizer synchronizer, Duration pollInterval) {
    this.synchronizer = Objects.requireNonNull(synchronizer, "synchronizer");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** The synchronizer's {@link L1Synchronizer#syncedL1Timestamp()}. */
  public java.util.OptionalLong syncedL1Timestamp() {
    return synchronizer.syncedL1Timestamp();
  }

  /** Starts the loop. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = Thread.ofPlatform().name("quetzal-archiver").daemon(true).start(this::loop);
  }

  /** Waits until the first iteration that reached the L1 head has finished. */
  public boolean awaitInitialSync(Duration timeout) throws InterruptedException {
    return initialSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void loop() {
    try {
      while (running) {
        boolean busy = false;
        try {
          L1Synchronizer.Result r = synchronizer.syncOnce();
          busy = r.checkpointsAdded() > 0 || r.messagesAdded() > 0;
          if (!busy) {
            initialSync.countDown();
          }
        } catch (L1RpcException | L1DecodeException | CheckpointRetrievalException e) {
          LOG.warn(
              "Archiver sync failed, retrying in {} ms: {}",
              pollInterval.toMillis(),
              e.getMessage());
        } catch (RuntimeException e) {
          LOG.error("Archiver sync failed, retrying in {} ms", pollInterval.toMillis(), e);
        }
        if (!busy && running) {
          try {
            stopRequested.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    stopRequested.countDown();
    if (t != null) {
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronizer.close();
  }
}
