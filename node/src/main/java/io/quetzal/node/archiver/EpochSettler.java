package io.quetzal.node.archiver;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.local.ProvenMarker;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.tx.TxEffect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local networks only (fake proofs): once an epoch has ended on L1 and the archiver holds every
 * checkpoint L1 has, marks the epoch's last checkpoint proven through anvil's storage (the official
 * {@code EpochTestSettler}), so the proven tip advances as on a network with provers. Epochs are
 * settled in order, each once. An epoch with L2→L1 messages is settled without inserting its out
 * hash into the Outbox (not computed yet): such messages cannot be consumed on this local L1.
 */
public final class EpochSettler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EpochSettler.class);

  private final ArchiverStore store;
  private final RollupContract rollup;
  private final ProvenMarker marker;
  private final long epochDuration;
  private long nextEpoch;
  private ScheduledExecutorService executor;

  public EpochSettler(
      ArchiverStore store, RollupContract rollup, ProvenMarker marker, long epochDuration) {
    this.store = Objects.requireNonNull(store, "store");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.marker = Objects.requireNonNull(marker, "marker");
    if (epochDuration <= 0) {
      throw new IllegalArgumentException("epoch duration must be positive: " + epochDuration);
    }
    this.epochDuration = epochDuration;
  }

  /** Settles every ended epoch not settled yet; returns the last checkpoint marked proven. */
  public synchronized Optional<Long> tick() {
    long currentEpoch = rollup.getCurrentEpoch();
    if (store.latestCheckpointNumber() < rollup.getPendingCheckpointNumber()) {
      return Optional.empty(); // the archiver has not seen every checkpoint yet
    }
    Optional<Long> proven = Optional.empty();
    for (; nextEpoch < currentEpoch; nextEpoch++) {
      List<CheckpointData> cps =
          store.checkpointsForSlotRange(
              nextEpoch * epochDuration, (nextEpoch + 1) * epochDuration - 1);
      if (cps.isEmpty()) {
        continue;
      }
      long last = cps.getLast().number();
      if (hasL2ToL1Messages(cps)) {
        LOG.warn(
            "Epoch {} has L2-to-L1 messages: its out hash is not inserted into the Outbox (not"
                + " computed by this build); marking it proven anyway",
            nextEpoch);
      }
      long now = marker.markProven(last);
      LOG.info("Settled epoch {}: checkpoint {} marked proven", nextEpoch, now);
      proven = Optional.of(now);
    }
    return proven;
  }

  private boolean hasL2ToL1Messages(List<CheckpointData> cps) {
    for (CheckpointData c : cps) {
      for (L2Block b : store.blocksForCheckpoint(c.number())) {
        for (TxEffect e : b.txEffects()) {
          if (!e.l2ToL1Msgs().isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Polls every 200 ms on a daemon thread. */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quetzal-epoch-settler");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (L1RpcException e) {
            LOG.warn("epoch settler: {}", e.getMessage());
          } catch (RuntimeException e) {
            LOG.warn("epoch settler failed", e);
          }
        },
        200,
        200,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
