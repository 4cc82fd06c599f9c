package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.TestResources;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisState;
import io.quetzal.stdlib.genesis.GenesisValues;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deploy script's inputs, and the rollup version they lead to. */
class AztecL1DeployArgsTest {
  private static final JsonNode OFFICIAL = TestResources.officialLocalNetwork();

  /** What the official {@code aztec start --local-network} hands its deploy script. */
  static AztecL1DeployArgs officialLocalNetwork() {
    GenesisValues g = GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses());
    return AztecL1DeployArgs.local(
        L1ContractsConfig.OFFICIAL_LOCAL_NETWORK,
        GenesisState.genesisArchiveRoot(g.prefilledPublicData()),
        g.fundingNeeded(),
        List.of());
  }

  @Test
  void theOfficialLocalNetworkArgumentsGiveItsRollupVersion() {
    AztecL1DeployArgs args = officialLocalNetwork();
    assertThat(args.genesisArchiveRoot().toString())
        .isEqualTo(OFFICIAL.get("genesisArchiveRoot").asText());
    assertThat(args.vkTreeRoot().toString()).isEqualTo(OFFICIAL.get("vkTreeRoot").asText());
    assertThat(args.protocolContractsHash().toString())
        .isEqualTo(OFFICIAL.get("protocolContractsHash").asText());
    EthAddress rewardDistributor =
        EthAddress.fromString(OFFICIAL.get("rewardDistributorAddress").asText());
    assertThat(RollupVersions.compute(args, rewardDistributor))
        .isEqualTo(OFFICIAL.get("rollupVersion").asLong())
        .isEqualTo(344_372_055L);
  }

  @Test
  void anyChangeOfAParameterChangesTheVersion() {
    AztecL1DeployArgs args = officialLocalNetwork();
    EthAddress rd = EthAddress.fromString(OFFICIAL.get("rewardDistributorAddress").asText());
    long base = RollupVersions.compute(args, rd);
    AztecL1DeployArgs committee =
        new AztecL1DeployArgs(
            args.config().withAztecTargetCommitteeSize(4),
            args.vkTreeRoot(),
            args.protocolContractsHash(),
            args.genesisArchiveRoot(),
            LocalValidator.fromMnemonic(AnvilAccounts.DEFAULT_MNEMONIC, 4),
            args.feeJuicePortalInitialBalance(),
            false,
            "local");
    assertThat(RollupVersions.compute(committee, rd)).isNotEqualTo(base);
    assertThat(RollupVersions.compute(args, EthAddress.fromNumber(1))).isNotEqualTo(base);
  }

  @Test
  void environmentIsTheOfficialOne() {
    Map<String, String> env = officialLocalNetwork().forgeEnvironment();
    assertThat(env)
        .containsEntry("NETWORK", "local")
        .containsEntry("INITIAL_VALIDATORS", "[]")
        .containsEntry("REAL_VERIFIER", "false")
        .containsEntry("FEE_JUICE_PORTAL_INITIAL_BALANCE", "50000000000000000000000")
        .containsEntry(
            "GENESIS_ARCHIVE_ROOT",
            "0x2dbb06108e9a86dfd66387eac78e843c558a4c742514c4d1423e306717362435")
        .containsEntry("AZTEC_SLOT_DURATION", "72")
        .containsEntry("AZTEC_EPOCH_DURATION", "2")
        .containsEntry("AZTEC_TARGET_COMMITTEE_SIZE", "0")
        .containsEntry("AZTEC_LAG_IN_EPOCHS_FOR_VALIDATOR_SET", "2")
        .containsEntry("AZTEC_LAG_IN_EPOCHS_FOR_RANDAO", "1")
        .containsEntry("AZTEC_INBOX_LAG", "1")
        .containsEntry("AZTEC_PROOF_SUBMISSION_EPOCHS", "1")
        .containsEntry("AZTEC_LOCAL_EJECTION_THRESHOLD", "98000000000000000000")
        .containsEntry("AZTEC_SLASHING_VETOER", "0x0000000000000000000000000000000000000000")
        .containsEntry("AZTEC_SLASHER_FLAVOR", "none")
        .containsEntry("AZTEC_MANA_TARGET", "100000000")
        .containsEntry("AZTEC_ACTIVATION_THRESHOLD", "100000000000000000000")
        .containsEntry("AZTEC_GOVERNANCE_VOTING_DURATION", "3600")
        .doesNotContainKeys("AZTEC_SLASHING_QUORUM", "AZTEC_GOVERNANCE_PROPOSER_QUORUM");
    assertThat(env).hasSize(33);
    assertThat(AztecL1DeployArgs.SCRIPT_VARIABLES).containsAll(env.keySet());
  }

  @Test
  void initialValidatorsAreWrittenAsTheOfficialComputeValidatorData() throws Exception {
    List<LocalValidator> vs = LocalValidator.fromMnemonic(AnvilAccounts.DEFAULT_MNEMONIC, 2);
    AztecL1DeployArgs args = officialLocalNetwork().withValidators(vs);
    JsonNode json = new ObjectMapper().readTree(args.initialValidatorsJson());
    assertThat(json.size()).isEqualTo(2);
    JsonNode v0 = json.get(0);
    assertThat(v0.get("attester").asText())
        .isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")
        .isEqualTo(v0.get("withdrawer").asText());
    BigInteger sk = new BigInteger(v0.get("privateKey").asText());
    assertThat(sk).isEqualTo(vs.get(0).bn254SecretKey().toBigInteger());
    assertThat(new BigInteger(v0.at("/publicKeyInG2/x0").asText()))
        .isEqualTo(vs.get(0).publicKeyInG2().x().c0());
    assertThat(v0.get("publicKeyInG2").size()).isEqualTo(4);
  }

  @Test
  void aCommitteeNeedsEnoughValidators() {
    AztecL1DeployArgs args = officialLocalNetwork();
    assertThatThrownBy(
            () ->
                new AztecL1DeployArgs(
                    args.config().withAztecTargetCommitteeSize(4),
                    args.vkTreeRoot(),
                    args.protocolContractsHash(),
                    args.genesisArchiveRoot(),
                    LocalValidator.fromMnemonic(AnvilAccounts.DEFAULT_MNEMONIC, 3),
                    BigInteger.ZERO,
                    false,
                    "local"))
        .hasMessageContaining("committee of 4 needs at least as many initial validators");
  }

  @Test
  void configChecksItsInvariants() {
    assertThatThrownBy(() -> L1ContractsConfig.DEFAULTS.withSlasherFlavor("nice"))
        .hasMessageContaining("none, tally or empire");
    assertThat(L1ContractsConfig.OFFICIAL_LOCAL_NETWORK.effectiveSlashingQuorum()).isEqualTo(5);
    assertThat(L1ContractsConfig.DEFAULTS.aztecEpochDuration()).isEqualTo(32);
  }

  @Test
  void genesisRootIsTheLocalNetworks() {
    assertThat(officialLocalNetwork().genesisArchiveRoot())
        .isEqualTo(
            Fr.fromHexString("0x2dbb06108e9a86dfd66387eac78e843c558a4c742514c4d1423e306717362435"));
  }
}
