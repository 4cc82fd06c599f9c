package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each user error exits with status 2 and one line naming the option (flag and environment
 * variable) and the problem, then a hint; never a stack trace, never a summary, nothing logged.
 */
class ValidationErrorTest {
  private static final String HINT = "Run 'quetzal start --help' for the options.";

  /** A run of {@code quetzal start} expected to fail with {@code message}. */
  record Case(String name, Map<String, String> env, List<String> args, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code start --archiver} with hosts and registry from the environment, plus more. */
  private static Case archiver(
      String name, Map<String, String> env, String message, String... args) {
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "ETHEREUM_HOSTS",
                CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS",
                CliHarness.REGISTRY));
    all.putAll(env);
    List<String> argv = new ArrayList<>(List.of("start", "--archiver"));
    argv.addAll(List.of(args));
    return new Case(name, all, argv, message);
  }

  private static Case raw(String name, Map<String, String> env, String message, String... args) {
    return new Case(name, env, List.of(args), message);
  }

  static Stream<Case> cases() {
    String q = "quetzal: ";
    return Stream.of(
        archiver(
            "port out of range by flag",
            Map.of(),
            q + "--p2p-port (P2P_PORT): '70000' is not a port number (1-65535)",
            "--p2p-port",
            "70000"),
        archiver(
            "port not a number by env",
            Map.of("P2P_PORT", "abc"),
            q + "--p2p-port (P2P_PORT): 'abc' is not a port number (1-65535)"),
        archiver(
            "port zero by official spelling",
            Map.of(),
            q + "--p2p.p2pPort (P2P_PORT): '0' is not a port number (1-65535)",
            "--p2p.p2pPort=0"),
        archiver(
            "negative JSON-RPC port",
            Map.of("AZTEC_PORT", "-1"),
            q + "--port (AZTEC_PORT): '-1' is not a port number (1-65535)"),
        archiver(
            "admin port equals port",
            Map.of(),
            q
                + "--admin-port (AZTEC_ADMIN_PORT): '8080' is also the JSON-RPC port (--port);"
                + " the servers need different ports",
            "--admin-port",
            "8080"),
        archiver(
            "unknown network by flag",
            Map.of(),
            q
                + "--network (NETWORK): 'moon' is not a known network (local, testnet, mainnet,"
                + " devnet, next-net, staging-ignition, staging-public, alpha-testnet)",
            "--network",
            "moon"),
        archiver(
            "unknown network by env",
            Map.of("NETWORK", "sepolia"),
            q
                + "--network (NETWORK): 'sepolia' is not a known network (local, testnet, mainnet,"
                + " devnet, next-net, staging-ignition, staging-public, alpha-testnet)"),
        archiver(
            "L1 URL with a wrong scheme",
            Map.of("ETHEREUM_HOSTS", "ftp://x"),
            q
                + "--l1-rpc-urls (ETHEREUM_HOSTS): 'ftp://x' is not a valid URL: not a URL with"
                + " scheme http, https"),
        archiver(
            "L1 URL list with an empty entry",
            Map.of(),
            q
                + "--ethereum-hosts (ETHEREUM_HOSTS): entry 2 of 3 in 'http://a:1,,http://b:2' is"
                + " empty (a stray comma?)",
            "--ethereum-hosts",
            "http://a:1,,http://b:2"),
        archiver(
            "L1 URL without scheme",
            Map.of(),
            q
                + "--ethereum-hosts (ETHEREUM_HOSTS): 'localhost:8545' is not a valid URL: not a URL"
                + " with scheme http, https",
            "--ethereum-hosts",
            "localhost:8545"),
        archiver(
            "consensus host URL malformed",
            Map.of(),
            q
                + "--l1-consensus-host-urls (L1_CONSENSUS_HOST_URLS): entry 2 of 2 'http://bad"
                + " url' is not a valid URL: malformed URL (Illegal character in authority)",
            "--l1-consensus-host-urls",
            "http://ok:5052,http://bad url"),
        archiver(
            "registry too short",
            Map.of("REGISTRY_CONTRACT_ADDRESS", "0x1234"),
            q
                + "--registry-address (REGISTRY_CONTRACT_ADDRESS): '0x1234' is not an L1 address:"
                + " expected a 20-byte address (40 hex digits), got 4 digits"),
        archiver(
            "registry zero",
            Map.of(),
            q
                + "--registry-address (REGISTRY_CONTRACT_ADDRESS):"
                + " '0x0000000000000000000000000000000000000000' is the zero address",
            "--registry-address",
            "0x0000000000000000000000000000000000000000"),
        archiver(
            "coinbase zero",
            Map.of("COINBASE", "0x0000000000000000000000000000000000000000"),
            q
                + "--coinbase (COINBASE): '0x0000000000000000000000000000000000000000' is the zero"
                + " address"),
        archiver(
            "coinbase with a bad checksum",
            Map.of(),
            q
                + "--sequencer.coinbase (COINBASE): '0x5fbDB2315678afecb367f032d93F642f64180aa3' is"
                + " not an L1 address: mixed-case address with an invalid EIP-55 checksum",
            "--sequencer.coinbase",
            "0x5fbDB2315678afecb367f032d93F642f64180aa3"),
        archiver(
            "coinbase not hex",
            Map.of("COINBASE", "0xZZbDB2315678afecb367f032d93F642f64180aa3"),
            q
                + "--coinbase (COINBASE): '0xZZbDB2315678afecb367f032d93F642f64180aa3' is not an L1"
                + " address: expected a 20-byte address (40 hex digits), found a non-hex character"
                + " at position 1"),
        archiver(
            "fee recipient above the field modulus",
            Map.of(),
            q
                + "--fee-recipient (FEE_RECIPIENT):"
                + " '0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001' is not an"
                + " Aztec address: not a BN254 field element (not below the modulus)",
            "--fee-recipient",
            "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"),
        archiver(
            "chain id zero",
            Map.of("L1_CHAIN_ID", "0"),
            q + "--l1-chain-id (L1_CHAIN_ID): '0' is below the minimum 1"),
        archiver(
            "chain id not a number",
            Map.of(),
            q + "--l1-chain-id (L1_CHAIN_ID): 'sepolia' is not a whole number",
            "--l1-chain-id",
            "sepolia"),
        archiver(
            "rollup version not a number",
            Map.of("ROLLUP_VERSION", "latest"),
            q
                + "--rollup-version (ROLLUP_VERSION): 'latest' is neither 'canonical' nor a rollup"
                + " version number"),
        archiver(
            "p2p ip is a host name",
            Map.of(),
            q
                + "--p2p-ip (P2P_IP): 'node.example.org' is not an IP address (IPv4 like"
                + " 203.0.113.7, or IPv6)",
            "--p2p-ip",
            "node.example.org"),
        archiver(
            "boolean flag value",
            Map.of(),
            q + "--p2p-enabled (P2P_ENABLED): 'maybe' is not true, false, 1 or 0",
            "--p2p-enabled",
            "maybe"),
        archiver(
            "boolean env value",
            Map.of("P2P_ENABLED", "yes"),
            q + "--p2p-enabled (P2P_ENABLED): 'yes' is not true, false, 1 or 0"),
        archiver(
            "bootstrap node not an ENR",
            Map.of("BOOTSTRAP_NODES", "/ip4/1.2.3.4/tcp/40400"),
            q
                + "--bootstrap-nodes (BOOTSTRAP_NODES): '/ip4/1.2.3.4/tcp/40400' is not an ENR (enr:"
                + " followed by base64url)"),
        archiver(
            "map size zero",
            Map.of(),
            q + "--data-store-map-size-kb (DATA_STORE_MAP_SIZE_KB): '0' is below the minimum 1",
            "--data-store-map-size-kb",
            "0"),
        archiver(
            "log level unknown",
            Map.of("LOG_LEVEL", "loud"),
            q
                + "--log-level (LOG_LEVEL): 'loud' is not a log level: the default level 'loud' is"
                + " not one of silent, fatal, error, warn, info, verbose, debug, trace"),
        archiver(
            "sync mode unknown",
            Map.of(),
            q
                + "--sync-mode (SYNC_MODE): 'fast' is not a sync mode (full, snapshot,"
                + " force-snapshot)",
            "--sync-mode",
            "fast"),
        archiver(
            "body size with a space",
            Map.of(),
            q
                + "--rpc-max-body-size (RPC_MAX_BODY_SIZE): '1 mb' is not a size (bytes, or with a"
                + " unit: 512kb, 1mb, 1gb)",
            "--rpc-max-body-size",
            "1 mb"),
        archiver(
            "min txs above max txs",
            Map.of("SEQ_MAX_TX_PER_BLOCK", "2"),
            q
                + "--seq-min-tx-per-block (SEQ_MIN_TX_PER_BLOCK): '5' is above the maximum per block"
                + " (--seq-max-tx-per-block (SEQ_MAX_TX_PER_BLOCK) is 2)",
            "--seq-min-tx-per-block",
            "5"),
        archiver(
            "more API keys than consensus hosts",
            Map.of(
                "L1_CONSENSUS_HOST_URLS",
                "http://beacon:5052",
                "L1_CONSENSUS_HOST_API_KEYS",
                "k1,k2"),
            q
                + "--l1-consensus-host-api-keys (L1_CONSENSUS_HOST_API_KEYS): 2 API keys for 1"
                + " consensus host URLs (--l1-consensus-host-urls); keys pair with URLs by"
                + " position"),
        archiver(
            "upload URL over http",
            Map.of(),
            q
                + "--blob-file-store-upload-url (BLOB_FILE_STORE_UPLOAD_URL): 'https://blobs.example'"
                + " is not a valid URL: not a URL with scheme file, gs, s3",
            "--blob-file-store-upload-url",
            "https://blobs.example"),
        archiver(
            "archive API over plain http",
            Map.of("BLOB_ARCHIVE_API_URL", "http://api.blobscan.com/"),
            q
                + "--blob-archive-api-url (BLOB_ARCHIVE_API_URL): 'http://api.blobscan.com/'"
                + " is not a valid URL: not a URL with scheme https"),
        archiver(
            "gas price zero",
            Map.of("L1_GAS_PRICE_MAX", "0"),
            q + "--l1-gas-price-max (L1_GAS_PRICE_MAX): '0' is not above zero"),
        archiver(
            "peer id key malformed",
            Map.of(),
            q
                + "--peer-id-private-key (PEER_ID_PRIVATE_KEY): is not a libp2p secp256k1 private key"
                + " (72 hex digits starting 08021220, no 0x; got 7 characters)",
            "--peer-id-private-key",
            "0xabcde"),
        archiver(
            "p2p port clashes with the JSON-RPC port",
            Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL),
            q
                + "--p2p-port (P2P_PORT): '8080' is also the port of --port (AZTEC_PORT); P2P needs a"
                + " port of its own",
            "--node",
            "--p2p-enabled",
            "--p2p-port",
            "8080"),
        raw(
            "no role",
            Map.of(),
            q
                + "nothing to start: give a role (--node, --archiver, --sequencer or"
                + " --local-network)",
            "start"),
        raw(
            "sequencer without node",
            CliHarness.NODE_ENV,
            q + "--sequencer: needs --node (the sequencer runs inside a node)",
            "start",
            "--sequencer",
            "--archiver"),
        raw(
            "sequencer without a data directory",
            CliHarness.NODE_ENV,
            q
                + "--data-directory (DATA_DIRECTORY): required for --sequencer: slashing protection"
                + " records every signature there and must survive restarts",
            "start",
            "--node",
            "--sequencer"),
        raw(
            "archiver without L1",
            Map.of("REGISTRY_CONTRACT_ADDRESS", CliHarness.REGISTRY),
            q
                + "--l1-rpc-urls (ETHEREUM_HOSTS): required for --archiver: the Ethereum execution"
                + " RPC URL(s), comma-separated",
            "start",
            "--archiver"),
        raw(
            "node without registry",
            Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL),
            q
                + "--registry-address (REGISTRY_CONTRACT_ADDRESS): required for --node on network"
                + " 'local': the Aztec Registry contract address (--network testnet or mainnet"
                + " supply it)",
            "start",
            "--node"),
        raw(
            "devnet has no registry preset",
            Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL),
            q
                + "--registry-address (REGISTRY_CONTRACT_ADDRESS): required for --node and"
                + " --archiver on network 'devnet': the Aztec Registry contract address (--network"
                + " testnet or mainnet supply it)",
            "start",
            "--node",
            "--archiver",
            "--network",
            "devnet"),
        raw(
            "sequencer without validator keys",
            Map.of(
                "ETHEREUM_HOSTS",
                CliHarness.L1_URL,
                "REGISTRY_CONTRACT_ADDRESS",
                CliHarness.REGISTRY),
            q
                + "--validator-private-keys (VALIDATOR_PRIVATE_KEYS): --sequencer needs at least one"
                + " validator private key",
            "start",
            "--node",
            "--sequencer"),
        raw(
            "sequencer with only a key store",
            Map.of("ETHEREUM_HOSTS", CliHarness.L1_URL, "KEY_STORE_DIRECTORY", "/keys"),
            q
                + "--validator-private-keys (VALIDATOR_PRIVATE_KEYS): --sequencer needs at least one"
                + " validator private key (KEY_STORE_DIRECTORY, WEB3_SIGNER_URL and"
                + " VALIDATOR_ADDRESSES are not supported by quetzal yet)",
            "start",
            "--node",
            "--sequencer",
            "--network",
            "testnet"),
        raw(
            "local network on testnet",
            Map.of(),
            q
                + "--network (NETWORK): 'testnet' conflicts with --local-network, which always runs"
                + " network 'local'",
            "start",
            "--local-network",
            "--network",
            "testnet"),
        raw(
            "local network with NETWORK set",
            Map.of("NETWORK", "mainnet"),
            q
                + "--network (NETWORK): 'mainnet' conflicts with --local-network, which always runs"
                + " network 'local'",
            "start",
            "--local-network"),
        raw("unknown option", Map.of(), q + "unknown option '--foo'", "start", "--foo"),
        raw(
            "misspelt option",
            Map.of(),
            q + "unknown option '--p2p-prot' (did you mean --p2p-port?)",
            "start",
            "--node",
            "--p2p-prot",
            "1"),
        raw(
            "unsupported official role",
            Map.of(),
            q + "'--prover-node' is an 'aztec start' option that quetzal does not support",
            "start",
            "--prover-node"),
        raw(
            "unsupported official namespace",
            Map.of(),
            q + "'--bot.followChain' is an 'aztec start' option that quetzal does not support",
            "start",
            "--node",
            "--bot.followChain=PENDING"),
        raw(
            "official option quetzal does not implement",
            Map.of(),
            q + "'--enable-version-check' is an 'aztec start' option that quetzal does not support",
            "start",
            "--node",
            "--enable-version-check"),
        raw(
            "official namespace, unimplemented key",
            Map.of(),
            q
                + "unknown option '--sequencer.keyStoreDirectory' (quetzal accepts the official"
                + " --sequencer.* options listed in --help, not all of them)",
            "start",
            "--node",
            "--sequencer.keyStoreDirectory=/keys"),
        raw(
            "missing value",
            Map.of(),
            q + "--p2p-port (P2P_PORT): needs a value",
            "start",
            "--node",
            "--p2p-port"),
        raw(
            "stray positional argument",
            Map.of(),
            q
                + "unexpected argument: 'start' takes only --options (a list separated by spaces"
                + " instead of commas, or a value without its option?)",
            "start",
            "--node",
            "extra"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithStatus2AndOneLineNamingTheOption(Case c) {
    CliHarness.Result r = CliHarness.run(c.env(), c.args().toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(c.message(), HINT);
    assertThat(r.out()).isEmpty();
    assertThat(r.log()).isEmpty();
    assertThat(r.launched()).isNull();
    assertThat(r.everything()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void messagesAreSingleLinesThatNameAnOption(Case c) {
    assertThat(c.message()).doesNotContain("\n").startsWith("quetzal: ").contains("--");
  }

  @org.junit.jupiter.api.Test
  void anUnknownCommandIsAUsageErrorAtTheRoot() {
    CliHarness.Result r = CliHarness.run("strat", "--node");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "quetzal: unknown command 'strat'", "Run 'quetzal --help' for the options.");
  }
}
