package io.quetzal.cli.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The node's JSON-RPC servers: the public one ({@code node_*}, {@code p2p_*}) and the admin one.
 *
 * @param port public JSON-RPC port ({@code AZTEC_PORT})
 * @param adminPort admin JSON-RPC port ({@code AZTEC_ADMIN_PORT}); must differ from {@code port}
 * @param adminApiKeyHash SHA-256 of a pre-generated admin API key, 64 lower-case hex digits; empty
 *     to have the node generate a key
 * @param disableAdminApiKey serve the admin API without authentication
 * @param resetAdminApiKey generate a new admin API key even if one was persisted
 * @param apiPrefix path prefix for every route ({@code ""} for none)
 * @param maxBatchSize largest JSON-RPC batch accepted
 * @param maxBodySize largest request body accepted, e.g. {@code 1mb}
 */
public record NodeRpcConfig(
    int port,
    int adminPort,
    Optional<String> adminApiKeyHash,
    boolean disableAdminApiKey,
    boolean resetAdminApiKey,
    String apiPrefix,
    int maxBatchSize,
    String maxBodySize) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_ADMIN_PORT = 8880;
  public static final boolean DEFAULT_DISABLE_ADMIN_API_KEY = false;
  public static final boolean DEFAULT_RESET_ADMIN_API_KEY = false;
  public static final String DEFAULT_API_PREFIX = "";
  public static final int DEFAULT_MAX_BATCH_SIZE = 100;
  public static final String DEFAULT_MAX_BODY_SIZE = "1mb";

  /** A byte count with an optional unit, as the body-parser {@code limit} Aztec passes it to. */
  public static final Pattern BODY_SIZE = Pattern.compile("[0-9]+(b|kb|mb|gb)?");

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public NodeRpcConfig {
    Checks.port(port, "port");
    Checks.port(adminPort, "adminPort");
    if (port == adminPort) {
      throw new IllegalArgumentException("port and adminPort must differ, both are " + port);
    }
    Objects.requireNonNull(adminApiKeyHash, "adminApiKeyHash");
    adminApiKeyHash.ifPresent(
        h -> {
          if (!SHA256_HEX.matcher(h).matches()) {
            throw new IllegalArgumentException(
                "adminApiKeyHash must be 64 lower-case hex digits (a SHA-256 hash)");
          }
        });
    Objects.requireNonNull(apiPrefix, "apiPrefix");
    Checks.atLeast(maxBatchSize, 1, "maxBatchSize");
    maxBodySize = maxBodySize.toLowerCase(Locale.ROOT);
    if (!BODY_SIZE.matcher(maxBodySize).matches()) {
      throw new IllegalArgumentException("maxBodySize must look like 1mb, 512kb or 1048576");
    }
  }

  public static NodeRpcConfig defaults() {
    return new NodeRpcConfig(
        DEFAULT_PORT,
        DEFAULT_ADMIN_PORT,
        Optional.empty(),
        DEFAULT_DISABLE_ADMIN_API_KEY,
        DEFAULT_RESET_ADMIN_API_KEY,
        DEFAULT_API_PREFIX,
        DEFAULT_MAX_BATCH_SIZE,
        DEFAULT_MAX_BODY_SIZE);
  }
}
