package io.quetzal.cli.options;

import io.quetzal.cli.config.NodeRpcConfig;
import java.util.List;

/** The JSON-RPC servers: {@link NodeRpcConfig}. */
public final class NodeApiOptions {
  public static final OptionDef<Integer> PORT =
      OptionDef.value(Area.NODE_API, "port", Converters.PORT)
          .names("--port")
          .label("<port>")
          .env("AZTEC_PORT")
          .defaultValue(NodeRpcConfig.DEFAULT_PORT)
          .description("Port of the JSON-RPC API (node_* and p2p_* methods).")
          .build();

  public static final OptionDef<Integer> ADMIN_PORT =
      OptionDef.value(Area.NODE_API, "adminPort", Converters.PORT)
          .names("--admin-port")
          .label("<port>")
          .env("AZTEC_ADMIN_PORT")
          .defaultValue(NodeRpcConfig.DEFAULT_ADMIN_PORT)
          .description("Port of the admin JSON-RPC API. Keep it off the public internet.")
          .build();

  public static final OptionDef<String> ADMIN_API_KEY_HASH =
      OptionDef.value(Area.NODE_API, "adminApiKeyHash", Converters.SHA256_HASH)
          .names("--admin-api-key-hash")
          .label("<sha256-hex>")
          .env("AZTEC_ADMIN_API_KEY_HASH")
          .optional("a key is generated, shown once, and its hash persisted")
          .description("SHA-256 (hex) of a pre-generated admin API key to authenticate with.")
          .build();

  public static final OptionDef<Boolean> DISABLE_ADMIN_API_KEY =
      OptionDef.bool(Area.NODE_API, "disableAdminApiKey")
          .names("--disable-admin-api-key")
          .env("AZTEC_DISABLE_ADMIN_API_KEY")
          .defaultValue(NodeRpcConfig.DEFAULT_DISABLE_ADMIN_API_KEY)
          .description("Serve the admin API without API key authentication.")
          .build();

  public static final OptionDef<Boolean> RESET_ADMIN_API_KEY =
      OptionDef.bool(Area.NODE_API, "resetAdminApiKey")
          .names("--reset-admin-api-key")
          .env("AZTEC_RESET_ADMIN_API_KEY")
          .defaultValue(NodeRpcConfig.DEFAULT_RESET_ADMIN_API_KEY)
          .description("Generate a new admin API key, replacing a persisted one.")
          .build();

  public static final OptionDef<String> API_PREFIX =
      OptionDef.value(Area.NODE_API, "apiPrefix", Converters.STRING)
          .names("--api-prefix")
          .label("<path>")
          .env("API_PREFIX")
          .defaultValue(NodeRpcConfig.DEFAULT_API_PREFIX)
          .description("Path prefix for every API route.")
          .build();

  public static final OptionDef<Integer> RPC_MAX_BATCH_SIZE =
      OptionDef.value(Area.NODE_API, "rpcMaxBatchSize", Converters.intAtLeast(1))
          .names("--rpc-max-batch-size", "--rpcMaxBatchSize")
          .label("<n>")
          .env("RPC_MAX_BATCH_SIZE")
          .defaultValue(NodeRpcConfig.DEFAULT_MAX_BATCH_SIZE)
          .description("Most requests accepted in one JSON-RPC batch.")
          .build();

  public static final OptionDef<String> RPC_MAX_BODY_SIZE =
      OptionDef.value(Area.NODE_API, "rpcMaxBodySize", Converters.BODY_SIZE)
          .names("--rpc-max-body-size", "--rpcMaxBodySize")
          .label("<size>")
          .env("RPC_MAX_BODY_SIZE")
          .defaultValue(NodeRpcConfig.DEFAULT_MAX_BODY_SIZE)
          .description("Largest JSON-RPC request body accepted, e.g. 512kb or 1mb.")
          .build();

  private NodeApiOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        PORT,
        ADMIN_PORT,
        ADMIN_API_KEY_HASH,
        DISABLE_ADMIN_API_KEY,
        RESET_ADMIN_API_KEY,
        API_PREFIX,
        RPC_MAX_BATCH_SIZE,
        RPC_MAX_BODY_SIZE);
  }

  public static NodeRpcConfig toConfig(OptionValues v) {
    int port = v.get(PORT);
    int adminPort = v.get(ADMIN_PORT);
    if (port == adminPort) {
      throw v.problem(
          ADMIN_PORT,
          "'"
              + adminPort
              + "' is also the JSON-RPC port (--port); the servers need different ports");
    }
    return new NodeRpcConfig(
        port,
        adminPort,
        v.find(ADMIN_API_KEY_HASH),
        v.get(DISABLE_ADMIN_API_KEY),
        v.get(RESET_ADMIN_API_KEY),
        v.get(API_PREFIX),
        v.get(RPC_MAX_BATCH_SIZE),
        v.get(RPC_MAX_BODY_SIZE));
  }

  public static void toArgs(NodeRpcConfig c, ArgsWriter w) {
    w.value(PORT, c.port())
        .value(ADMIN_PORT, c.adminPort())
        .optional(ADMIN_API_KEY_HASH, c.adminApiKeyHash())
        .bool(DISABLE_ADMIN_API_KEY, c.disableAdminApiKey())
        .bool(RESET_ADMIN_API_KEY, c.resetAdminApiKey())
        .value(API_PREFIX, c.apiPrefix())
        .value(RPC_MAX_BATCH_SIZE, c.maxBatchSize())
        .value(RPC_MAX_BODY_SIZE, c.maxBodySize());
  }
}
