package io.quetzal.epochcache;

import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The official {@code EpochCache}: which slot and epoch it is, and each epoch's committee, seed and
 * proposers, read from the Rollup and cached for the {@value #DEFAULT_CACHE_SIZE} highest epochs
 * asked for. See the package documentation for the rules it mirrors. Thread-safe; two threads
 * missing the cache for the same epoch may both read L1.
 */
public final class EpochCache {
  /** How many epochs are kept (the official {@code cacheSize}). */
  public static final int DEFAULT_CACHE_SIZE = 12;

  private final L1RollupConstants constants;
  private final CommitteeSource l1;
  private final TimeSource time;
  private final int cacheSize;
  private final TreeMap<EpochNumber, EpochCommitteeInfo> cache = new TreeMap<>();

  public EpochCache(L1RollupConstants constants, CommitteeSource l1, TimeSource time) {
    this(constants, l1, time, DEFAULT_CACHE_SIZE);
  }

  public EpochCache(
      L1RollupConstants constants, CommitteeSource l1, TimeSource time, int cacheSize) {
    this.constants = Objects.requireNonNull(constants, "constants");
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.time = Objects.requireNonNull(time, "time");
    if (cacheSize <= 0) {
      throw new IllegalArgumentException("cacheSize must be positive");
    }
    this.cacheSize = cacheSize;
  }

  /**
   * The official {@code EpochCache.create}: reads the constants from the Rollup, with the locally
   * configured L1 slot duration ({@code ETHEREUM_SLOT_DURATION}).
   */
  public static EpochCache create(
      L1RpcClient rpc, RollupContract rollup, long ethereumSlotDuration, TimeSource time) {
    L1RollupConstants c = L1RollupConstants.from(rollup.readConfig(), ethereumSlotDuration);
    return new EpochCache(c, new RollupCommitteeSource(rpc, rollup), time);
  }

  /** The constants. */
  public L1RollupConstants constants() {
    return constants;
  }

  // ---- time

  /** The epoch and slot now; the timestamp is the slot's start. */
  public EpochAndSlot epochAndSlotNow() {
    return atTimestamp(time.nowSeconds());
  }

  /**
   * The epoch and slot of the next L1 slot ({@code now + ethereumSlotDuration}): the slot the
   * sequencer works on. The timestamp is the slot's start.
   */
  public EpochAndSlot epochAndSlotInNextL1Slot() {
    return atTimestamp(Math.addExact(time.nowSeconds(), constants.ethereumSlotDuration()));
  }

  /** The epoch of {@code slot}, with the epoch's start as timestamp. */
  public EpochAndSlot epochAndSlotAtSlot(SlotNumber slot) {
    EpochNumber epoch = constants.epochAtSlot(slot);
    return new EpochAndSlot(epoch, slot, constants.epochStartTimestamp(epoch));
  }

  private EpochAndSlot atTimestamp(long ts) {
    SlotNumber slot = constants.slotAtTimestamp(ts);
    return new EpochAndSlot(constants.epochAtSlot(slot), slot, constants.timestampForSlot(slot));
  }

  // ---- committees

  /** The committee of the current epoch. */
  public EpochCommitteeInfo committeeNow() {
    return committee(epochAndSlotNow());
  }

  /** The committee of the epoch of the next L1 slot. */
  public EpochCommitteeInfo committeeInNextL1Slot() {
    return committee(epochAndSlotInNextL1Slot());
  }

  /** The committee of the epoch of {@code slot}. */
  public EpochCommitteeInfo committeeAtSlot(SlotNumber slot) {
    return committee(epochAndSlotAtSlot(slot));
  }

  /** The committee of {@code epoch}. */
  public EpochCommitteeInfo committeeForEpoch(EpochNumber epoch) {
    return committeeAtSlot(constants.epochStartSlot(epoch));
  }

  /** The epochs cached now, ascending (for tests and metrics). */
  public List<EpochNumber> cachedEpochs() {
    synchronized (cache) {
      return List.copyOf(cache.keySet());
    }
  }

  private EpochCommitteeInfo committee(EpochAndSlot when) {
    synchronized (cache) {
      EpochCommitteeInfo hit = cache.get(when.epoch());
      if (hit != null) {
        return hit;
      }
    }
    EpochCommitteeInfo info = fetch(when);
    if (!info.hasMembers()) {
      return info; // no committee, or an empty one: asked again next time
    }
    synchronized (cache) {
      cache.put(info.epoch(), info);
      while (cache.size() > cacheSize) {
        cache.pollFirstEntry(); // keep the highest epochs, as the official purge
      }
    }
    return info;
  }

  private EpochCommitteeInfo fetch(EpochAndSlot when) {
    long ts = when.timestamp();
    long l1Timestamp = l1.latestL1Timestamp();
    if (constants.validatorSetSnapshotTimestamp(ts) > l1Timestamp) {
      throw new FutureEpochException(when.epoch(), ts, l1Timestamp);
    }
    Optional<List<EthAddress>> committee = l1.committeeAt(ts);
    BigInteger seed = l1.sampleSeedAt(ts);
    return new EpochCommitteeInfo(when.epoch(), committee, seed);
  }

  // ---- proposers

  /**
   * The proposer of {@code slot}; empty when the committee is empty (anyone may propose).
   *
   * @throws NoCommitteeException when L1 has no committee for the slot's epoch
   * @throws FutureEpochException when L1 cannot know the committee yet
   */
  public Optional<EthAddress> proposerInSlot(SlotNumber slot) {
    return committeeAtSlot(slot).proposerAt(slot);
  }

  /** The proposer of the slot of the next L1 slot (the one the sequencer works on). */
  public Optional<EthAddress> proposerInNextL1Slot() {
    EpochAndSlot next = epochAndSlotInNextL1Slot();
    return committee(next).proposerAt(next.slot());
  }

  /** Whether {@code validator} is in the committee of {@code slot}'s epoch; false without one. */
  public boolean isInCommittee(SlotNumber slot, EthAddress validator) {
    return committeeAtSlot(slot).committee().map(c -> c.contains(validator)).orElse(false);
  }

  /** Those of {@code validators} in the committee of {@code slot}'s epoch, in their order. */
  public List<EthAddress> filterInCommittee(SlotNumber slot, List<EthAddress> validators) {
    Optional<List<EthAddress>> committee = committeeAtSlot(slot).committee();
    if (committee.isEmpty()) {
      return List.of();
    }
    Set<EthAddress> members = new HashSet<>(committee.get());
    List<EthAddress> out = new ArrayList<>();
    for (EthAddress v : validators) {
      if (members.contains(v)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }
}
