package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.start.UnavailableNodeLauncher;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code start} does with a valid configuration in this build. */
class StartCommandTest {
  @Test
  void validConfigPrintsASummaryThenReportsMissingServicesWithStatus3() {
    CliHarness.Result r =
        CliHarness.run(CliHarness.SEQUENCER_ENV, "start", "--node", "--archiver", "--sequencer");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.SERVICES_UNAVAILABLE);
    assertThat(r.errLines()).containsExactly(UnavailableNodeLauncher.MESSAGE);
    assertThat(r.out())
        .startsWith("quetzal ")
        .contains("roles          node, archiver, sequencer")
        .contains("network        local (L1 chain id 31337)")
        .contains("L1 execution   http://localhost:8545")
        .contains("registry       " + CliHarness.REGISTRY)
        .contains("ports          json-rpc 8080, admin 8880, p2p disabled")
        .contains("data directory " + CliHarness.DATA_DIRECTORY)
        .contains("validators     1 key: " + CliHarness.ADDRESS_1)
        .contains("publishers     1 key: " + CliHarness.ADDRESS_1)
        .contains("coinbase       (the attester address)");
  }

  @Test
  void localNetworkSummaryNamesItsOwnValidators() {
    CliHarness.Result r = CliHarness.run(Map.of(), "start", "--local-network");

    assertThat(r.out())
        .contains("validators     4 local-network validators (anvil accounts 0-3)")
        .contains("publishers     (the first validator key)");
  }

  @Test
  void theLauncherReceivesTheValidatedConfig() {
    Map<String, String> env = new HashMap<>(CliHarness.NODE_ENV);
    env.put("COINBASE", CliHarness.ADDRESS_3);
    CliHarness.Result r =
        CliHarness.run(env, "start", "--node", "--sequencer", "--network", "testnet");

    assertThat(r.launched()).isNotNull();
    assertThat(r.launched().network()).isEqualTo(NetworkName.TESTNET);
    assertThat(r.launched().validator().coinbase())
        .contains(EthValues.address(CliHarness.ADDRESS_3));
    assertThat(r.launched().validator().addresses())
        .containsExactly(EthValues.address(CliHarness.ADDRESS_1));
    // The operator's registry wins over the testnet preset.
    assertThat(r.launched().l1().registryAddress())
        .contains(EthValues.address(CliHarness.REGISTRY));
    assertThat(r.out())
        .contains("p2p 40400 (tcp+udp)")
        .contains("coinbase       " + CliHarness.ADDRESS_3);
  }

  @Test
  void summaryHidesUrlPathsAndQueries() {
    Map<String, String> env = new HashMap<>(CliHarness.NODE_ENV);
    env.put("ETHEREUM_HOSTS", "https://user:pw@eth.example:8443/v3/abcdef0123?token=zzz");
    CliHarness.Result r = CliHarness.run(env, "start", "--archiver");
    assertThat(r.out())
        .contains("https://eth.example:8443/…")
        .doesNotContain("abcdef0123")
        .doesNotContain("pw")
        .doesNotContain("zzz");
  }

  @Test
  void aLocalNetworkNeedsNoL1SettingsOrKeys() {
    CliHarness.Result r = CliHarness.run("start", "--local-network");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("roles          local-network").contains("http://localhost:8545");
  }

  @Test
  void anUnexpectedFailureInTheLauncherIsABugWithStatus1() {
    CliHarness.Result r =
        CliHarness.runWith(
            (unavailable, config) -> {
              throw new IllegalStateException("boom");
            },
            Map.of(),
            "start",
            "--local-network");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(r.errLines())
        .containsExactly(
            "quetzal: internal error (java.lang.IllegalStateException); this is a bug, the stack"
                + " trace is in the log");
    assertThat(r.log()).contains("ERROR").contains("java.lang.IllegalStateException: boom");
  }
}
