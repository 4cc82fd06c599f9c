package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the Aztec L1 deploy script ({@code DeployAztecL1Contracts.s.sol}) is given, as the
 * official {@code DeployAztecL1ContractsArgs}: the L1 contract parameters, the genesis commitments,
 * the initial validators and the FeeJuicePortal's initial balance (the fee juice the genesis state
 * credits to the funded accounts, minted to the portal so that it backs them on L1).
 *
 * @param config the L1 contract parameters
 * @param vkTreeRoot genesis VK tree root
 * @param protocolContractsHash genesis protocol contracts hash
 * @param genesisArchiveRoot the archive root of the genesis state (Quetzal computes it)
 * @param initialValidators validators registered at deployment (the local network's committee)
 * @param feeJuicePortalInitialBalance fee juice minted to the portal ({@code fundingNeeded})
 * @param realVerifier deploy the real Honk verifier instead of the mock
 * @param network the {@code NETWORK} name the scripts pick governance settings by ("local")
 */
public record AztecL1DeployArgs(
    L1ContractsConfig config,
    Fr vkTreeRoot,
    Fr protocolContractsHash,
    Fr genesisArchiveRoot,
    List<LocalValidator> initialValidators,
    BigInteger feeJuicePortalInitialBalance,
    boolean realVerifier,
    String network) {

  /**
   * Every variable the deploy scripts read (DeploymentConfiguration.sol, RollupConfiguration.sol,
   * DeployAztecL1Contracts.s.sol). None of them is inherited from the caller's environment: the
   * deployment depends on these arguments only, which keeps it reproducible (and cacheable).
   */
  public static final Set<String> SCRIPT_VARIABLES =
      Set.of(
          "NETWORK",
          "DEPLOYER_ADDRESS",
          "EXISTING_TOKEN_ADDRESS",
          "INITIAL_VALIDATORS",
          "REAL_VERIFIER",
          "FEE_JUICE_PORTAL_INITIAL_BALANCE",
          "VK_TREE_ROOT",
          "PROTOCOL_CONTRACTS_HASH",
          "GENESIS_ARCHIVE_ROOT",
          "AZTEC_SLOT_DURATION",
          "AZTEC_EPOCH_DURATION",
          "AZTEC_TARGET_COMMITTEE_SIZE",
          "AZTEC_LAG_IN_EPOCHS_FOR_VALIDATOR_SET",
          "AZTEC_LAG_IN_EPOCHS_FOR_RANDAO",
          "AZTEC_INBOX_LAG",
          "AZTEC_PROOF_SUBMISSION_EPOCHS",
          "AZTEC_LOCAL_EJECTION_THRESHOLD",
          "AZTEC_SLASHING_LIFETIME_IN_ROUNDS",
          "AZTEC_SLASHING_EXECUTION_DELAY_IN_ROUNDS",
          "AZTEC_SLASHING_VETOER",
          "AZTEC_SLASHING_DISABLE_DURATION",
          "AZTEC_MANA_TARGET",
          "AZTEC_EXIT_DELAY_SECONDS",
          "AZTEC_PROVING_COST_PER_MANA",
          "AZTEC_INITIAL_ETH_PER_FEE_ASSET",
          "AZTEC_SLASHER_FLAVOR",
          "AZTEC_SLASHING_ROUND_SIZE_IN_EPOCHS",
          "AZTEC_SLASHING_QUORUM",
          "AZTEC_SLASHING_OFFSET_IN_ROUNDS",
          "AZTEC_SLASH_AMOUNT_SMALL",
          "AZTEC_SLASH_AMOUNT_MEDIUM",
          "AZTEC_SLASH_AMOUNT_LARGE",
          "AZTEC_ACTIVATION_THRESHOLD",
          "AZTEC_EJECTION_THRESHOLD",
          "AZTEC_GOVERNANCE_PROPOSER_ROUND_SIZE",
          "AZTEC_GOVERNANCE_PROPOSER_QUORUM",
          "AZTEC_GOVERNANCE_VOTING_DURATION",
          "AZTEC_ENTRY_QUEUE_BOOTSTRAP_VALIDATOR_SET_SIZE",
          "AZTEC_ENTRY_QUEUE_BOOTSTRAP_FLUSH_SIZE",
          "AZTEC_ENTRY_QUEUE_FLUSH_SIZE_MIN",
          "AZTEC_ENTRY_QUEUE_FLUSH_SIZE_QUOTIENT",
          "AZTEC_ENTRY_QUEUE_MAX_FLUSH_SIZE",
          "ZKPASSPORT_DOMAIN",
          "ZKPASSPORT_SCOPE",
          "FOUNDRY_PROFILE");

  public AztecL1DeployArgs {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(vkTreeRoot, "vkTreeRoot");
    Objects.requireNonNull(protocolContractsHash, "protocolContractsHash");
    Objects.requireNonNull(genesisArchiveRoot, "genesisArchiveRoot");
    initialValidators = List.copyOf(initialValidators);
    Objects.requireNonNull(feeJuicePortalInitialBalance, "feeJuicePortalInitialBalance");
    Objects.requireNonNull(network, "network");
    if (config.aztecTargetCommitteeSize() > 0
        && initialValidators.size() < config.aztecTargetCommitteeSize()) {
      throw new IllegalArgumentException(
          "a committee of "
              + config.aztecTargetCommitteeSize()
              + " needs at least as many initial validators, got "
              + initialValidators.size());
    }
  }

  /** The genesis commitments of Aztec 4.1.2 with the given archive root, network "local". */
  public static AztecL1DeployArgs local(
      L1ContractsConfig config,
      Fr genesisArchiveRoot,
      BigInteger fundingNeeded,
      List<LocalValidator> validators) {
    return new AztecL1DeployArgs(
        config,
        ProtocolCommitments.VK_TREE_ROOT,
        ProtocolCommitments.PROTOCOL_CONTRACTS_HASH,
        genesisArchiveRoot,
        validators,
        fundingNeeded,
        false,
        "local");
  }

  /** The {@code INITIAL_VALIDATORS} JSON. */
  public String initialValidatorsJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (LocalValidator v : initialValidators) {
      a.add(v.toInitialValidatorJson());
    }
    return a.toString();
  }

  /**
   * The environment the deploy script reads, exactly as the official {@code
   * getDeployAztecL1ContractsEnvVars} (plus {@code NETWORK}) builds it: decimal numbers, 0x-hex
   * roots, optional values left out when unset.
   */
  public Map<String, String> forgeEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("NETWORK", network);
    env.put("INITIAL_VALIDATORS", initialValidatorsJson());
    env.put("REAL_VERIFIER", Boolean.toString(realVerifier));
    env.put("FEE_JUICE_PORTAL_INITIAL_BALANCE", feeJuicePortalInitialBalance.toString());
    env.put("VK_TREE_ROOT", vkTreeRoot.toString());
    env.put("PROTOCOL_CONTRACTS_HASH", protocolContractsHash.toString());
    env.put("GENESIS_ARCHIVE_ROOT", genesisArchiveRoot.toString());
    L1ContractsConfig c = config;
    env.put("AZTEC_SLOT_DURATION", Long.toString(c.aztecSlotDuration()));
    env.put("AZTEC_EPOCH_DURATION", Long.toString(c.aztecEpochDuration()));
    env.put("AZTEC_TARGET_COMMITTEE_SIZE", Long.toString(c.aztecTargetCommitteeSize()));
    env.put("AZTEC_LAG_IN_EPOCHS_FOR_VALIDATOR_SET", Long.toString(c.lagInEpochsForValidatorSet()));
    env.put("AZTEC_LAG_IN_EPOCHS_FOR_RANDAO", Long.toString(c.lagInEpochsForRandao()));
    env.put("AZTEC_INBOX_LAG", Long.toString(c.inboxLag()));
    env.put("AZTEC_PROOF_SUBMISSION_EPOCHS", Long.toString(c.aztecProofSubmissionEpochs()));
    env.put("AZTEC_LOCAL_EJECTION_THRESHOLD", c.localEjectionThreshold().toString());
    env.put("AZTEC_SLASHING_LIFETIME_IN_ROUNDS", Long.toString(c.slashingLifetimeInRounds()));
    env.put(
        "AZTEC_SLASHING_EXECUTION_DELAY_IN_ROUNDS",
        Long.toString(c.slashingExecutionDelayInRounds()));
    env.put("AZTEC_SLASHING_VETOER", c.slashingVetoer().toString());
    env.put("AZTEC_SLASHING_DISABLE_DURATION", Long.toString(c.slashingDisableDuration()));
    env.put("AZTEC_MANA_TARGET", c.manaTarget().toString());
    env.put("AZTEC_EXIT_DELAY_SECONDS", Long.toString(c.exitDelaySeconds()));
    env.put("AZTEC_PROVING_COST_PER_MANA", c.provingCostPerMana().toString());
    env.put("AZTEC_INITIAL_ETH_PER_FEE_ASSET", c.initialEthPerFeeAsset().toString());
    env.put("AZTEC_SLASHER_FLAVOR", c.slasherFlavor());
    env.put("AZTEC_SLASHING_ROUND_SIZE_IN_EPOCHS", Long.toString(c.slashingRoundSizeInEpochs()));
    c.slashingQuorum().ifPresent(q -> env.put("AZTEC_SLASHING_QUORUM", Long.toString(q)));
    env.put("AZTEC_SLASHING_OFFSET_IN_ROUNDS", Long.toString(c.slashingOffsetInRounds()));
    env.put("AZTEC_SLASH_AMOUNT_SMALL", c.slashAmountSmall().toString());
    env.put("AZTEC_SLASH_AMOUNT_MEDIUM", c.slashAmountMedium().toString());
    env.put("AZTEC_SLASH_AMOUNT_LARGE", c.slashAmountLarge().toString());
    env.put("AZTEC_ACTIVATION_THRESHOLD", c.activationThreshold().toString());
    env.put("AZTEC_EJECTION_THRESHOLD", c.ejectionThreshold().toString());
    env.put("AZTEC_GOVERNANCE_PROPOSER_ROUND_SIZE", Long.toString(c.governanceProposerRoundSize()));
    c.governanceProposerQuorum()
        .ifPresent(q -> env.put("AZTEC_GOVERNANCE_PROPOSER_QUORUM", Long.toString(q)));
    env.put("AZTEC_GOVERNANCE_VOTING_DURATION", Long.toString(c.governanceVotingDuration()));
    return env;
  }

  /** A copy with other validators. */
  public AztecL1DeployArgs withValidators(List<LocalValidator> validators) {
    return new AztecL1DeployArgs(
        config,
        vkTreeRoot,
        protocolContractsHash,
        genesisArchiveRoot,
        validators,
        feeJuicePortalInitialBalance,
        realVerifier,
        network);
  }
}
