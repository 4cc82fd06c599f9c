package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
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
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
            OptionalLong.of(1_667_575_857L)),
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
    assertThat(c.sequencer()).isEqualTo(SequencerConfig.defaults());
    assertThat(c.publisher()).isEqualTo(PublisherConfig.defaults());
    assertThat(c.archiver()).isEqualTo(ArchiverConfig.defaults());
    assertThat(c.logging()).isEqualTo(LoggingConfig.defaults());
  }

  @Test
  void theFirstValidatorKeyPublishesWhenNoPublisherKeyIsGiven() {
    StartConfig c =
        CliHarness.config(
            Map.of(
                "ETHEREUM_HOSTS", CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS", CliHarness.REGISTRY,
                "VALIDATOR_PRIVATE_KEYS", CliHarness.KEY_2 + "," + CliHarness.KEY_1),
            "--node",
            "--sequencer");
    assertThat(c.publisher().privateKeys()).containsExactly(key(CliHarness.KEY_2));
    assertThat(c.publisher().addresses()).containsExactly(EthValues.address(CliHarness.ADDRESS_2));
  }

  @Property(tries = 60)
  void randomP2pAndSequencerConfigsSurviveTheRoundTrip(
      @ForAll("p2p") P2pConfig p2p, @ForAll("sequencer") SequencerConfig sequencer) {
    StartConfig defaults = CliHarness.config(Map.of(), "--local-network");
    StartConfig original =
        new StartConfig(
            defaults.roles(),
            defaults.network(),
            defaults.l1(),
            defaults.rpc(),
            defaults.storage(),
            p2p,
            defaults.validator(),
            sequencer,
            defaults.publisher(),
            defaults.archiver(),
            defaults.logging());
    assertThat(CliHarness.config(Map.of(), StartArgs.of(original))).isEqualTo(original);
  }

  @Provide
  Arbitrary<P2pConfig> p2p() {
    Arbitrary<Integer> ports = Arbitraries.integers().between(1, 65_535);
    Arbitrary<Optional<String>> ips =
        Arbitraries.of("10.0.0.1", "203.0.113.9", "2001:db8::7").optional();
    return Combinators.combine(
            Arbitraries.of(true, false),
            ips,
            ports.filter(
                p -> p != NodeRpcConfig.DEFAULT_PORT && p != NodeRpcConfig.DEFAULT_ADMIN_PORT),
            ports.optional().map(o -> o.map(OptionalInt::of).orElseGet(OptionalInt::empty)),
            Arbitraries.integers().between(1, 500),
            Arbitraries.integers().between(1, 100_000),
            Arbitraries.longs().between(0, 600_000))
        .as(
            (enabled, ip, port, broadcast, peers, pending, age) ->
                new P2pConfig(
                    enabled,
                    ip,
                    port,
                    broadcast,
                    "0.0.0.0",
                    List.of(),
                    peers,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    pending,
                    age));
  }

  @Provide
  Arbitrary<SequencerConfig> sequencer() {
    Arbitrary<OptionalInt> optionalCount =
        Arbitraries.integers()
            .between(10, 1_000)
            .optional()
            .map(o -> o.map(OptionalInt::of).orElseGet(OptionalInt::empty));
    Arbitrary<OptionalLong> optionalGas =
        Arbitraries.longs()
            .between(1, Long.MAX_VALUE)
            .optional()
            .map(o -> o.map(OptionalLong::of).orElseGet(OptionalLong::empty));
    return Combinators.combine(
            Arbitraries.integers().between(1, 60_000),
            Arbitraries.integers().between(0, 10),
            optionalCount,
            optionalCount,
            optionalGas,
            optionalGas,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(
            (polling, min, maxBlock, maxCheckpoint, l2Gas, daGas, enforce, empty) ->
                new SequencerConfig(
                    polling,
                    min,
                    maxBlock,
                    maxCheckpoint,
                    l2Gas,
                    daGas,
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    enforce,
                    empty,
                    Optional.empty(),
                    false));
  }
}
