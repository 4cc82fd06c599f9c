package io.quetzal.cli.options;

import io.quetzal.cli.config.L1Config;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.Roles;
import io.quetzal.cli.config.Urls;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** {@code --network} and the L1 connection: {@link L1Config}. */
public final class NetworkOptions {
  public static final OptionDef<NetworkName> NETWORK =
      OptionDef.value(Area.NETWORK, "network", Converters.NETWORK)
          .names("--network")
          .label("<name>")
          .env("NETWORK")
          .defaultValue(NetworkName.LOCAL.id())
          .description(
              "The network to join: local, testnet (alias alpha-testnet), mainnet, devnet,"
                  + " next-net, staging-ignition or staging-public. testnet, mainnet and devnet fill in their chain id, Registry (testnet,"
                  + " mainnet), P2P and sequencer settings wherever you set nothing; other"
                  + " networks except local only default the data directory to"
                  + " ~/.aztec/<network>/data.")
          .build();

  public static final OptionDef<List<URI>> L1_RPC_URLS =
      OptionDef.value(Area.NETWORK, "l1RpcUrls", Converters.urlList(Urls.HTTP))
          .names("--l1-rpc-urls", "--ethereum-hosts")
          .label("<url>[,<url>...]")
          .env("ETHEREUM_HOSTS")
          .required("by --node and --archiver (not with --local-network)")
          .description(
              "Ethereum execution-layer JSON-RPC URLs, comma-separated; later ones are fallbacks.")
          .build();

  public static final OptionDef<List<URI>> L1_DEBUG_RPC_URLS =
      OptionDef.value(Area.NETWORK, "l1DebugRpcUrls", Converters.urlList(Urls.HTTP))
          .names("--l1-debug-rpc-urls")
          .label("<url>[,<url>...]")
          .env("ETHEREUM_DEBUG_HOSTS")
          .optional("the RPC URLs above are used")
          .description(
              "Execution-layer URLs that serve debug_/trace_ methods, used to recover checkpoint"
                  + " calldata. (Quetzal flag; Aztec reads only the variable.)")
          .build();

  public static final OptionDef<List<URI>> L1_CONSENSUS_HOST_URLS =
      OptionDef.value(
              Area.NETWORK,
              "l1ConsensusHostUrls",
              Converters.urlListWithoutTrailingSlash(Urls.HTTP))
          .names("--l1-consensus-host-urls")
          .label("<url>[,<url>...]")
          .env("L1_CONSENSUS_HOST_URLS")
          .optional("blobs come only from file stores and the archive API")
          .description("Ethereum consensus-layer (beacon API) URLs, comma-separated, for blobs.")
          .build();

  public static final OptionDef<List<Secret<String>>> L1_CONSENSUS_HOST_API_KEYS =
      OptionDef.value(Area.NETWORK, "l1ConsensusHostApiKeys", Converters.SECRET_STRINGS)
          .names("--l1-consensus-host-api-keys")
          .label("<key>[,<key>...]")
          .env("L1_CONSENSUS_HOST_API_KEYS")
          .optional("no API keys")
          .secret()
          .description(
              "API keys for the consensus hosts, by position. Sent as ?key=<key> unless a header"
                  + " name is given for it.")
          .build();

  public static final OptionDef<List<String>> L1_CONSENSUS_HOST_API_KEY_HEADERS =
      OptionDef.value(Area.NETWORK, "l1ConsensusHostApiKeyHeaders", Converters.HEADER_NAMES)
          .names("--l1-consensus-host-api-key-headers")
          .label("<header>[,<header>...]")
          .env("L1_CONSENSUS_HOST_API_KEY_HEADERS")
          .optional("keys go in the query string")
          .description("HTTP header names carrying the consensus host API keys, by position.")
          .build();

  public static final OptionDef<Long> L1_CHAIN_ID =
      OptionDef.value(Area.NETWORK, "l1ChainId", Converters.longAtLeast(1))
          .names("--l1-chain-id")
          .label("<id>")
          .env("L1_CHAIN_ID")
          .defaultValue(L1Config.DEFAULT_CHAIN_ID)
          .description("The chain id of the L1.")
          .build();

  public static final OptionDef<EthAddress> REGISTRY_ADDRESS =
      OptionDef.value(Area.NETWORK, "registryAddress", Converters.NON_ZERO_ETH_ADDRESS)
          .names("--registry-address")
          .label("<address>")
          .env("REGISTRY_CONTRACT_ADDRESS")
          .required(
              "by --node and --archiver (the testnet and mainnet presets supply it; not with"
                  + " --local-network)")
          .description("The Aztec Registry contract on L1, from which the rollup is found.")
          .build();

  public static final OptionDef<OptionalLong> ROLLUP_VERSION =
      OptionDef.value(Area.NETWORK, "rollupVersion", Converters.ROLLUP_VERSION)
          .names("--rollup-version")
          .label("<version>")
          .env("ROLLUP_VERSION")
          .defaultValue("canonical")
          .description("Follow this rollup version instead of the Registry's canonical rollup.")
          .build();

  public static final OptionDef<Integer> ANVIL_PORT =
      OptionDef.value(Area.NETWORK, "localAnvilPort", Converters.PORT)
          .names("--anvil-port")
          .label("<port>")
          .env("ANVIL_PORT")
          .defaultValue(L1Config.DEFAULT_ANVIL_PORT)
          .description(
              "With --local-network: the port of the anvil started on 127.0.0.1 (and the L1 URL"
                  + " when ETHEREUM_HOSTS is not set). (Quetzal flag; Aztec reads only the"
                  + " variable.)")
          .build();

  private NetworkOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        NETWORK,
        L1_RPC_URLS,
        L1_DEBUG_RPC_URLS,
        L1_CONSENSUS_HOST_URLS,
        L1_CONSENSUS_HOST_API_KEYS,
        L1_CONSENSUS_HOST_API_KEY_HEADERS,
        L1_CHAIN_ID,
        REGISTRY_ADDRESS,
        ROLLUP_VERSION,
        ANVIL_PORT);
  }

  public static L1Config toConfig(OptionValues v, Roles roles) {
    List<URI> rpcUrls = v.find(L1_RPC_URLS).orElse(List.of());
    int anvilPort = v.get(ANVIL_PORT);
    if (rpcUrls.isEmpty() && roles.localNetwork()) {
      rpcUrls = List.of(L1Config.localNetworkRpcUrl(anvilPort));
    }
    List<URI> consensus = v.find(L1_CONSENSUS_HOST_URLS).orElse(List.of());
    List<Secret<String>> apiKeys = v.find(L1_CONSENSUS_HOST_API_KEYS).orElse(List.of());
    List<String> headers = v.find(L1_CONSENSUS_HOST_API_KEY_HEADERS).orElse(List.of());
    if (apiKeys.size() > consensus.size()) {
      throw v.problem(
          L1_CONSENSUS_HOST_API_KEYS,
          apiKeys.size()
              + " API keys for "
              + consensus.size()
              + " consensus host URLs (--l1-consensus-host-urls); keys pair with URLs by"
              + " position");
    }
    if (headers.size() > apiKeys.size()) {
      throw v.problem(
          L1_CONSENSUS_HOST_API_KEY_HEADERS,
          headers.size()
              + " header names for "
              + apiKeys.size()
              + " API keys (--l1-consensus-host-api-keys); headers pair with keys by position");
    }
    return new L1Config(
        rpcUrls,
        v.find(L1_DEBUG_RPC_URLS).orElse(List.of()),
        consensus,
        apiKeys,
        headers,
        v.get(L1_CHAIN_ID),
        v.find(REGISTRY_ADDRESS),
        v.get(ROLLUP_VERSION),
        anvilPort);
  }

  public static void toArgs(NetworkName network, L1Config c, ArgsWriter w) {
    w.value(NETWORK, network.id());
    if (!c.rpcUrls().isEmpty()) {
      w.list(L1_RPC_URLS, c.rpcUrls(), URI::toString);
    }
    if (!c.debugRpcUrls().isEmpty()) {
      w.list(L1_DEBUG_RPC_URLS, c.debugRpcUrls(), URI::toString);
    }
    if (!c.consensusHostUrls().isEmpty()) {
      w.list(L1_CONSENSUS_HOST_URLS, c.consensusHostUrls(), URI::toString);
    }
    if (!c.consensusHostApiKeys().isEmpty()) {
      w.list(L1_CONSENSUS_HOST_API_KEYS, c.consensusHostApiKeys(), Secret::reveal);
    }
    if (!c.consensusHostApiKeyHeaders().isEmpty()) {
      w.list(L1_CONSENSUS_HOST_API_KEY_HEADERS, c.consensusHostApiKeyHeaders(), h -> h);
    }
    w.value(L1_CHAIN_ID, c.chainId()).optional(REGISTRY_ADDRESS, c.registryAddress());
    w.value(
        ROLLUP_VERSION,
        c.rollupVersion().isPresent() ? Long.toString(c.rollupVersion().getAsLong()) : "canonical");
    w.value(ANVIL_PORT, c.localAnvilPort());
  }
}
