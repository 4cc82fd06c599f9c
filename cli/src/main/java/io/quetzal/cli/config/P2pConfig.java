package io.quetzal.cli.config;

import io.quetzal.foundation.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The libp2p service: addresses, peers, identity and the tx pool limits it enforces.
 *
 * @param enabled run P2P at all ({@code P2P_ENABLED}; network presets turn it on)
 * @param ip the public IP announced in the ENR; empty to leave it to discovery
 * @param port TCP and UDP port the service listens on
 * @param broadcastPort port announced in the ENR; empty means {@code port}
 * @param listenAddress local interface to bind
 * @param bootstrapNodes ENRs ({@code enr:…}) of the bootstrap nodes
 * @param maxPeers most peers kept connected
 * @param queryForIp ask an external service for the public IP when {@code ip} is empty
 * @param peerIdPrivateKey the libp2p identity (hex protobuf secp256k1 key); empty to generate one
 * @param peerIdPrivateKeyPath file holding (or receiving) the generated identity
 * @param maxPendingTxCount most pending txs kept in the pool
 * @param minTxPoolAgeMs how long a tx waits in the pool before it may be included
 */
public record P2pConfig(
    boolean enabled,
    Optional<String> ip,
    int port,
    OptionalInt broadcastPort,
    String listenAddress,
    List<String> bootstrapNodes,
    int maxPeers,
    boolean queryForIp,
    Optional<Secret<String>> peerIdPrivateKey,
    Optional<Path> peerIdPrivateKeyPath,
    int maxPendingTxCount,
    long minTxPoolAgeMs) {

  /** Aztec's {@code p2pEnabled} default; presets for public networks turn it on. */
  public static final boolean DEFAULT_ENABLED = false;

  public static final int DEFAULT_PORT = 40_400;
  public static final String DEFAULT_LISTEN_ADDRESS = "0.0.0.0";
  public static final int DEFAULT_MAX_PEERS = 100;
  public static final boolean DEFAULT_QUERY_FOR_IP = false;
  public static final int DEFAULT_MAX_PENDING_TX_COUNT = 1_000;
  public static final long DEFAULT_MIN_TX_POOL_AGE_MS = 2_000;

  public P2pConfig {
    Objects.requireNonNull(ip, "ip");
    ip.ifPresent(
        v -> {
          if (!IpAddresses.isLiteral(v)) {
            throw new IllegalArgumentException("ip must be an IPv4 or IPv6 address");
          }
        });
    Checks.port(port, "port");
    Objects.requireNonNull(broadcastPort, "broadcastPort");
    broadcastPort.ifPresent(p -> Checks.port(p, "broadcastPort"));
    if (!IpAddresses.isLiteral(listenAddress)) {
      throw new IllegalArgumentException("listenAddress must be an IPv4 or IPv6 address");
    }
    bootstrapNodes = List.copyOf(bootstrapNodes);
    for (String enr : bootstrapNodes) {
      if (!enr.startsWith("enr:")) {
        throw new IllegalArgumentException("bootstrap nodes must be ENRs (enr:…)");
      }
    }
    Checks.atLeast(maxPeers, 1, "maxPeers");
    Objects.requireNonNull(peerIdPrivateKey, "peerIdPrivateKey");
    Objects.requireNonNull(peerIdPrivateKeyPath, "peerIdPrivateKeyPath");
    Checks.atLeast(maxPendingTxCount, 1, "maxPendingTxCount");
    Checks.atLeast(minTxPoolAgeMs, 0, "minTxPoolAgeMs");
  }

  public static P2pConfig defaults() {
    return new P2pConfig(
        DEFAULT_ENABLED,
        Optional.empty(),
        DEFAULT_PORT,
        OptionalInt.empty(),
        DEFAULT_LISTEN_ADDRESS,
        List.of(),
        DEFAULT_MAX_PEERS,
        DEFAULT_QUERY_FOR_IP,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_PENDING_TX_COUNT,
        DEFAULT_MIN_TX_POOL_AGE_MS);
  }

  /** The port announced to peers. */
  public int effectiveBroadcastPort() {
    return broadcastPort.orElse(port);
  }
}
