package io.quetzal.epochcache;

import io.quetzal.ethereum.contracts.RollupConfig;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.SlotNumber;

/**
 * The rollup's time and committee constants as the node uses them (the official {@code
 * L1RollupConstants} plus the two lags), and the pure slot/epoch arithmetic over them ({@code
 * TimeLib} on L1, {@code @aztec/stdlib/src/epoch-helpers} in the official node). Immutable; all
 * timestamps are unix seconds.
 *
 * @param l1StartBlock {@code L1_BLOCK_AT_GENESIS()}
 * @param genesisTime {@code getGenesisTime()}
 * @param slotDuration seconds per L2 slot
 * @param epochDuration slots per epoch
 * @param ethereumSlotDuration seconds per L1 slot: local configuration ({@code
 *     ETHEREUM_SLOT_DURATION}, default 12), not read from L1
 * @param proofSubmissionEpochs {@code getProofSubmissionEpochs()}
 * @param targetCommitteeSize {@code getTargetCommitteeSize()}
 * @param lagInEpochsForValidatorSet {@code getLagInEpochsForValidatorSet()}
 * @param lagInEpochsForRandao {@code getLagInEpochsForRandao()}
 * @param rollupManaLimit {@code getManaLimit()}
 */
public record L1RollupConstants(
    long l1StartBlock,
    long genesisTime,
    long slotDuration,
    long epochDuration,
    long ethereumSlotDuration,
    long proofSubmissionEpochs,
    long targetCommitteeSize,
    long lagInEpochsForValidatorSet,
    long lagInEpochsForRandao,
    long rollupManaLimit) {

  /** The default of {@code ETHEREUM_SLOT_DURATION}, seconds. */
  public static final long DEFAULT_ETHEREUM_SLOT_DURATION = 12;

  public L1RollupConstants {
    if (slotDuration <= 0 || epochDuration <= 0 || ethereumSlotDuration <= 0) {
      throw new IllegalArgumentException(
          "slot, epoch and ethereum slot durations must be positive, got "
              + slotDuration
              + ", "
              + epochDuration
              + ", "
              + ethereumSlotDuration);
    }
    if (genesisTime < 0
        || proofSubmissionEpochs < 0
        || targetCommitteeSize < 0
        || lagInEpochsForValidatorSet < 0
        || lagInEpochsForRandao < 0) {
      throw new IllegalArgumentException("rollup constants must not be negative");
    }
  }

  /** The constants of a rollup read from L1, with the default L1 slot duration (12 s). */
  public static L1RollupConstants from(RollupConfig config) {
    return from(config, DEFAULT_ETHEREUM_SLOT_DURATION);
  }

  /** The constants of a rollup read from L1, with the locally configured L1 slot duration. */
  public static L1RollupConstants from(RollupConfig config, long ethereumSlotDuration) {
    return new L1RollupConstants(
        config.l1StartBlock(),
        config.genesisTime(),
        config.slotDuration(),
        config.epochDuration(),
        ethereumSlotDuration,
        config.proofSubmissionEpochs(),
        config.targetCommitteeSize(),
        config.lagInEpochsForValidatorSet(),
        config.lagInEpochsForRandao(),
        config.manaLimit());
  }

  /** Seconds per epoch. */
  public long epochDurationSeconds() {
    return Math.multiplyExact(slotDuration, epochDuration);
  }

  /** The slot at a timestamp; slot 0 before genesis ({@code getSlotAtTimestamp}). */
  public SlotNumber slotAtTimestamp(long timestamp) {
    return timestamp < genesisTime
        ? SlotNumber.ZERO
        : SlotNumber.of((timestamp - genesisTime) / slotDuration);
  }

  /** The timestamp at which a slot starts, the timestamp of its checkpoint. */
  public long timestampForSlot(SlotNumber slot) {
    return Math.addExact(genesisTime, Math.multiplyExact(slot.value(), slotDuration));
  }

  /** The epoch of a slot. */
  public EpochNumber epochAtSlot(SlotNumber slot) {
    return EpochNumber.of(slot.value() / epochDuration);
  }

  /** The epoch at a timestamp; epoch 0 before genesis ({@code getEpochNumberAtTimestamp}). */
  public EpochNumber epochAtTimestamp(long timestamp) {
    return epochAtSlot(slotAtTimestamp(timestamp));
  }

  /** The first slot of an epoch. */
  public SlotNumber epochStartSlot(EpochNumber epoch) {
    return SlotNumber.of(Math.multiplyExact(epoch.value(), epochDuration));
  }

  /** The last slot of an epoch (inclusive). */
  public SlotNumber epochEndSlot(EpochNumber epoch) {
    return epochStartSlot(epoch).add(epochDuration - 1);
  }

  /** The timestamp at which an epoch starts ({@code getStartTimestampForEpoch}). */
  public long epochStartTimestamp(EpochNumber epoch) {
    return timestampForSlot(epochStartSlot(epoch));
  }

  /**
   * The last L1 slot start that still belongs to the epoch ({@code getTimestampRangeForEpoch}'s
   * end): the start of its last L2 slot plus all but one of the L1 slots in it.
   */
  public long epochEndTimestamp(EpochNumber epoch) {
    long l1SlotsPerL2Slot = slotDuration / ethereumSlotDuration;
    return timestampForSlot(epochEndSlot(epoch)) + (l1SlotsPerL2Slot - 1) * ethereumSlotDuration;
  }

  /**
   * When the sequencer starts building for {@code slot}: one L1 slot before the slot starts ({@code
   * getSlotStartBuildTimestamp}). May precede genesis for slot 0.
   */
  public long slotStartBuildTimestamp(SlotNumber slot) {
    return timestampForSlot(slot) - ethereumSlotDuration;
  }

  /** The L2 slot of the next L1 block after {@code l1Timestamp} ({@code getSlotAtNextL1Block}). */
  public SlotNumber slotAtNextL1Block(long l1Timestamp) {
    return slotAtTimestamp(Math.addExact(l1Timestamp, ethereumSlotDuration));
  }

  /**
   * The first epoch in which a proof of {@code epoch} is no longer accepted ({@code
   * getProofSubmissionDeadlineEpoch}, {@code TimeLib.toDeadlineEpoch}).
   */
  public EpochNumber proofSubmissionDeadlineEpoch(EpochNumber epoch) {
    return epoch.add(proofSubmissionEpochs + 1);
  }

  /**
   * The start of {@link #proofSubmissionDeadlineEpoch} ({@code
   * getProofSubmissionDeadlineTimestamp}).
   */
  public long proofSubmissionDeadlineTimestamp(EpochNumber epoch) {
    return epochStartTimestamp(proofSubmissionDeadlineEpoch(epoch));
  }

  /**
   * The timestamp at which the validator set of the epoch starting at or containing {@code
   * timestamp} is snapshotted on L1: {@code timestamp - lagInEpochsForValidatorSet * epochSecs}.
   */
  public long validatorSetSnapshotTimestamp(long timestamp) {
    return timestamp - Math.multiplyExact(lagInEpochsForValidatorSet, epochDurationSeconds());
  }
}
