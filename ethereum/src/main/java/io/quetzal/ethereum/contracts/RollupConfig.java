package io.quetzal.ethereum.contracts;

import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The rollup configuration a node reads from L1 at start ({@link RollupContract#readConfig()}): the
 * time constants ({@code TimeLib}), the committee parameters, the lags, the mana limits, the
 * version and the genesis commitments. Immutable; values are as stored on L1 — they are deployment
 * parameters, never assumed.
 *
 * @param l1StartBlock {@code L1_BLOCK_AT_GENESIS()}
 * @param genesisTime {@code getGenesisTime()}, unix seconds
 * @param slotDuration {@code getSlotDuration()}, seconds per L2 slot
 * @param epochDuration {@code getEpochDuration()}, slots per epoch
 * @param proofSubmissionEpochs {@code getProofSubmissionEpochs()}
 * @param targetCommitteeSize {@code getTargetCommitteeSize()}
 * @param lagInEpochsForValidatorSet {@code getLagInEpochsForValidatorSet()}
 * @param lagInEpochsForRandao {@code getLagInEpochsForRandao()}
 * @param inboxLag the Inbox's {@code LAG()}
 * @param manaTarget {@code getManaTarget()}
 * @param manaLimit {@code getManaLimit()} (twice the target)
 * @param version {@code getVersion()}, the rollup version (first 4 bytes of the config hash)
 * @param genesisArchiveRoot {@code archiveAt(0)}
 * @param vkTreeRoot the VK tree root of the rollup's genesis state (STF storage)
 * @param protocolContractsHash the protocol contracts hash of the genesis state (STF storage)
 * @param activationThreshold {@code getActivationThreshold()}, staking asset per validator
 * @param ejectionThreshold {@code getEjectionThreshold()}
 * @param exitDelaySeconds {@code getExitDelay()}
 */
public record RollupConfig(
    long l1StartBlock,
    long genesisTime,
    long slotDuration,
    long epochDuration,
    long proofSubmissionEpochs,
    long targetCommitteeSize,
    long lagInEpochsForValidatorSet,
    long lagInEpochsForRandao,
    long inboxLag,
    BigInteger manaTarget,
    long manaLimit,
    long version,
    Fr genesisArchiveRoot,
    Fr vkTreeRoot,
    Fr protocolContractsHash,
    BigInteger activationThreshold,
    BigInteger ejectionThreshold,
    long exitDelaySeconds) {

  public RollupConfig {
    Objects.requireNonNull(manaTarget, "manaTarget");
    Objects.requireNonNull(genesisArchiveRoot, "genesisArchiveRoot");
    Objects.requireNonNull(vkTreeRoot, "vkTreeRoot");
    Objects.requireNonNull(protocolContractsHash, "protocolContractsHash");
    Objects.requireNonNull(activationThreshold, "activationThreshold");
    Objects.requireNonNull(ejectionThreshold, "ejectionThreshold");
    if (slotDuration <= 0 || epochDuration <= 0) {
      throw new IllegalArgumentException("slot and epoch durations must be positive");
    }
  }

  /** Seconds per epoch. */
  public long epochDurationSeconds() {
    return slotDuration * epochDuration;
  }

  /** The timestamp of a slot ({@code TimeLib.toTimestamp}). */
  public long timestampForSlot(long slot) {
    return genesisTime + slot * slotDuration;
  }

  /** The slot at a timestamp, 0 before genesis. */
  public long slotAt(long timestamp) {
    return timestamp < genesisTime ? 0 : (timestamp - genesisTime) / slotDuration;
  }

  /** The epoch of a slot. */
  public long epochAtSlot(long slot) {
    return slot / epochDuration;
  }

  /** The timestamp at which an epoch starts. */
  public long epochStartTimestamp(long epoch) {
    return timestampForSlot(epoch * epochDuration);
  }
}
