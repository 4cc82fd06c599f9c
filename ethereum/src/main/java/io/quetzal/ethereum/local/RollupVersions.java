package io.quetzal.ethereum.local;

import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The rollup version a deployment will get, computed ahead of the deployment as {@code
 * RollupConfiguration._computeConfigVersion} does on L1: the first 4 bytes of {@code
 * keccak256(abi.encode(RollupConfigInput, GenesisState))}, with the version field still 0. Every
 * member of both structs is static, so the encoding is one 32-byte word per value in declaration
 * order. The constants not taken from the environment are those of {@code RollupConfiguration.sol}
 * 4.1.2 (reward 500e18 at 70 % to sequencers, the reward booster and the entry queue defaults).
 *
 * <p>It proves that Quetzal hands the deploy script the same values as the official deployer: the
 * official local network's arguments must give its known version, 344372055.
 */
public final class RollupVersions {
  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private RollupVersions() {}

  /**
   * The version of a rollup deployed with {@code args} on a chain other than mainnet.
   *
   * @param rewardDistributor the registry's reward distributor (part of the reward config)
   */
  public static long compute(AztecL1DeployArgs args, EthAddress rewardDistributor) {
    L1ContractsConfig c = args.config();
    Words w = new Words();
    w.u(c.aztecSlotDuration());
    w.u(c.aztecEpochDuration());
    w.u(c.aztecTargetCommitteeSize());
    w.u(c.lagInEpochsForValidatorSet());
    w.u(c.lagInEpochsForRandao());
    w.u(c.aztecProofSubmissionEpochs());
    w.u(c.effectiveSlashingQuorum());
    w.u(c.slashingRoundSize());
    w.u(c.slashingLifetimeInRounds());
    w.u(c.slashingExecutionDelayInRounds());
    w.u(c.slashAmountSmall());
    w.u(c.slashAmountMedium());
    w.u(c.slashAmountLarge());
    w.u(c.slashingOffsetInRounds());
    w.u(
        switch (c.slasherFlavor()) {
          case "tally" -> 1;
          case "empire" -> 2;
          default -> 0;
        });
    w.a(c.slashingVetoer());
    w.u(c.slashingDisableDuration());
    w.u(c.manaTarget());
    w.u(c.exitDelaySeconds());
    w.u(0); // version, not yet known
    w.u(c.provingCostPerMana());
    w.u(c.initialEthPerFeeAsset());
    // RewardConfig
    w.a(rewardDistributor);
    w.u(7000); // sequencerBps
    w.a(EthAddress.ZERO); // booster: deployed by the rollup
    w.u(BigInteger.valueOf(500).multiply(E18)); // checkpointReward
    // RewardBoostConfig
    w.u(125_000);
    w.u(15_000_000);
    w.u(1000);
    w.u(100_000);
    w.u(1_000_000);
    // StakingQueueConfig (AZTEC_ENTRY_QUEUE_* defaults)
    w.u(0);
    w.u(0);
    w.u(48);
    w.u(2);
    w.u(48);
    w.u(c.localEjectionThreshold());
    w.u(0); // earliestRewardsClaimableTimestamp: 0 off mainnet
    w.u(c.inboxLag());
    // GenesisState
    w.f(args.vkTreeRoot());
    w.f(args.protocolContractsHash());
    w.f(args.genesisArchiveRoot());
    byte[] h = Keccak256.hash(w.bytes());
    return ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
  }

  private static final class Words {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void u(long v) {
      u(BigInteger.valueOf(v));
    }

    void u(BigInteger v) {
      if (v.signum() < 0 || v.bitLength() > 256) {
        throw new IllegalArgumentException("not a uint256: " + v);
      }
      out.writeBytes(AnvilAccounts.toBytes32(v));
    }

    void a(EthAddress a) {
      out.writeBytes(a.toBytes32());
    }

    void f(Fr f) {
      out.writeBytes(f.toBytes());
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
