package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.L1Config;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.NetworkPreset;
import io.quetzal.cli.config.P2pConfig;
import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.StorageConfig;
import io.quetzal.cli.options.NetworkOptions;
import io.quetzal.cli.options.OptionValues;
import io.quetzal.cli.options.Origin;
import io.quetzal.cli.options.SequencerOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code --network} presets fill in only what the operator left unset. */
class NetworkPresetTest {
  private static final Map<String, String> ENV =
      Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL, "VALIDATOR_PRIVATE_KEYS", CliHarness.KEY_1);

  @Test
  void testnetFillsInEverythingUnset() {
    StartConfig c = CliHarness.config(ENV, "--node", "--sequencer", "--network", "testnet");

    assertThat(c.network()).isEqualTo(NetworkName.TESTNET);
    assertThat(c.l1().chainId()).isEqualTo(11_155_111L);
    assertThat(c.l1().registryAddress())
        .contains(EthValues.address("0xa0bfb1b494fb49041e5c6e8c2c1be09cd171c6ba"));
    assertThat(c.p2p().enabled()).isTrue();
    assertThat(c.p2p().maxPendingTxCount()).isEqualTo(1_000);
    assertThat(c.sequencer().minTxsPerBlock()).isEqualTo(1);
    assertThat(c.sequencer().buildCheckpointIfEmpty()).isTrue();
    assertThat(c.sequencer().blockDurationMs()).isEqualTo(OptionalInt.of(6_000));
    assertThat(c.sequencer().l1PublishingTimeSeconds()).isEqualTo(OptionalInt.of(36));
    assertThat(c.sequencer().maxTxsPerCheckpoint()).isEqualTo(OptionalInt.of(72));
    assertThat(c.sequencer().maxTxsPerBlock()).isEmpty();
    assertThat(c.storage().dataStoreMapSizeKb()).isEqualTo(134_217_728L);
    assertThat(c.storage().archiverStoreMapSizeKb()).isEqualTo(OptionalLong.of(1_073_741_824L));
    assertThat(c.storage().dataDirectory())
        .contains(CliHarness.HOME.resolve(".aztec/testnet/data"));
  }

  @Test
  void alphaTestnetIsTestnet() {
    StartConfig c = CliHarness.config(ENV, "--node", "--network", "alpha-testnet");
    assertThat(c.network()).isEqualTo(NetworkName.TESTNET);
    assertThat(c.storage().dataDirectory())
        .contains(CliHarness.HOME.resolve(".aztec/testnet/data"));
  }

  @Test
  void mainnetUsesChain1AndItsRegistry() {
    StartConfig c =
        CliHarness.config(
            Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL, "NETWORK", "mainnet"), "--node");
    assertThat(c.l1().chainId()).isEqualTo(1L);
    assertThat(c.l1().registryAddress())
        .contains(EthValues.address("0x35b22e09Ee0390539439E24f06Da43D83f90e298"));
  }

  @Test
  void devnetSetsBlockSizeButNoRegistry() {
    StartConfig c =
        CliHarness.config(
            Map.of(
                "ETHEREUM_HOSTS",
                CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS",
                CliHarness.REGISTRY),
            "--node",
            "--network",
            "devnet");
    assertThat(c.sequencer().maxTxsPerBlock()).isEqualTo(OptionalInt.of(18));
    assertThat(c.sequencer().maxTxsPerCheckpoint()).isEmpty();
    assertThat(c.l1().registryAddress()).contains(EthValues.address(CliHarness.REGISTRY));
  }

  @Test
  void whatTheOperatorSetsWinsOverThePreset() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("L1_CHAIN_ID", "17000");
    env.put("SEQ_BUILD_CHECKPOINT_IF_EMPTY", "false");
    env.put("P2P_ENABLED", "0");
    env.put("DATA_DIRECTORY", "/srv/aztec");
    StartConfig c =
        CliHarness.config(
            env,
            "--node",
            "--sequencer",
            "--network",
            "testnet",
            "--registry-address",
            CliHarness.REGISTRY,
            "--seq-max-tx-per-checkpoint",
            "9",
            "--data-store-map-size-kb=1024");

    assertThat(c.l1().chainId()).isEqualTo(17_000L);
    assertThat(c.l1().registryAddress()).contains(EthValues.address(CliHarness.REGISTRY));
    assertThat(c.sequencer().buildCheckpointIfEmpty()).isFalse();
    assertThat(c.sequencer().maxTxsPerCheckpoint()).isEqualTo(OptionalInt.of(9));
    assertThat(c.p2p().enabled()).isFalse();
    assertThat(c.storage().dataDirectory()).contains(Path.of("/srv/aztec"));
    assertThat(c.storage().dataStoreMapSizeKb()).isEqualTo(1024L);
    // ...while what they did not set still comes from the preset.
    assertThat(c.sequencer().blockDurationMs()).isEqualTo(OptionalInt.of(6_000));
  }

  @Test
  void presetValuesAreReportedAsSuch() {
    OptionValues v = CliHarness.resolve(Map.of(), "--network", "testnet");
    assertThat(v.origin(NetworkOptions.L1_CHAIN_ID)).isEqualTo(Origin.preset("testnet"));
    assertThat(v.origin(SequencerOptions.SEQ_MIN_TX_PER_BLOCK)).isEqualTo(Origin.preset("testnet"));
    assertThat(v.origin(NetworkOptions.ROLLUP_VERSION)).isEqualTo(Origin.DEFAULT);
  }

  @Test
  void localInjectsNothing() {
    StartConfig c =
        CliHarness.config(
            Map.of(
                "ETHEREUM_HOSTS",
                CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS",
                CliHarness.REGISTRY),
            "--node",
            "--network",
            "local");
    assertThat(c.l1().chainId()).isEqualTo(L1Config.DEFAULT_CHAIN_ID);
    assertThat(c.p2p()).isEqualTo(P2pConfig.defaults());
    assertThat(c.sequencer()).isEqualTo(SequencerConfig.defaults());
    assertThat(c.storage()).isEqualTo(StorageConfig.defaults());
  }

  @Test
  void networksWithoutCompiledPresetsOnlyDefaultTheDataDirectory() {
    for (NetworkName n :
        new NetworkName[] {
          NetworkName.NEXT_NET, NetworkName.STAGING_IGNITION, NetworkName.STAGING_PUBLIC
        }) {
      assertThat(NetworkPreset.of(n).environmentDefaults(Path.of("/h")))
          .containsExactly(Map.entry("DATA_DIRECTORY", "/h/.aztec/" + n.id() + "/data"));
    }
    assertThat(NetworkPreset.of(NetworkName.LOCAL).environmentDefaults(Path.of("/h"))).isEmpty();
  }

  @Test
  void homeComesFromTheInjectedEnvironment() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("HOME", "/var/lib/quetzal");
    StartConfig c = CliHarness.config(env, "--node", "--network", "mainnet");
    assertThat(c.storage().dataDirectory())
        .isEqualTo(Optional.of(Path.of("/var/lib/quetzal/.aztec/mainnet/data")));
  }

  @Test
  void presetTimingMatchesTheOfficialTables() {
    NetworkPreset mainnet = NetworkPreset.of(NetworkName.MAINNET);
    assertThat(mainnet.aztecSlotDurationSeconds()).isEqualTo(OptionalInt.of(72));
    assertThat(mainnet.aztecEpochDurationSlots()).isEqualTo(OptionalInt.of(32));
    assertThat(mainnet.ethereumSlotDurationSeconds()).isEqualTo(OptionalInt.of(12));
    assertThat(mainnet.targetCommitteeSize()).isEqualTo(OptionalInt.of(48));
    assertThat(NetworkPreset.of(NetworkName.DEVNET).aztecEpochDurationSlots())
        .isEqualTo(OptionalInt.of(8));
  }
}
