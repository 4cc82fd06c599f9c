package io.quetzal.cli.config;

import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where L1 is and which rollup on it to follow.
 *
 * @param rpcUrls execution-layer JSON-RPC endpoints, used in order with fallback ({@code
 *     ETHEREUM_HOSTS}); empty only when no role needs L1
 * @param debugRpcUrls endpoints with {@code debug_}/{@code trace_} methods, for the calldata
 *     fallback ({@code ETHEREUM_DEBUG_HOSTS})
 * @param consensusHostUrls beacon API endpoints, for blobs ({@code L1_CONSENSUS_HOST_URLS})
 * @param consensusHostApiKeys API keys for the beacon endpoints, by index
 * @param consensusHostApiKeyHeaders header names for those keys, by index (a key without a header
 *     goes into the query string)
 * @param chainId the L1 chain id
 * @param registryAddress the Aztec Registry contract; the rollup is resolved from it
 * @param rollupVersion a specific rollup version, or empty for the canonical rollup
 * @param localAnvilPort the port of the anvil that {@code --local-network} starts on 127.0.0.1
 *     ({@code ANVIL_PORT}, default 8545); unused otherwise
 */
public record L1Config(
    List<URI> rpcUrls,
    List<URI> debugRpcUrls,
    List<URI> consensusHostUrls,
    List<Secret<String>> consensusHostApiKeys,
    List<String> consensusHostApiKeyHeaders,
    long chainId,
    Optional<EthAddress> registryAddress,
    OptionalLong rollupVersion,
    int localAnvilPort) {

  /** Anvil's chain id, Aztec's default ({@code chainConfigMappings.l1ChainId}). */
  public static final long DEFAULT_CHAIN_ID = 31_337;

  /** Anvil's default port, the local network's L1 unless {@code ANVIL_PORT} says otherwise. */
  public static final int DEFAULT_ANVIL_PORT = 8545;

  /** The L1 a local network talks to when {@code ETHEREUM_HOSTS} is not set: anvil's default. */
  public static final URI LOCAL_NETWORK_RPC_URL = localNetworkRpcUrl(DEFAULT_ANVIL_PORT);

  /** The URL of the local network's anvil on {@code port}. */
  public static URI localNetworkRpcUrl(int port) {
    return URI.create("http://localhost:" + port);
  }

  public L1Config {
    rpcUrls = List.copyOf(rpcUrls);
    debugRpcUrls = List.copyOf(debugRpcUrls);
    consensusHostUrls = List.copyOf(consensusHostUrls);
    consensusHostApiKeys = List.copyOf(consensusHostApiKeys);
    consensusHostApiKeyHeaders = List.copyOf(consensusHostApiKeyHeaders);
    Objects.requireNonNull(registryAddress, "registryAddress");
    Objects.requireNonNull(rollupVersion, "rollupVersion");
    Urls.requireAll(rpcUrls, Urls.HTTP, "rpcUrls");
    Urls.requireAll(debugRpcUrls, Urls.HTTP, "debugRpcUrls");
    Urls.requireAll(consensusHostUrls, Urls.HTTP, "consensusHostUrls");
    Checks.atLeast(chainId, 1, "chainId");
    if (consensusHostApiKeys.size() > consensusHostUrls.size()) {
      throw new IllegalArgumentException(
          "more consensus host API keys ("
              + consensusHostApiKeys.size()
              + ") than consensus host URLs ("
              + consensusHostUrls.size()
              + ")");
    }
    if (consensusHostApiKeyHeaders.size() > consensusHostApiKeys.size()) {
      throw new IllegalArgumentException(
          "more consensus host API key headers ("
              + consensusHostApiKeyHeaders.size()
              + ") than API keys ("
              + consensusHostApiKeys.size()
              + ")");
    }
    if (registryAddress.isPresent() && registryAddress.get().isZero()) {
      throw new IllegalArgumentException("registryAddress must not be the zero address");
    }
    if (rollupVersion.isPresent() && rollupVersion.getAsLong() < 0) {
      throw new IllegalArgumentException("rollupVersion must not be negative");
    }
    Checks.port(localAnvilPort, "localAnvilPort");
  }

  /** No endpoints, chain 31337, no registry, canonical rollup. */
  public static L1Config defaults() {
    return new L1Config(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        DEFAULT_CHAIN_ID,
        Optional.empty(),
        OptionalLong.empty(),
        DEFAULT_ANVIL_PORT);
  }

  /**
   * Like the record's, but URLs show only scheme, host and port: RPC URLs often carry an API key in
   * the path or query, and configs are logged.
   */
  @Override
  public String toString() {
    return "L1Config[rpcUrls="
        + redacted(rpcUrls)
        + ", debugRpcUrls="
        + redacted(debugRpcUrls)
        + ", consensusHostUrls="
        + redacted(consensusHostUrls)
        + ", consensusHostApiKeys="
        + consensusHostApiKeys
        + ", consensusHostApiKeyHeaders="
        + consensusHostApiKeyHeaders
        + ", chainId="
        + chainId
        + ", registryAddress="
        + registryAddress
        + ", rollupVersion="
        + rollupVersion
        + ", localAnvilPort="
        + localAnvilPort
        + "]";
  }

  private static List<String> redacted(List<URI> urls) {
    return urls.stream().map(Urls::redacted).toList();
  }

  public L1Config withRpcUrls(List<URI> urls) {
    return new L1Config(
        urls,
        debugRpcUrls,
        consensusHostUrls,
        consensusHostApiKeys,
        consensusHostApiKeyHeaders,
        chainId,
        registryAddress,
        rollupVersion,
        localAnvilPort);
  }
}
