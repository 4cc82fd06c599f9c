package io.quetzal.ethereum.local;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The L1 contract parameters of a deployment, named as the official {@code L1ContractsConfig}
 * ({@code @aztec/ethereum/src/config.ts}) with the same defaults ({@code
 * generated/l1-contracts-defaults.ts}, plus {@code governanceVotingDuration} 3600). The CLI maps
 * the official environment variables ({@code AZTEC_SLOT_DURATION}, ...) onto it; {@link
 * AztecL1DeployArgs#forgeEnvironment()} turns it back into the variables the Solidity deploy
 * scripts read.
 */
public record L1ContractsConfig(
    long ethereumSlotDuration,
    long aztecSlotDuration,
    long aztecEpochDuration,
    long aztecTargetCommitteeSize,
    long lagInEpochsForValidatorSet,
    long lagInEpochsForRandao,
    long inboxLag,
    long aztecProofSubmissionEpochs,
    BigInteger activationThreshold,
    BigInteger ejectionThreshold,
    BigInteger localEjectionThreshold,
    long slashingOffsetInRounds,
    String slasherFlavor,
    BigInteger slashAmountSmall,
    BigInteger slashAmountMedium,
    BigInteger slashAmountLarge,
    OptionalLong slashingQuorum,
    long slashingRoundSizeInEpochs,
    long slashingLifetimeInRounds,
    long slashingExecutionDelayInRounds,
    EthAddress slashingVetoer,
    long slashingDisableDuration,
    OptionalLong governanceProposerQuorum,
    long governanceProposerRoundSize,
    long governanceVotingDuration,
    BigInteger manaTarget,
    BigInteger provingCostPerMana,
    BigInteger initialEthPerFeeAsset,
    long exitDelaySeconds) {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  /** The official defaults ({@code DefaultL1ContractsConfig}). */
  public static final L1ContractsConfig DEFAULTS =
      new L1ContractsConfig(
          12,
          72,
          32,
          48,
          2,
          1,
          1,
          1,
          BigInteger.valueOf(100).multiply(E18),
          BigInteger.valueOf(50).multiply(E18),
          BigInteger.valueOf(98).multiply(E18),
          2,
          "tally",
          BigInteger.valueOf(10).multiply(E18),
          BigInteger.valueOf(20).multiply(E18),
          BigInteger.valueOf(50).multiply(E18),
          OptionalLong.empty(),
          4,
          5,
          0,
          EthAddress.ZERO,
          432_000,
          OptionalLong.empty(),
          300,
          3600,
          BigInteger.valueOf(100_000_000),
          BigInteger.valueOf(100),
          BigInteger.valueOf(10_000_000),
          172_800);

  /**
   * What {@code aztec start --local-network} deploys with: the defaults, {@code aztecEpochDuration}
   * 2 ({@code aztec_start_action.ts}), {@code aztecTargetCommitteeSize} 0 and {@code slasherFlavor}
   * "none" ({@code local-network.ts}).
   */
  public static final L1ContractsConfig OFFICIAL_LOCAL_NETWORK =
      DEFAULTS.withAztecEpochDuration(2).withAztecTargetCommitteeSize(0).withSlasherFlavor("none");

  public L1ContractsConfig {
    Objects.requireNonNull(activationThreshold, "activationThreshold");
    Objects.requireNonNull(ejectionThreshold, "ejectionThreshold");
    Objects.requireNonNull(localEjectionThreshold, "localEjectionThreshold");
    Objects.requireNonNull(slasherFlavor, "slasherFlavor");
    if (!slasherFlavor.equals("none")
        && !slasherFlavor.equals("tally")
        && !slasherFlavor.equals("empire")) {
      throw new IllegalArgumentException(
          "slasherFlavor must be none, tally or empire, not " + slasherFlavor);
    }
    Objects.requireNonNull(slashAmountSmall, "slashAmountSmall");
    Objects.requireNonNull(slashAmountMedium, "slashAmountMedium");
    Objects.requireNonNull(slashAmountLarge, "slashAmountLarge");
    Objects.requireNonNull(slashingQuorum, "slashingQuorum");
    Objects.requireNonNull(slashingVetoer, "slashingVetoer");
    Objects.requireNonNull(governanceProposerQuorum, "governanceProposerQuorum");
    Objects.requireNonNull(manaTarget, "manaTarget");
    Objects.requireNonNull(provingCostPerMana, "provingCostPerMana");
    Objects.requireNonNull(initialEthPerFeeAsset, "initialEthPerFeeAsset");
    if (ethereumSlotDuration <= 0 || aztecSlotDuration <= 0 || aztecEpochDuration <= 0) {
      throw new IllegalArgumentException("slot and epoch durations must be positive");
    }
    if (aztecSlotDuration % ethereumSlotDuration != 0) {
      throw new IllegalArgumentException(
          "AZTEC_SLOT_DURATION ("
              + aztecSlotDuration
              + ") must be a multiple of ETHEREUM_SLOT_DURATION ("
              + ethereumSlotDuration
              + ")");
    }
    if (aztecTargetCommitteeSize < 0) {
      throw new IllegalArgumentException("aztecTargetCommitteeSize must not be negative");
    }
  }

  /** The slashing round size in slots. */
  public long slashingRoundSize() {
    return slashingRoundSizeInEpochs * aztecEpochDuration;
  }

  /** The slashing quorum the scripts use: the configured one, else {@code roundSize / 2 + 1}. */
  public long effectiveSlashingQuorum() {
    return slashingQuorum.orElse(slashingRoundSize() / 2 + 1);
  }

  public L1ContractsConfig withAztecEpochDuration(long v) {
    return new L1ContractsConfig(
        ethereumSlotDuration,
        aztecSlotDuration,
        v,
        aztecTargetCommitteeSize,
        lagInEpochsForValidatorSet,
        lagInEpochsForRandao,
        inboxLag,
        aztecProofSubmissionEpochs,
        activationThreshold,
        ejectionThreshold,
        localEjectionThreshold,
        slashingOffsetInRounds,
        slasherFlavor,
        slashAmountSmall,
        slashAmountMedium,
        slashAmountLarge,
        slashingQuorum,
        slashingRoundSizeInEpochs,
        slashingLifetimeInRounds,
        slashingExecutionDelayInRounds,
        slashingVetoer,
        slashingDisableDuration,
        governanceProposerQuorum,
        governanceProposerRoundSize,
        governanceVotingDuration,
        manaTarget,
        provingCostPerMana,
        initialEthPerFeeAsset,
        exitDelaySeconds);
  }

  public L1ContractsConfig withAztecTargetCommitteeSize(long v) {
    return new L1ContractsConfig(
        ethereumSlotDuration,
        aztecSlotDuration,
        aztecEpochDuration,
        v,
        lagInEpochsForValidatorSet,
        lagInEpochsForRandao,
        inboxLag,
        aztecProofSubmissionEpochs,
        activationThreshold,
        ejectionThreshold,
        localEjectionThreshold,
        slashingOffsetInRounds,
        slasherFlavor,
        slashAmountSmall,
        slashAmountMedium,
        slashAmountLarge,
        slashingQuorum,
        slashingRoundSizeInEpochs,
        slashingLifetimeInRounds,
        slashingExecutionDelayInRounds,
        slashingVetoer,
        slashingDisableDuration,
        governanceProposerQuorum,
        governanceProposerRoundSize,
        governanceVotingDuration,
        manaTarget,
        provingCostPerMana,
        initialEthPerFeeAsset,
        exitDelaySeconds);
  }

  public L1ContractsConfig withSlasherFlavor(String v) {
    return new L1ContractsConfig(
        ethereumSlotDuration,
        aztecSlotDuration,
        aztecEpochDuration,
        aztecTargetCommitteeSize,
        lagInEpochsForValidatorSet,
        lagInEpochsForRandao,
        inboxLag,
        aztecProofSubmissionEpochs,
        activationThreshold,
        ejectionThreshold,
        localEjectionThreshold,
        slashingOffsetInRounds,
        v,
        slashAmountSmall,
        slashAmountMedium,
        slashAmountLarge,
        slashingQuorum,
        slashingRoundSizeInEpochs,
        slashingLifetimeInRounds,
        slashingExecutionDelayInRounds,
        slashingVetoer,
        slashingDisableDuration,
        governanceProposerQuorum,
        governanceProposerRoundSize,
        governanceVotingDuration,
        manaTarget,
        provingCostPerMana,
        initialEthPerFeeAsset,
        exitDelaySeconds);
  }
}
