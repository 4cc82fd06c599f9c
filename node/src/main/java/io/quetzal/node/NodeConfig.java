package io.quetzal.node;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the node needs to start.
 *
 * @param dataDirectory the data directory; empty runs on a temporary directory deleted at stop
 * @param worldStateMapSizeBytes the world state's LMDB map size; empty for the store's default
 * @param bindAddress where the JSON-RPC server listens (loopback for the local network)
 * @param port the JSON-RPC port ({@code AZTEC_PORT}); 0 picks a free one
 * @param maxBatchSize the largest JSON-RPC batch accepted
 * @param maxBodyBytes the largest request body accepted
 */
public record NodeConfig(
    Optional<Path> dataDirectory,
    OptionalLong worldStateMapSizeBytes,
    InetAddress bindAddress,
    int port,
    int maxBatchSize,
    long maxBodyBytes) {
  public NodeConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(worldStateMapSizeBytes, "worldStateMapSizeBytes");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** A loopback node on {@code port}, official batch and body limits (100, 1 MB). */
  public static NodeConfig loopback(Optional<Path> dataDirectory, int port) {
    return new NodeConfig(
        dataDirectory,
        OptionalLong.empty(),
        InetAddress.getLoopbackAddress(),
        port,
        100,
        1024L * 1024);
  }
}
