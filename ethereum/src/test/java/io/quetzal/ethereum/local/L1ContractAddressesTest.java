package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.TestResources;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address book's JSON (as node_getL1ContractAddresses) and the deployment record. */
class L1ContractAddressesTest {
  private static final JsonNode OFFICIAL =
      TestResources.officialLocalNetwork().get("l1ContractAddresses");

  @Test
  void roundTripsTheOfficialAnswerByteForByte() {
    L1ContractAddresses a = L1ContractAddresses.fromJson(OFFICIAL);
    assertThat(a.toJson().toString()).isEqualTo(OFFICIAL.toString());
    assertThat(a.asMap()).hasSize(17);
  }

  @Test
  void readsTheForgeResultLine() throws Exception {
    String line =
        "  JSON DEPLOY RESULT: {\"coinIssuerAddress\":\"0x8A791620dd6260079BF849Dc5567aDC3F2FdC318\","
            + "\"dateGatedRelayerAddress\":\"0x0B306BF915C4d645ff596e518fAf3F9669b97016\","
            + "\"feeAssetAddress\":\"0xa513E6E4b8f2a923D98304ec87F64353C4D5C853\","
            + "\"feeAssetHandlerAddress\":\"0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1\","
            + "\"feeJuicePortalAddress\":\"0x846005FdB8e3F125749DF47D36B2C826029e5364\","
            + "\"governanceAddress\":\"0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82\","
            + "\"governanceProposerAddress\":\"0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0\","
            + "\"gseAddress\":\"0x610178dA211FEF7D417bC0e6FeD39F05609AD788\","
            + "\"inboxAddress\":\"0x6A1B3C7624b69000D7848916fb4f42026409586C\","
            + "\"outboxAddress\":\"0x2925cE379BCa1f75f94B31aF463aD05FaD7050AA\","
            + "\"registryAddress\":\"0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e\","
            + "\"rewardDistributorAddress\":\"0x8dAF17A20c9DBA35f005b6324F493785D239719d\","
            + "\"rollupAddress\":\"0x322813Fd9A801c5507c9de605d63CEA4f2CE6c44\","
            + "\"rollupVersion\":344372055,"
            + "\"slashFactoryAddress\":\"0xa85233C63b9Ee964Add6F2cffe00Fd84eb32338f\","
            + "\"stakingAssetAddress\":\"0x0165878A594ca255338adfa4d48449f69242Eb8F\","
            + "\"stakingAssetHandlerAddress\":\"0x3Aa5ebB10DC797CAC828524e59A333d0A371443c\","
            + "\"verifierAddress\":\"0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1\","
            + "\"zkPassportVerifierAddress\":\"0x68B1D87F95878fE05B998F19b66F4baba5De1aed\"}";
    Path log = Files.createTempFile("forge", ".log");
    try {
      Files.writeString(log, "No files changed, compilation skipped\n== Logs ==\n" + line + "\n");
      JsonNode r = ForgeScript.parseResult(log);
      assertThat(r.get("rollupVersion").asLong()).isEqualTo(344372055);
      assertThat(DeployedL1Contracts.addressesFromForgeResult(r).toJson()).isEqualTo(OFFICIAL);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void theDeploymentRecordRoundTrips(@TempDir Path dir) throws Exception {
    DeployedL1Contracts d =
        new DeployedL1Contracts(
            31337,
            344372055,
            L1ContractAddresses.fromJson(OFFICIAL),
            EthAddress.fromNumber(9),
            EthAddress.fromNumber(1),
            Fr.ofLong(5),
            List.of(EthAddress.fromNumber(2), EthAddress.fromNumber(3)));
    Path file = dir.resolve(DeployedL1Contracts.FILE_NAME);
    d.write(file);
    assertThat(DeployedL1Contracts.read(file)).isEqualTo(d);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("l1ContractAddresses")).isEqualTo(OFFICIAL);
  }

  @Test
  void rejectsIncompleteBooks() {
    assertThatThrownBy(
            () ->
                L1ContractAddresses.fromJson(
                    new ObjectMapper().readTree("{\"registryAddress\":\"0x01\"}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
