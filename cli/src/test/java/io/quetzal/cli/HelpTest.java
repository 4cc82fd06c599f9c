package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.options.Area;
import io.quetzal.cli.options.OptionDef;
import io.quetzal.cli.options.OptionTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {
  /** The flags the operator-facing brief names; all must be documented. */
  private static final List<String> DOCUMENTED_FLAGS =
      List.of(
          "--node",
          "--archiver",
          "--sequencer",
          "--network",
          "--local-network",
          "--ethereum-hosts",
          "--l1-rpc-urls",
          "--l1-consensus-host-urls",
          "--l1-consensus-host-api-keys",
          "--l1-consensus-host-api-key-headers",
          "--validator-private-key",
          "--validator-private-keys",
          "--coinbase",
          "--p2p-ip",
          "--p2p-port",
          "--port",
          "--data-directory",
          "--l1-chain-id",
          "--registry-address",
          "--admin-port",
          "--rollup-version",
          "--fee-recipient",
          "--p2p-enabled",
          "--p2p-listen-addr",
          "--p2p-broadcast-port",
          "--bootstrap-nodes",
          "--p2p-max-peers",
          "--blob-file-store-urls",
          "--blob-file-store-upload-url",
          "--archiver-polling-interval-ms",
          "--world-state-checkpoint-history",
          "--data-store-map-size-kb",
          "--log-level",
          "--sequencer.coinbase",
          "--p2p.p2pPort",
          "--seq-publisher-private-keys");

  private static final List<String> DOCUMENTED_ENV =
      List.of(
          "NETWORK",
          "ETHEREUM_HOSTS",
          "L1_CONSENSUS_HOST_URLS",
          "L1_CONSENSUS_HOST_API_KEYS",
          "L1_CONSENSUS_HOST_API_KEY_HEADERS",
          "VALIDATOR_PRIVATE_KEYS",
          "VALIDATOR_PRIVATE_KEY",
          "COINBASE",
          "P2P_IP",
          "P2P_PORT",
          "AZTEC_PORT",
          "AZTEC_ADMIN_PORT",
          "DATA_DIRECTORY",
          "L1_CHAIN_ID",
          "REGISTRY_CONTRACT_ADDRESS",
          "ROLLUP_VERSION",
          "SEQ_PUBLISHER_PRIVATE_KEYS",
          "SEQ_PUBLISHER_PRIVATE_KEY",
          "FEE_RECIPIENT",
          "P2P_ENABLED",
          "P2P_LISTEN_ADDR",
          "P2P_BROADCAST_PORT",
          "BOOTSTRAP_NODES",
          "P2P_MAX_PEERS",
          "BLOB_FILE_STORE_URLS",
          "BLOB_FILE_STORE_UPLOAD_URL",
          "ARCHIVER_POLLING_INTERVAL_MS",
          "WS_NUM_HISTORIC_CHECKPOINTS",
          "DATA_STORE_MAP_SIZE_KB",
          "LOG_LEVEL");

  @Test
  void startHelpListsEveryFlagEnvironmentVariableAndDefault() {
    CliHarness.Result r = CliHarness.run("start", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(DOCUMENTED_FLAGS).contains(DOCUMENTED_ENV);
    for (OptionDef<?> def : OptionTable.ALL) {
      assertThat(r.out()).contains(def.names());
      def.envVars().forEach(v -> assertThat(r.out()).contains(v));
      assertThat(r.out()).contains(def.description().split(" ")[0]);
    }
    assertThat(r.out())
        .contains("env: P2P_PORT  |  default: 40400")
        .contains("env: AZTEC_PORT  |  default: 8080")
        .contains("env: L1_CHAIN_ID  |  default: 31337")
        .contains("env: VALIDATOR_PRIVATE_KEYS, VALIDATOR_PRIVATE_KEY");
  }

  @Test
  void startHelpIsGroupedByAreaInOrder() {
    String help = CliHarness.run("start", "--help").out();
    int previous = -1;
    for (Area area : Area.values()) {
      int at = help.indexOf("\n" + area.title() + "\n");
      assertThat(at).as(area.title()).isGreaterThan(previous);
      previous = at;
    }
    int p2pSection = help.indexOf("\nP2P\n");
    int validatorSection = help.indexOf("\nValidator\n");
    assertThat(help.indexOf("--p2p-port")).isBetween(p2pSection, validatorSection);
  }

  @Test
  void helpShowsBuiltInDefaultsNeverTheEnvironment() {
    CliHarness.Result r =
        CliHarness.run(
            Map.of(
                "P2P_PORT", "41234",
                "VALIDATOR_PRIVATE_KEYS", CliHarness.KEY_1,
                "L1_CONSENSUS_HOST_API_KEYS", "supersecretapikey"),
            "start",
            "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("41234").contains("default: 40400");
    assertThat(r.out()).doesNotContain(CliHarness.KEY_1.substring(2, 18));
    assertThat(r.out()).doesNotContain("supersecretapikey");
    assertThat(r.out()).contains("secret: never printed");
  }

  @Test
  void rootHelpListsTheStartCommand() {
    CliHarness.Result r = CliHarness.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: quetzal").contains("start").contains("--version");
  }

  @Test
  void versionNamesTheProjectVersionAndTheAztecVersion() {
    CliHarness.Result r = CliHarness.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().strip())
        .matches("quetzal \\d+\\.\\d+\\.\\d+\\S* \\(compatible with Aztec 4\\.1\\.2\\)");
    assertThat(CliHarness.run("start", "--version").out()).isEqualTo(r.out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliHarness.Result r = CliHarness.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("quetzal: a command is required").contains("start");
  }
}
