package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.GenesisConfig;
import io.quetzal.cli.config.L1Config;
import io.quetzal.cli.config.LogLevel;
import io.quetzal.cli.config.LoggingConfig;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.NodeRpcConfig;
import io.quetzal.cli.config.P2pConfig;
import io.quetzal.cli.config.PublisherConfig;
import io.quetzal.cli.config.Roles;
import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.StorageConfig;
import io.quetzal.cli.config.SyncMode;
import io.quetzal.cli.config.ValidatorConfig;
import io.quetzal.cli.options.StartArgs;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.testkit.Property;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** config → arguments → parse → the same config; and no arguments → the defaults. */
class RoundTripTest {
  private static Secret<Secp256k1PrivateKey> key(String hex) {
    return Secret.of(EthValues.privateKey(hex));
  }

  /** A config in which every field differs from its default. */
  static StartConfig customized() {
    return new StartConfig(
        new Roles(true, true, true, false),
        NetworkName.LOCAL,
        new L1Config(
            List.of(URI.create("https://rpc.example/v2/key"), URI.create("http://localhost:8545")),
            List.of(URI.create("http://debug:8545")),
            List.of(URI.create("http://beacon-1:5052"), URI.create("http://beacon-2:5052")),
            List.of(Secret.of("api-key-1"), Secret.of("api-key-2")),
            List.of("X-Api-Key"),
            17_000,
            Optional.of(EthValues.address(CliHarness.REGISTRY)),
            OptionalLong.of(1_667_575_857L),
            18_545),
        new NodeRpcConfig(9000, 9001, Optional.of("c".repeat(64)), true, true, "/aztec", 7, "5mb"),
        new StorageConfig(
            Optional.of(Path.of("/data")),
            1024,
            Optional.of(Path.of("/ws")),
            OptionalLong.of(2048),
            0,
            OptionalLong.of(4096),
            SyncMode.FULL,
            List.of(URI.create("https://snapshots.example/"), URI.create("gs://snap/index"))),
        new P2pConfig(
            true,
            Optional.of("203.0.113.7"),
            41_000,
            OptionalInt.of(41_001),
            "127.0.0.1",
            List.of("enr:-AAA", "enr:-BBB"),
            12,
            true,
            Optional.of(Secret.of("08021220" + "ab".repeat(32))),
            Optional.of(Path.of("/keys/peer")),
            77,
            0),
        new ValidatorConfig(
            List.of(key(CliHarness.KEY_1), key(CliHarness.KEY_2)),
            Optional.of(EthValues.address(CliHarness.ADDRESS_3)),
            Optional.of(AztecAddress.parse("0x" + "0".repeat(60) + "beef")),
            true,
            false,
            150,
            OptionalInt.of(8),
            OptionalInt.of(64),
            OptionalLong.of(1_000_000),
            OptionalLong.of(2_000_000)),
        new SequencerConfig(
            250,
            0,
            OptionalInt.of(16),
            OptionalInt.of(48),
            OptionalLong.of(3_000_000),
            OptionalLong.of(4_000_000),
            OptionalInt.of(4_000),
            OptionalInt.of(24),
            false,
            true,
            Optional.of(EthValues.address("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0")),
            true),
        new PublisherConfig(
            List.of(key(CliHarness.KEY_3)), 35, new BigDecimal("150.25"), new BigDecimal("99"), 40),
        new ArchiverConfig(
            250,
            50,
            200,
            List.of(URI.create("gs://blobs/a"), URI.create("https://blobs.example/b")),
            Optional.of(URI.create("s3://blobs/upload")),
            Optional.of(URI.create("https://blobscan.example/api"))),
        new GenesisConfig(
            true,
            true,
            List.of(
                AztecAddress.parse(
                    "0x099602ed42e355e5338ade3a9e314b3d15b6030b058a0c17c385f4a0f2d2b71a"),
                AztecAddress.parse(
                    "0x09a4df73aa47f82531a038d1d51abfc85b27665c4b7ca751e2d4fa9f19caffb2"))),
        new LoggingConfig(
            LogLevel.VERBOSE,
            List.of(
                new LoggingConfig.ModuleLevel("sequencer", LogLevel.DEBUG),
                new LoggingConfig.ModuleLevel("p2p:libp2p", LogLevel.WARN))));
  }

  @Test
  void aFullyCustomizedConfigSurvivesTheRoundTrip() {
    StartConfig original = customized();
    List<String> args = StartArgs.of(original);

    assertThat(CliHarness.config(Map.of(), args)).isEqualTo(original);
  }

  @Test
  void theRoundTripAlsoHoldsThroughTheEnvironment() {
    // Same config, all of it overridden by flags on top of an environment full of other values.
    Map<String, String> noise =
        Map.of(
            "P2P_PORT",
            "1234",
            "AZTEC_PORT",
            "4321",
            "LOG_LEVEL",
            "error",
            "COINBASE",
            CliHarness.ADDRESS_2);
    StartConfig original = customized();
    assertThat(CliHarness.config(noise, StartArgs.of(original))).isEqualTo(original);
  }

  @Test
  void noOptionsParseToTheDefaults() {
    StartConfig c = CliHarness.config(Map.of(), "--local-network");

    assertThat(c.roles()).isEqualTo(new Roles(false, false, false, true));
    assertThat(c.network()).isEqualTo(NetworkName.LOCAL);
    assertThat(c.l1())
        .isEqualTo(L1Config.defaults().withRpcUrls(List.of(L1Config.LOCAL_NETWORK_RPC_URL)));
    assertThat(c.rpc()).isEqualTo(NodeRpcConfig.defaults());
    assertThat(c.storage()).isEqualTo(StorageConfig.defaults());
    assertThat(c.p2p()).isEqualTo(P2pConfig.defaults());
    assertThat(c.validator()).isEqualTo(ValidatorConfig.defaults());
    // The local network builds a checkpoint every slot even without txs.
    assertThat(c.sequencer())
        .isEqualTo(SequencerConfig.defaults().withBuildCheckpointIfEmpty(true));
    assertThat(c.publisher()).isEqualTo(PublisherConfig.defaults());
    assertThat(c.archiver()).isEqualTo(ArchiverConfig.defaults());
    assertThat(c.logging()).isEqualTo(LoggingConfig.defaults());
  }

  @Test
  void theLocalNetworkKeepsAnExplicitChoiceAboutEmptyCheckpoints() {
    StartConfig c =
        CliHarness.config(Map.of("SEQ_BUILD_CHECKPOINT_IF_EMPTY", "false"), "--local-network");

    assertThat(c.sequencer().buildCheckpointIfEmpty()).isFalse();
  }

  @Test
  void theFirstValidatorKeyPublishesWhenNoPublisherKeyIsGiven() {
    StartConfig c =
        CliHarness.config(
            Map.of(
                "ETHEREUM_HOSTS", CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS", CliHarness.REGISTRY,
                "VALIDATOR_PRIVATE_KEYS", CliHarness.KEY_2 + "," + CliHarness.KEY_1,
                "DATA_DIRECTORY", CliHarness.DATA_DIRECTORY),
            "--node",
            "--sequencer");
    assertThat(c.publisher().privateKeys()).containsExactly(key(CliHarness.KEY_2));
    assertThat(c.publisher().addresses()).containsExactly(EthValues.address(CliHarness.ADDRESS_2));
  }

  record Configs(P2pConfig p2p, SequencerConfig sequencer) {}

  @Test
  void randomP2pAndSequencerConfigsSurviveTheRoundTrip() {
    StartConfig defaults = CliHarness.config(Map.of(), "--local-network");
    List<Configs> edges = edgeConfigs();
    Iterator<Configs> next = edges.iterator();
    Property.forAll(
        "random p2p and sequencer configs survive the round trip",
        edges.size() + 60,
        r -> next.hasNext() ? next.next() : new Configs(p2p(r), sequencer(r)),
        c -> {
          StartConfig original =
              new StartConfig(
                  defaults.roles(),
                  defaults.network(),
                  defaults.l1(),
                  defaults.rpc(),
                  defaults.storage(),
                  c.p2p(),
                  defaults.validator(),
                  c.sequencer(),
                  defaults.publisher(),
                  defaults.archiver(),
                  defaults.genesis(),
                  defaults.logging());
          assertThat(CliHarness.config(Map.of(), StartArgs.of(original))).isEqualTo(original);
        });
  }

  private static final List<Optional<String>> IPS =
      List.of(
          Optional.empty(),
          Optional.of("10.0.0.1"),
          Optional.of("203.0.113.9"),
          Optional.of("2001:db8::7"));
  private static final List<Integer> PORT_EDGES = List.of(1, 2, 65_534, 65_535);
  private static final List<Integer> COUNT_EDGES = List.of(10, 11, 999, 1_000);
  private static final List<Long> GAS_EDGES = List.of(1L, 2L, Long.MAX_VALUE - 1, Long.MAX_VALUE);

  /** The {@code i}-th element, cycling: walks several edge lists side by side. */
  private static <T> T cycle(List<T> list, int i) {
    return list.get(i % list.size());
  }

  /** Empty, then each edge value. */
  private static OptionalInt cycleOptional(List<Integer> values, int i) {
    int k = i % (values.size() + 1);
    return k == 0 ? OptionalInt.empty() : OptionalInt.of(values.get(k - 1));
  }

  /**
   * Configs whose fields walk their edge values side by side: range bounds and their neighbours,
   * empty optionals, both booleans, every IP.
   */
  private static List<Configs> edgeConfigs() {
    List<Configs> edges = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int k = i % (GAS_EDGES.size() + 1);
      OptionalLong gas = k == 0 ? OptionalLong.empty() : OptionalLong.of(GAS_EDGES.get(k - 1));
      OptionalLong otherGas =
          k == GAS_EDGES.size() ? OptionalLong.empty() : OptionalLong.of(GAS_EDGES.get(k));
      P2pConfig p2p =
          new P2pConfig(
              i % 2 == 0,
              cycle(IPS, i),
              cycle(PORT_EDGES, i),
              cycleOptional(PORT_EDGES, i + 1),
              "0.0.0.0",
              List.of(),
              cycle(List.of(1, 2, 499, 500), i),
              false,
              Optional.empty(),
              Optional.empty(),
              cycle(List.of(1, 2, 99_999, 100_000), i),
              cycle(List.of(0L, 1L, 2L, 599_999L, 600_000L), i));
      SequencerConfig sequencer =
          new SequencerConfig(
              cycle(List.of(1, 2, 59_999, 60_000), i),
              cycle(List.of(0, 1, 2, 9, 10), i),
              cycleOptional(COUNT_EDGES, i),
              cycleOptional(COUNT_EDGES, i + 2),
              gas,
              otherGas,
              OptionalInt.empty(),
              OptionalInt.empty(),
              i % 2 == 1,
              i / 2 % 2 == 0,
              Optional.empty(),
              false);
      edges.add(new Configs(p2p, sequencer));
    }
    return edges;
  }

  /** An int in [min, max]: an edge value 1 time in 8, otherwise uniform. */
  private static int between(SplittableRandom r, int min, int max) {
    return switch (r.nextInt(8)) {
      case 0 -> r.nextBoolean() ? min + r.nextInt(2) : max - r.nextInt(2);
      default -> r.nextInt(min, max + 1);
    };
  }

  /** A long in [min, max]: an edge value 1 time in 8, otherwise uniform. */
  private static long between(SplittableRandom r, long min, long max) {
    if (r.nextInt(8) == 0) {
      return r.nextBoolean() ? min + r.nextInt(2) : max - r.nextInt(2);
    }
    return r.nextLong(min - 1, max) + 1; // [min, max] without overflowing at Long.MAX_VALUE
  }

  private static P2pConfig p2p(SplittableRandom r) {
    int port;
    do {
      port = between(r, 1, 65_535);
    } while (port == NodeRpcConfig.DEFAULT_PORT || port == NodeRpcConfig.DEFAULT_ADMIN_PORT);
    return new P2pConfig(
        r.nextBoolean(),
        IPS.get(r.nextInt(IPS.size())),
        port,
        r.nextInt(4) == 0 ? OptionalInt.empty() : OptionalInt.of(between(r, 1, 65_535)),
        "0.0.0.0",
        List.of(),
        between(r, 1, 500),
        false,
        Optional.empty(),
        Optional.empty(),
        between(r, 1, 100_000),
        between(r, 0L, 600_000L));
  }

  private static OptionalInt optionalCount(SplittableRandom r) {
    return r.nextInt(4) == 0 ? OptionalInt.empty() : OptionalInt.of(between(r, 10, 1_000));
  }

  private static OptionalLong optionalGas(SplittableRandom r) {
    return r.nextInt(4) == 0
        ? OptionalLong.empty()
        : OptionalLong.of(between(r, 1L, Long.MAX_VALUE));
  }

  private static SequencerConfig sequencer(SplittableRandom r) {
    return new SequencerConfig(
        between(r, 1, 60_000),
        between(r, 0, 10),
        optionalCount(r),
        optionalCount(r),
        optionalGas(r),
        optionalGas(r),
        OptionalInt.empty(),
        OptionalInt.empty(),
        r.nextBoolean(),
        r.nextBoolean(),
        Optional.empty(),
        false);
  }
}
