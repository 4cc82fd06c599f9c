package io.quetzal.cli.options;

import io.quetzal.cli.config.P2pConfig;
import io.quetzal.foundation.secret.Secret;
import java.nio.file.Path;
import java.util.List;

/** The P2P service: {@link P2pConfig}. */
public final class P2pOptions {
  public static final OptionDef<Boolean> P2P_ENABLED =
      OptionDef.bool(Area.P2P, "p2pEnabled")
          .names("--p2p-enabled")
          .env("P2P_ENABLED")
          .defaultValue(P2pConfig.DEFAULT_ENABLED)
          .description("Run the P2P service (network presets turn it on).")
          .build();

  public static final OptionDef<String> P2P_IP =
      OptionDef.value(Area.P2P, "p2pIp", Converters.IP_ADDRESS)
          .names("--p2p-ip", "--p2p.p2pIp")
          .label("<ip>")
          .env("P2P_IP")
          .optional("not announced, unless --p2p-query-for-ip")
          .description("The public IP address announced to peers (in the node's ENR).")
          .build();

  public static final OptionDef<Integer> P2P_PORT =
      OptionDef.value(Area.P2P, "p2pPort", Converters.PORT)
          .names("--p2p-port", "--p2p.p2pPort")
          .label("<port>")
          .env("P2P_PORT")
          .defaultValue(P2pConfig.DEFAULT_PORT)
          .description("TCP and UDP port the P2P service listens on.")
          .build();

  public static final OptionDef<Integer> P2P_BROADCAST_PORT =
      OptionDef.value(Area.P2P, "p2pBroadcastPort", Converters.PORT)
          .names("--p2p-broadcast-port", "--p2p.p2pBroadcastPort")
          .label("<port>")
          .env("P2P_BROADCAST_PORT")
          .optional("--p2p-port")
          .description("Port announced to peers, when it differs from the listening port (NAT).")
          .build();

  public static final OptionDef<String> P2P_LISTEN_ADDR =
      OptionDef.value(Area.P2P, "p2pListenAddress", Converters.IP_ADDRESS)
          .names("--p2p-listen-addr", "--p2p.listenAddress")
          .label("<ip>")
          .env("P2P_LISTEN_ADDR")
          .defaultValue(P2pConfig.DEFAULT_LISTEN_ADDRESS)
          .description("Local address the P2P service binds to.")
          .build();

  public static final OptionDef<List<String>> BOOTSTRAP_NODES =
      OptionDef.value(Area.P2P, "bootstrapNodes", Converters.ENRS)
          .names("--bootstrap-nodes", "--p2p.bootstrapNodes")
          .label("<enr>[,<enr>...]")
          .env("BOOTSTRAP_NODES")
          .optional("no bootstrap nodes")
          .description("ENRs of the bootstrap nodes, comma-separated.")
          .build();

  public static final OptionDef<Integer> P2P_MAX_PEERS =
      OptionDef.value(Area.P2P, "maxPeerCount", Converters.intAtLeast(1))
          .names("--p2p-max-peers", "--p2p.maxPeerCount")
          .label("<n>")
          .env("P2P_MAX_PEERS")
          .defaultValue(P2pConfig.DEFAULT_MAX_PEERS)
          .description("Most peers to stay connected to.")
          .build();

  public static final OptionDef<Boolean> P2P_QUERY_FOR_IP =
      OptionDef.bool(Area.P2P, "queryForIp")
          .names("--p2p-query-for-ip", "--p2p.queryForIp")
          .env("P2P_QUERY_FOR_IP")
          .defaultValue(P2pConfig.DEFAULT_QUERY_FOR_IP)
          .description("Ask an external service for the public IP when --p2p-ip is not set.")
          .build();

  public static final OptionDef<Secret<String>> PEER_ID_PRIVATE_KEY =
      OptionDef.value(Area.P2P, "peerIdPrivateKey", Converters.PEER_ID_PRIVATE_KEY)
          .names("--peer-id-private-key", "--p2p.peerIdPrivateKey")
          .label("<hex>")
          .env("PEER_ID_PRIVATE_KEY")
          .optional("read from --peer-id-private-key-path, or generated and stored")
          .secret()
          .description("The node's libp2p identity key (hex protobuf, 08021220…).")
          .build();

  public static final OptionDef<Path> PEER_ID_PRIVATE_KEY_PATH =
      OptionDef.value(Area.P2P, "peerIdPrivateKeyPath", Converters.PATH)
          .names("--peer-id-private-key-path", "--p2p.peerIdPrivateKeyPath")
          .label("<file>")
          .env("PEER_ID_PRIVATE_KEY_PATH")
          .optional("a file in the data directory")
          .description("File that holds the libp2p identity key, created when missing.")
          .build();

  public static final OptionDef<Integer> P2P_MAX_PENDING_TX_COUNT =
      OptionDef.value(Area.P2P, "maxPendingTxCount", Converters.intAtLeast(1))
          .names("--p2p-max-pending-tx-count", "--p2p.maxPendingTxCount")
          .label("<n>")
          .env("P2P_MAX_PENDING_TX_COUNT")
          .defaultValue(P2pConfig.DEFAULT_MAX_PENDING_TX_COUNT)
          .description("Most pending transactions kept in the pool.")
          .build();

  public static final OptionDef<Long> P2P_MIN_TX_POOL_AGE_MS =
      OptionDef.value(Area.P2P, "minTxPoolAgeMs", Converters.longAtLeast(0))
          .names("--p2p-min-tx-pool-age-ms", "--p2p.minTxPoolAgeMs")
          .label("<ms>")
          .env("P2P_MIN_TX_POOL_AGE_MS")
          .defaultValue(P2pConfig.DEFAULT_MIN_TX_POOL_AGE_MS)
          .description("How long a transaction stays in the pool before blocks may include it.")
          .build();

  private P2pOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        P2P_ENABLED,
        P2P_IP,
        P2P_PORT,
        P2P_BROADCAST_PORT,
        P2P_LISTEN_ADDR,
        BOOTSTRAP_NODES,
        P2P_MAX_PEERS,
        P2P_QUERY_FOR_IP,
        PEER_ID_PRIVATE_KEY,
        PEER_ID_PRIVATE_KEY_PATH,
        P2P_MAX_PENDING_TX_COUNT,
        P2P_MIN_TX_POOL_AGE_MS);
  }

  public static P2pConfig toConfig(OptionValues v) {
    return new P2pConfig(
        v.get(P2P_ENABLED),
        v.find(P2P_IP),
        v.get(P2P_PORT),
        Optionals.optionalInt(v, P2P_BROADCAST_PORT),
        v.get(P2P_LISTEN_ADDR),
        v.find(BOOTSTRAP_NODES).orElse(List.of()),
        v.get(P2P_MAX_PEERS),
        v.get(P2P_QUERY_FOR_IP),
        v.find(PEER_ID_PRIVATE_KEY),
        v.find(PEER_ID_PRIVATE_KEY_PATH),
        v.get(P2P_MAX_PENDING_TX_COUNT),
        v.get(P2P_MIN_TX_POOL_AGE_MS));
  }

  public static void toArgs(P2pConfig c, ArgsWriter w) {
    w.bool(P2P_ENABLED, c.enabled())
        .optional(P2P_IP, c.ip())
        .value(P2P_PORT, c.port())
        .optional(P2P_BROADCAST_PORT, c.broadcastPort())
        .value(P2P_LISTEN_ADDR, c.listenAddress())
        .list(BOOTSTRAP_NODES, c.bootstrapNodes(), s -> s)
        .value(P2P_MAX_PEERS, c.maxPeers())
        .bool(P2P_QUERY_FOR_IP, c.queryForIp())
        .optional(PEER_ID_PRIVATE_KEY, c.peerIdPrivateKey().map(Secret::reveal))
        .optional(PEER_ID_PRIVATE_KEY_PATH, c.peerIdPrivateKeyPath())
        .value(P2P_MAX_PENDING_TX_COUNT, c.maxPendingTxCount())
        .value(P2P_MIN_TX_POOL_AGE_MS, c.minTxPoolAgeMs());
  }
}
