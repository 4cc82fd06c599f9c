package io.quetzal.cli;

import static io.quetzal.cli.CliHarness.KEY_1;
import static io.quetzal.cli.CliHarness.KEY_2;
import static io.quetzal.cli.CliHarness.KEY_3;
import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.options.Arity;
import io.quetzal.cli.options.InvalidValueException;
import io.quetzal.cli.options.OptionDef;
import io.quetzal.cli.options.OptionTable;
import io.quetzal.cli.options.OptionValues;
import io.quetzal.cli.options.Origin;
import io.quetzal.cli.options.Presence;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Flag beats environment beats default, for every option of the table. */
class PrecedenceTest {
  /** Two valid values per option: one given by flag, one by environment. */
  private record Samples(String flag, String env) {}

  private static final String PEER_KEY_A =
      "08021220" + "3f6f1d5a2b9c8e7d6c5b4a3928170f0e1d2c3b4a59687766554433221100ffee";
  private static final String PEER_KEY_B =
      "08021220" + "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

  private static final Map<String, Samples> SAMPLES = new HashMap<>();

  static {
    sample("network", "testnet", "mainnet");
    sample("l1RpcUrls", "http://flag.example:8545", "https://env.example/rpc,http://b:8545");
    sample("l1DebugRpcUrls", "http://debug-flag:8545", "http://debug-env:8545");
    sample("l1ConsensusHostUrls", "http://beacon-flag:5052", "http://beacon-env:5052");
    sample("l1ConsensusHostApiKeys", "flag-api-key", "env-api-key");
    sample("l1ConsensusHostApiKeyHeaders", "X-Flag-Key", "X-Env-Key");
    sample("l1ChainId", "1", "11155111");
    sample(
        "registryAddress",
        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    sample("rollupVersion", "1", "2");
    sample("localAnvilPort", "18545", "28545");
    sample("testAccounts", "true", "1");
    sample("sponsoredFpc", "true", "1");
    sample(
        "prefundAddresses",
        "0x099602ed42e355e5338ade3a9e314b3d15b6030b058a0c17c385f4a0f2d2b71a",
        "0x09a4df73aa47f82531a038d1d51abfc85b27665c4b7ca751e2d4fa9f19caffb2");
    sample("port", "8081", "8082");
    sample("adminPort", "8881", "8882");
    sample("adminApiKeyHash", "a".repeat(64), "0x" + "B".repeat(64));
    sample("disableAdminApiKey", "true", "1");
    sample("resetAdminApiKey", "true", "TRUE");
    sample("apiPrefix", "/flag", "/env");
    sample("rpcMaxBatchSize", "10", "20");
    sample("rpcMaxBodySize", "2mb", "512KB");
    sample("dataDirectory", "/data/flag", "/data/env");
    sample("dataStoreMapSizeKb", "1024", "2048");
    sample("worldStateDataDirectory", "/ws/flag", "/ws/env");
    sample("worldStateDbMapSizeKb", "4096", "8192");
    sample("worldStateCheckpointHistory", "10", "0");
    sample("archiverStoreMapSizeKb", "100", "200");
    sample("syncMode", "full", "force-snapshot");
    sample("snapshotsUrls", "https://snap-flag.example/", "gs://snap-env/index");
    sample("p2pEnabled", "true", "1");
    sample("p2pIp", "203.0.113.1", "2001:db8::1");
    sample("p2pPort", "40401", "40402");
    sample("p2pBroadcastPort", "40403", "40404");
    sample("p2pListenAddress", "127.0.0.1", "::");
    sample("bootstrapNodes", "enr:-AAA", "enr:-BBB,enr:-CCC");
    sample("maxPeerCount", "10", "20");
    sample("queryForIp", "true", "1");
    sample("peerIdPrivateKey", PEER_KEY_A, PEER_KEY_B);
    sample("peerIdPrivateKeyPath", "/keys/flag", "/keys/env");
    sample("maxPendingTxCount", "10", "20");
    sample("minTxPoolAgeMs", "0", "500");
    sample("validatorPrivateKeys", KEY_1, KEY_2 + "," + KEY_3.substring(2));
    sample(
        "coinbase",
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    sample("feeRecipient", "0x" + "0".repeat(63) + "1", "0x" + "0".repeat(63) + "2");
    sample("disableValidator", "true", "1");
    sample("validatorReexecute", "false", "0");
    sample("attestationPollingIntervalMs", "100", "300");
    sample("validateMaxTxsPerBlock", "10", "20");
    sample("validateMaxTxsPerCheckpoint", "30", "40");
    sample("validateMaxL2BlockGas", "1000", "2000");
    sample("validateMaxDABlockGas", "3000", "4000");
    sample("sequencerPollingIntervalMs", "100", "200");
    sample("minTxsPerBlock", "0", "2");
    sample("maxTxsPerBlock", "10", "20");
    sample("maxTxsPerCheckpoint", "30", "40");
    sample("maxL2BlockGas", "1000", "2000");
    sample("maxDABlockGas", "3000", "4000");
    sample("blockDurationMs", "3000", "4000");
    sample("l1PublishingTime", "12", "24");
    sample("enforceTimeTable", "false", "0");
    sample("buildCheckpointIfEmpty", "true", "1");
    sample(
        "governanceProposerPayload",
        "0x0000000000000000000000000000000000000000",
        "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
    sample("fishermanMode", "true", "1");
    sample("sequencerPublisherPrivateKeys", KEY_2, KEY_3);
    sample("gasLimitBufferPercentage", "10", "30");
    sample("maxGwei", "100.5", "200");
    sample("maxBlobGwei", "50", "60");
    sample("priorityFeeBumpPercentage", "5", "15");
    sample("archiverPollingIntervalMs", "100", "200");
    sample("archiverBatchSize", "10", "20");
    sample("maxLogs", "10", "20");
    sample("blobFileStoreUrls", "gs://flag/blobs", "s3://env/blobs,https://env.example/blobs");
    sample("blobFileStoreUploadUrl", "file:///tmp/flag", "s3://env/upload");
    sample("archiveApiUrl", "https://api-flag.example", "https://api-env.example");
    sample("logLevel", "debug", "warn;debug:p2p,sequencer");
  }

  private static void sample(String key, String flag, String env) {
    SAMPLES.put(key, new Samples(flag, env));
  }

  static Stream<OptionDef<?>> valueOptions() {
    return OptionTable.ALL.stream().filter(def -> def.arity() != Arity.SWITCH);
  }

  static Stream<OptionDef<?>> switches() {
    return OptionTable.ALL.stream().filter(def -> def.arity() == Arity.SWITCH);
  }

  @Test
  void everyValueOptionHasSamples() {
    assertThat(valueOptions().map(OptionDef::key)).allMatch(SAMPLES::containsKey);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueOptions")
  void flagBeatsEnvironmentBeatsDefault(OptionDef<?> def) throws InvalidValueException {
    Samples s = SAMPLES.get(def.key());
    String flagArg = def.primaryName() + "=" + s.flag();
    Map<String, String> env = Map.of(def.envVars().getFirst(), s.env());

    OptionValues neither = CliHarness.resolve(Map.of());
    if (def.presence() == Presence.DEFAULTED) {
      assertThat(neither.origin(def)).isEqualTo(Origin.DEFAULT);
      assertThat(value(neither, def)).contains(convert(def, def.defaultValue()));
    } else {
      assertThat(neither.origin(def)).isEqualTo(Origin.UNSET);
      assertThat(value(neither, def)).isEmpty();
    }

    OptionValues envOnly = CliHarness.resolve(env);
    assertThat(envOnly.origin(def)).isEqualTo(Origin.env(def.envVars().getFirst()));
    assertThat(value(envOnly, def)).contains(convert(def, s.env()));

    OptionValues flagOnly = CliHarness.resolve(Map.of(), flagArg);
    assertThat(flagOnly.origin(def)).isEqualTo(Origin.flag(def.primaryName()));
    assertThat(value(flagOnly, def)).contains(convert(def, s.flag()));

    OptionValues both = CliHarness.resolve(env, flagArg);
    assertThat(both.origin(def)).isEqualTo(Origin.flag(def.primaryName()));
    assertThat(value(both, def)).contains(convert(def, s.flag()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueOptions")
  void everySpellingSetsTheSameOption(OptionDef<?> def) throws InvalidValueException {
    Samples s = SAMPLES.get(def.key());
    for (String name : def.names()) {
      OptionValues separate = CliHarness.resolve(Map.of(), name, s.flag());
      assertThat(separate.origin(def)).as(name).isEqualTo(Origin.flag(name));
      assertThat(value(separate, def)).as(name).contains(convert(def, s.flag()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueOptions")
  void fallbackVariablesApplyInOrder(OptionDef<?> def) throws InvalidValueException {
    Samples s = SAMPLES.get(def.key());
    for (int i = 1; i < def.envVars().size(); i++) {
      String fallback = def.envVars().get(i);
      OptionValues onlyFallback = CliHarness.resolve(Map.of(fallback, s.env()));
      assertThat(onlyFallback.origin(def)).isEqualTo(Origin.env(fallback));
      assertThat(value(onlyFallback, def)).contains(convert(def, s.env()));

      OptionValues both =
          CliHarness.resolve(Map.of(def.envVars().getFirst(), s.flag(), fallback, s.env()));
      assertThat(both.origin(def)).isEqualTo(Origin.env(def.envVars().getFirst()));
      assertThat(value(both, def)).contains(convert(def, s.flag()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueOptions")
  void anEmptyVariableCountsAsUnset(OptionDef<?> def) {
    OptionValues values = CliHarness.resolve(Map.of(def.envVars().getFirst(), ""));
    assertThat(values.origin(def).kind()).isIn(Origin.Kind.DEFAULT, Origin.Kind.UNSET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("switches")
  void roleSwitchesAreOffUnlessGiven(OptionDef<?> def) {
    @SuppressWarnings("unchecked")
    OptionDef<Boolean> flag = (OptionDef<Boolean>) def;
    assertThat(CliHarness.resolve(Map.of()).isOn(flag)).isFalse();
    OptionValues on = CliHarness.resolve(Map.of(), def.primaryName());
    assertThat(on.isOn(flag)).isTrue();
    assertThat(on.origin(def)).isEqualTo(Origin.flag(def.primaryName()));
  }

  @Test
  void theLastRepeatedFlagWins() {
    OptionValues values =
        CliHarness.resolve(Map.of(), "--p2p-port", "40401", "--p2p.p2pPort", "40402");
    assertThat(values.find(io.quetzal.cli.options.P2pOptions.P2P_PORT)).contains(40402);
    assertThat(values.origin(io.quetzal.cli.options.P2pOptions.P2P_PORT))
        .isEqualTo(Origin.flag("--p2p.p2pPort"));
  }

  @Test
  void aBareBooleanFlagMeansTrueAndTakesAnExplicitValue() {
    var enabled = io.quetzal.cli.options.P2pOptions.P2P_ENABLED;
    assertThat(CliHarness.resolve(Map.of(), "--p2p-enabled").find(enabled)).contains(true);
    assertThat(CliHarness.resolve(Map.of(), "--p2p-enabled", "false").find(enabled))
        .contains(false);
    assertThat(
            CliHarness.resolve(Map.of("P2P_ENABLED", "true"), "--p2p-enabled=false").find(enabled))
        .contains(false);
    assertThat(CliHarness.resolve(Map.of(), "--p2p-enabled", "--node").find(enabled))
        .contains(true);
  }

  private static Object convert(OptionDef<?> def, String raw) throws InvalidValueException {
    return def.converter().convert(raw);
  }

  private static Optional<Object> value(OptionValues values, OptionDef<?> def) {
    return values.find(def).map(v -> (Object) v);
  }
}
