package io.quetzal.ethereum.local;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a local anvil's time so that 72-second slots pass in seconds (the official local network's
 * {@code AnvilTestWatcher}). Every {@link #POLL} it:
 *
 * <ol>
 *   <li>keeps the node's {@link L1FollowingClock} at L1 time when L1 is ahead, and warps L1 to the
 *       first slot start at or after the wall clock when it is more than one slot behind (for
 *       example after loading a saved state; the official watcher warps to the clock itself);
 *   <li>warps to the next slot's start as soon as the current slot holds a checkpoint;
 *   <li>when transactions are pending but the slot went by without a checkpoint (and no block is
 *       being built), warps after a 2-second grace;
 *   <li>otherwise warps when the node's clock has passed the next slot's start.
 * </ol>
 *
 * Each warp mines one block at the target timestamp and moves the clock with it. Errors of one
 * round are logged and the next round tries again. {@link #tick()} runs one round (tests call it
 * directly); {@link #start()} schedules it on one daemon thread.
 */
public final class SlotWarper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlotWarper.class);

  /** How often the watcher looks, as the official one. */
  public static final Duration POLL = Duration.ofMillis(200);

  /** How long a slot with pending txs but no checkpoint may last before the warp. */
  public static final Duration MISSED_SLOT_GRACE = Duration.ofSeconds(2);

  private final RollupContract rollup;
  private final AnvilCheatCodes cheats;
  private final L1FollowingClock clock;
  private final long slotDurationSeconds;
  private final LongSupplier wallMillis;
  private volatile LongSupplier pendingTxCount = () -> 0;
  private volatile BooleanSupplier sequencerBuilding = () -> false;
  private final AtomicLong warps = new AtomicLong();
  private long unfilledSlot = -1;
  private long unfilledSinceMillis;
  private volatile java.util.function.LongConsumer onWarp = t -> {};
  private volatile ScheduledExecutorService executor;

  /**
   * @param rollup the rollup whose slots are followed
   * @param cheats anvil's cheat codes
   * @param clock the node's clock, moved with every warp
   * @param slotDurationSeconds the rollup's slot duration
   * @param wallMillis the real clock, for the missed-slot grace (not moved by warps)
   */
  public SlotWarper(
      RollupContract rollup,
      AnvilCheatCodes cheats,
      L1FollowingClock clock,
      long slotDurationSeconds,
      LongSupplier wallMillis) {
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.cheats = Objects.requireNonNull(cheats, "cheats");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wallMillis = Objects.requireNonNull(wallMillis, "wallMillis");
    if (slotDurationSeconds <= 0) {
      throw new IllegalArgumentException("slot duration must be positive: " + slotDurationSeconds);
    }
    this.slotDurationSeconds = slotDurationSeconds;
  }

  /** Lets the watcher see the tx pool, so a slot missed with pending txs is skipped quickly. */
  public void pendingTxCount(LongSupplier count) {
    this.pendingTxCount = Objects.requireNonNull(count, "count");
  }

  /** Lets the watcher see whether the sequencer is building, so it never warps under it. */
  public void sequencerBuilding(BooleanSupplier building) {
    this.sequencerBuilding = Objects.requireNonNull(building, "building");
  }

  /**
   * Called after every warp with the timestamp warped to, on the watcher's thread (the local
   * network wakes the sequencer with it, instead of waiting for its next poll).
   */
  public void onWarp(java.util.function.LongConsumer listener) {
    this.onWarp = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Looks again now rather than at the next poll (the sequencer calls it when its checkpoint has
   * landed); does nothing when not running.
   */
  public void wakeUp() {
    ScheduledExecutorService e = executor;
    if (e != null) {
      try {
        e.execute(this::tickLogged);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // stopping
      }
    }
  }

  /** How many warps this watcher has made. */
  public long warps() {
    return warps.get();
  }

  /** Starts polling on a daemon thread; a no-op when anvil does not auto-mine. */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    if (!cheats.isAutoMining()) {
      LOG.info("L1 does not auto-mine: slot warping stays off");
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quetzal-slot-warper");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::tickLogged, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tickLogged() {
    try {
      tick();
    } catch (L1RpcException | ArithmeticException e) {
      LOG.warn("slot warper: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("slot warper failed", e);
    }
  }

  /** One round; returns the timestamp warped to, if it warped. */
  public synchronized Optional<Long> tick() {
    Optional<Long> toWall = followWallClock();
    if (toWall.isPresent()) {
      return toWall;
    }
    long currentSlot = rollup.getCurrentSlot();
    long pending = rollup.getPendingCheckpointNumber();
    long filledSlot = checkpointSlot(pending);
    long nextSlotStart = rollup.getTimestampForSlot(currentSlot + 1);
    if (currentSlot == filledSlot) {
      LOG.info("Slot {} was filled, jumped to the next slot", currentSlot);
      return Optional.of(warpTo(nextSlotStart));
    }
    if (pendingTxCount.getAsLong() > 0) {
      if (sequencerBuilding.getAsBoolean()) {
        unfilledSlot = -1;
        return Optional.empty();
      }
      long now = wallMillis.getAsLong();
      if (unfilledSlot != currentSlot) {
        unfilledSlot = currentSlot;
        unfilledSinceMillis = now;
        return Optional.empty();
      }
      if (now - unfilledSinceMillis > MISSED_SLOT_GRACE.toMillis()) {
        unfilledSlot = -1;
        LOG.info("Slot {} was missed with pending txs, jumped to the next slot", currentSlot);
        return Optional.of(warpTo(nextSlotStart));
      }
      return Optional.empty();
    }
    if (clock.millis() > nextSlotStart * 1000) {
      LOG.info("Slot {} was missed, jumped to the next slot", currentSlot);
      return Optional.of(warpTo(nextSlotStart));
    }
    return Optional.empty();
  }

  private Optional<Long> followWallClock() {
    long l1Millis = cheats.timestamp() * 1000;
    long now = clock.millis();
    if (l1Millis > now) {
      clock.setTime(l1Millis);
    } else if (l1Millis + slotDurationSeconds * 1000 < now) {
      // To the start of the first slot at or after the clock, not to the clock itself: the
      // sequencer then has the whole slot (landing late in a slot would leave it past the
      // proposer-check deadline, and the first checkpoint would wait for the next slot).
      long slotStart = rollup.getTimestampForSlot(rollup.getCurrentSlot());
      long target =
          slotStart
              + Math.ceilDiv(Math.ceilDiv(now, 1000L) - slotStart, slotDurationSeconds)
                  * slotDurationSeconds;
      LOG.info("L1 is more than one slot behind the clock: warping it to {}, a slot start", target);
      return Optional.of(warpTo(target));
    }
    return Optional.empty();
  }

  private long warpTo(long seconds) {
    cheats.warp(seconds);
    clock.setTime(Math.max(clock.millis(), seconds * 1000));
    warps.incrementAndGet();
    try {
      onWarp.accept(seconds);
    } catch (RuntimeException e) {
      LOG.warn("slot warper listener failed", e);
    }
    return seconds;
  }

  /** {@code getCheckpoint(n).slotNumber}: the 7th word of the static {@code CheckpointLog}. */
  private long checkpointSlot(long checkpointNumber) {
    var f =
        Abi.function(
            "getCheckpoint",
            List.of(Abi.uint(checkpointNumber)),
            Abi.BYTES32,
            Abi.BYTES32,
            Abi.BYTES32,
            Abi.BYTES32,
            Abi.BYTES32,
            Abi.BYTES32,
            Abi.UINT256);
    return Abi.toBigInteger(rollup.call(f).get(6)).longValueExact();
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
