package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No private key, valid or not, appears in anything the command prints or logs: stdout, stderr and
 * the logback output (captured at TRACE so the debug dump of the config is included). Checked as:
 * no substring of length 8 of the key occurs, in either letter case.
 */
class SecretLeakTest {
  private static final String VALID = CliHarness.KEY_1;
  private static final String VALID_2 = CliHarness.KEY_2;

  /** 63 hex digits. */
  private static final String TOO_SHORT =
      "0x9a3b7c1d5e2f80416c3d9e7a5b1f2c4d6e8a0b3c5d7e9f1a2b4c6d8e0f1a2b3";

  /** 66 hex digits. */
  private static final String TOO_LONG = VALID + "7e";

  /** A non-hex character in the middle. */
  private static final String NOT_HEX =
      "0x7c5e2a91b3d4f60817e9c3a5b2d4f6e8q1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0";

  /** Above the secp256k1 group order n. */
  private static final String OVER_ORDER =
      "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364199";

  /** Without 0x, 64 digits: accepted, as by Aztec. */
  private static final String BARE = CliHarness.KEY_3.substring(2);

  private static final String PEER_ID_KEY =
      "08021220" + "3f6f1d5a2b9c8e7d6c5b4a3928170f0e1d2c3b4a59687766554433221100ffee";

  private static final String API_KEY = "k3y-4-b34c0n-pr0v1d3r-zq";

  record Scenario(
      String name, Map<String, String> env, List<String> args, List<String> secrets, int exit) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Scenario node(
      String name, Map<String, String> extraEnv, List<String> secrets, int exit, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("ETHEREUM_HOSTS", CliHarness.L1_URL);
    env.put("REGISTRY_CONTRACT_ADDRESS", CliHarness.REGISTRY);
    env.put("LOG_LEVEL", "trace");
    env.put("DATA_DIRECTORY", CliHarness.DATA_DIRECTORY);
    env.putAll(extraEnv);
    List<String> argv = new ArrayList<>(List.of("start", "--node", "--archiver", "--sequencer"));
    argv.addAll(List.of(args));
    return new Scenario(name, env, argv, secrets, exit);
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        node("valid key by env", Map.of("VALIDATOR_PRIVATE_KEYS", VALID), List.of(VALID), 3),
        node("valid key by flag", Map.of(), List.of(VALID), 3, "--validator-private-key", VALID),
        node(
            "valid key by official flag",
            Map.of(),
            List.of(VALID),
            3,
            "--sequencer.validatorPrivateKeys=" + VALID),
        node(
            "valid key by fallback env", Map.of("VALIDATOR_PRIVATE_KEY", VALID), List.of(VALID), 3),
        node(
            "two keys and publisher keys",
            Map.of(
                "VALIDATOR_PRIVATE_KEYS", VALID + "," + VALID_2, "SEQ_PUBLISHER_PRIVATE_KEY", BARE),
            List.of(VALID, VALID_2, BARE),
            3),
        node("key without 0x", Map.of("VALIDATOR_PRIVATE_KEYS", BARE), List.of(BARE), 3),
        node(
            "peer id and API keys",
            Map.of(
                "VALIDATOR_PRIVATE_KEYS", VALID,
                "PEER_ID_PRIVATE_KEY", PEER_ID_KEY,
                "L1_CONSENSUS_HOST_URLS", "http://beacon:5052",
                "L1_CONSENSUS_HOST_API_KEYS", API_KEY),
            List.of(VALID, PEER_ID_KEY, API_KEY),
            3),
        node(
            "too short by env", Map.of("VALIDATOR_PRIVATE_KEYS", TOO_SHORT), List.of(TOO_SHORT), 2),
        node(
            "too short by flag",
            Map.of(),
            List.of(TOO_SHORT),
            2,
            "--validator-private-keys",
            TOO_SHORT),
        node(
            "too long by flag",
            Map.of(),
            List.of(TOO_LONG),
            2,
            "--validator-private-key=" + TOO_LONG),
        node("not hex by env", Map.of("VALIDATOR_PRIVATE_KEY", NOT_HEX), List.of(NOT_HEX), 2),
        node("not hex by flag", Map.of(), List.of(NOT_HEX), 2, "--validator-private-key", NOT_HEX),
        node(
            "over the curve order by env",
            Map.of("VALIDATOR_PRIVATE_KEYS", OVER_ORDER),
            List.of(OVER_ORDER),
            2),
        node(
            "over the curve order by flag",
            Map.of(),
            List.of(OVER_ORDER),
            2,
            "--validator-private-keys",
            OVER_ORDER),
        node(
            "second of two keys malformed",
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID + "," + TOO_SHORT),
            List.of(VALID, TOO_SHORT),
            2),
        node(
            "same key twice",
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID + "," + VALID),
            List.of(VALID),
            2),
        node(
            "malformed publisher key",
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID, "SEQ_PUBLISHER_PRIVATE_KEYS", NOT_HEX),
            List.of(VALID, NOT_HEX),
            2),
        node(
            "malformed peer id key",
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID, "PEER_ID_PRIVATE_KEY", TOO_SHORT),
            List.of(VALID, TOO_SHORT),
            2),
        node(
            "key after a misspelt option",
            Map.of(),
            List.of(VALID),
            2,
            "--validator-private-ky",
            VALID),
        node(
            "key as a stray argument",
            Map.of(),
            List.of(VALID, VALID_2),
            2,
            "--validator-private-keys",
            VALID,
            VALID_2),
        node("key on an unknown command", Map.of(), List.of(VALID), 2, "--bogus=" + VALID),
        node(
            "valid key but another error",
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID),
            List.of(VALID),
            2,
            "--p2p-port",
            "99999"),
        new Scenario("key as a command", Map.of(), List.of(VALID), List.of(VALID), 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void noKeyMaterialInAnyOutput(Scenario s) {
    CliHarness.Result r = CliHarness.run(s.env(), s.args().toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(s.exit());
    String output = r.everything().toLowerCase(Locale.ROOT);
    for (String secret : s.secrets()) {
      for (String window : windows(secret)) {
        assertThat(output).as("output contains a piece of a key: " + s).doesNotContain(window);
      }
    }
  }

  @Test
  void theDebugLogOfASuccessfulRunShowsTheConfigWithKeysRedacted() {
    CliHarness.Result r =
        CliHarness.run(
            Map.of(
                "ETHEREUM_HOSTS",
                "https://eth.example/v2/rpc-api-key-in-path",
                "REGISTRY_CONTRACT_ADDRESS",
                CliHarness.REGISTRY,
                "VALIDATOR_PRIVATE_KEYS",
                VALID,
                "DATA_DIRECTORY",
                CliHarness.DATA_DIRECTORY,
                "LOG_LEVEL",
                "debug"),
            "start",
            "--node",
            "--sequencer");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.log())
        .contains("Start configuration: StartConfig[")
        .contains("privateKeys=[<redacted>]")
        .doesNotContain("rpc-api-key-in-path");
    assertThat(r.out()).contains(CliHarness.ADDRESS_1).doesNotContain("rpc-api-key-in-path");
  }

  @Test
  void aMalformedKeyErrorSaysWhatIsWrongWithoutTheKey() {
    CliHarness.Result r =
        CliHarness.run(
            Map.of("VALIDATOR_PRIVATE_KEYS", VALID + "," + TOO_SHORT), "start", "--local-network");
    assertThat(r.errLines().getFirst())
        .isEqualTo(
            "quetzal: --validator-private-keys (VALIDATOR_PRIVATE_KEYS): key 2 of 2 is not a valid"
                + " private key: expected 32 bytes of hex (64 hex digits), got 63 digits");

    r = CliHarness.run(Map.of("VALIDATOR_PRIVATE_KEY", OVER_ORDER), "start", "--local-network");
    assertThat(r.errLines().getFirst())
        .isEqualTo(
            "quetzal: --validator-private-keys (VALIDATOR_PRIVATE_KEY): the key is not a valid"
                + " private key: the key is not below the secp256k1 group order");
  }

  /** Every substring of length 8 of the key, with and without prefix, lower-cased. */
  private static List<String> windows(String secret) {
    String s = secret.toLowerCase(Locale.ROOT);
    List<String> windows = new ArrayList<>();
    for (int i = 0; i + 8 <= s.length(); i++) {
      windows.add(s.substring(i, i + 8));
    }
    return windows;
  }
}
