package io.quetzal.archiver;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the archiver tells operators while it syncs: one line at most every {@link #INTERVAL_MS}
 * with the L1 blocks still to read, checkpoints per second over the last interval and an ETA, and
 * the same figures as getters for metrics. Called from the synchronizer's thread only; the getters
 * may be read from any thread.
 */
public class SyncProgress {
  private static final Logger LOG = LoggerFactory.getLogger("io.quetzal.archiver");

  /** Least time between two progress lines. */
  public static final long INTERVAL_MS = 5_000;

  private final LongSupplier clockMillis;
  private volatile long l1Head;
  private volatile long l1SyncedTo;
  private volatile long checkpoint;
  private volatile long proven;
  private volatile double checkpointsPerSecond;
  private volatile long invalidCheckpoints;
  private long windowStartMillis = -1;
  private long windowCheckpoints;
  private long lastLineMillis;

  public SyncProgress(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** Progress that only keeps the figures (tests). */
  public static SyncProgress silent() {
    return new SyncProgress(() -> 0) {
      @Override
      void line(String format, Object... args) {}
    };
  }

  void stored(long checkpointNumber, long l1Block, long head, int count) {
    long now = clockMillis.getAsLong();
    if (windowStartMillis < 0) {
      windowStartMillis = now;
      lastLineMillis = now;
    }
    windowCheckpoints += count;
    checkpoint = checkpointNumber;
    l1SyncedTo = l1Block;
    l1Head = head;
    long elapsed = now - windowStartMillis;
    if (elapsed >= INTERVAL_MS) {
      checkpointsPerSecond = windowCheckpoints * 1000.0 / elapsed;
      windowStartMillis = now;
      windowCheckpoints = 0;
    }
    if (now - lastLineMillis >= INTERVAL_MS) {
      lastLineMillis = now;
      long behind = Math.max(0, head - l1Block);
      line(
          "Archiver catching up: checkpoint {}, L1 block {} of {} ({} behind), {} checkpoints/s{}",
          checkpointNumber,
          l1Block,
          head,
          behind,
          String.format(java.util.Locale.ROOT, "%.1f", checkpointsPerSecond),
          eta(behind, l1Block, head));
    }
  }

  private String eta(long behind, long l1Block, long head) {
    if (checkpointsPerSecond <= 0 || behind == 0 || checkpoint == 0) {
      return "";
    }
    // L1 blocks per checkpoint so far, as the estimate of what is left.
    double blocksPerCheckpoint = (double) l1Block / checkpoint;
    double seconds = behind / blocksPerCheckpoint / checkpointsPerSecond;
    return String.format(java.util.Locale.ROOT, ", ETA %.0f s", seconds);
  }

  void synced(long head, long latestCheckpoint, long syncedTo) {
    l1Head = head;
    checkpoint = latestCheckpoint;
    l1SyncedTo = Math.max(l1SyncedTo, syncedTo);
  }

  void proven(long n) {
    proven = n;
  }

  void invalidCheckpoint(long n, String detail) {
    invalidCheckpoints++;
  }

  void line(String format, Object... args) {
    LOG.info(format, args);
  }

  public long l1Head() {
    return l1Head;
  }

  public long l1SyncedTo() {
    return l1SyncedTo;
  }

  public long l1BlocksBehind() {
    return Math.max(0, l1Head - l1SyncedTo);
  }

  public long checkpoint() {
    return checkpoint;
  }

  public long provenCheckpoint() {
    return proven;
  }

  public double checkpointsPerSecond() {
    return checkpointsPerSecond;
  }

  public long invalidCheckpoints() {
    return invalidCheckpoints;
  }
}
