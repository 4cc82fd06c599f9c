package io.quetzal.cli.options;

import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.GenesisConfig;
import io.quetzal.cli.config.L1Config;
import io.quetzal.cli.config.LoggingConfig;
import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.NodeRpcConfig;
import io.quetzal.cli.config.P2pConfig;
import io.quetzal.cli.config.PublisherConfig;
import io.quetzal.cli.config.Roles;
import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.StorageConfig;
import io.quetzal.cli.config.ValidatorConfig;
import java.util.List;
import java.util.Map;

/**
 * Turns resolved options into a {@link StartConfig}, checking each value and then the rules that
 * depend on the roles, the way an operator would expect:
 *
 * <ul>
 *   <li>some role is selected; {@code --sequencer} runs inside {@code --node};
 *   <li>{@code --local-network} runs on network {@code local} only;
 *   <li>{@code --node} and {@code --archiver} need L1 RPC URLs and a Registry address (from the
 *       operator or the network preset), except on a local network;
 *   <li>{@code --sequencer} needs at least one validator key; without publisher keys the first
 *       validator key publishes (Aztec's {@code startNode} does the same);
 *   <li>a running P2P service needs a port that neither JSON-RPC server uses.
 * </ul>
 *
 * <p>The first problem found is reported as a {@link UserConfigException}.
 */
public final class StartConfigFactory {
  private final Map<String, String> env;

  /** {@code env} is consulted only to improve messages (e.g. mention unsupported key sources). */
  public StartConfigFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public StartConfig create(OptionValues v) {
    Roles roles = RoleOptions.toRoles(v);
    NetworkName network = v.get(NetworkOptions.NETWORK);
    checkRoles(v, roles, network);

    LoggingConfig logging = LoggingOptions.toConfig(v);
    L1Config l1 = NetworkOptions.toConfig(v, roles);
    NodeRpcConfig rpc = NodeApiOptions.toConfig(v);
    StorageConfig storage = StorageOptions.toConfig(v);
    P2pConfig p2p = P2pOptions.toConfig(v);
    ValidatorConfig validator = ValidatorOptions.toConfig(v);
    SequencerConfig sequencer = SequencerOptions.toConfig(v);
    if (roles.localNetwork()
        && v.origin(SequencerOptions.SEQ_BUILD_CHECKPOINT_IF_EMPTY).kind() == Origin.Kind.DEFAULT) {
      // The local network's chain moves without txs (there is no tx pool yet): a checkpoint with
      // an empty block every slot, unless the operator says otherwise.
      sequencer = sequencer.withBuildCheckpointIfEmpty(true);
    }
    PublisherConfig publisher = PublisherOptions.toConfig(v);
    ArchiverConfig archiver = ArchiverOptions.toConfig(v);
    GenesisConfig genesis = GenesisOptions.toConfig(v);

    boolean needsL1 = (roles.node() || roles.archiver()) && !roles.localNetwork();
    if (needsL1 && l1.rpcUrls().isEmpty()) {
      throw v.problem(
          NetworkOptions.L1_RPC_URLS,
          "required for "
              + roleFlags(roles)
              + ": the Ethereum execution RPC URL(s), comma-separated");
    }
    if (needsL1 && l1.registryAddress().isEmpty()) {
      throw v.problem(
          NetworkOptions.REGISTRY_ADDRESS,
          "required for "
              + roleFlags(roles)
              + " on network '"
              + network.id()
              + "': the Aztec Registry contract address (--network testnet or mainnet supply it)");
    }
    if (roles.sequencer() && !roles.localNetwork()) {
      if (validator.privateKeys().isEmpty()) {
        throw v.problem(
            ValidatorOptions.VALIDATOR_PRIVATE_KEYS,
            "--sequencer needs at least one validator private key" + unsupportedKeySources());
      }
      if (publisher.privateKeys().isEmpty()) {
        publisher = publisher.withPrivateKeys(List.of(validator.privateKeys().getFirst()));
      }
      if (storage.dataDirectory().isEmpty()) {
        throw v.problem(
            StorageOptions.DATA_DIRECTORY,
            "required for --sequencer: slashing protection records every signature there and must"
                + " survive restarts");
      }
    }
    if (roles.runsNode() && p2p.enabled()) {
      if (p2p.port() == rpc.port()) {
        throw v.problem(P2pOptions.P2P_PORT, portClash(p2p.port(), v, NodeApiOptions.PORT));
      }
      if (p2p.port() == rpc.adminPort()) {
        throw v.problem(P2pOptions.P2P_PORT, portClash(p2p.port(), v, NodeApiOptions.ADMIN_PORT));
      }
    }
    try {
      return new StartConfig(
          roles, network, l1, rpc, storage, p2p, validator, sequencer, publisher, archiver, genesis,
          logging);
    } catch (IllegalArgumentException e) {
      // Every rule above should have caught this first; still an operator error, not a crash.
      throw new UserConfigException("invalid configuration: " + e.getMessage());
    }
  }

  private static void checkRoles(OptionValues v, Roles roles, NetworkName network) {
    if (!roles.any()) {
      throw new UserConfigException(
          "nothing to start: give a role (--node, --archiver, --sequencer or --local-network)");
    }
    if (roles.sequencer() && !roles.runsNode()) {
      throw v.problem(RoleOptions.SEQUENCER, "needs --node (the sequencer runs inside a node)");
    }
    if (roles.localNetwork() && network != NetworkName.LOCAL) {
      throw v.problem(
          NetworkOptions.NETWORK,
          "'"
              + network.id()
              + "' conflicts with --local-network, which always runs network 'local'");
    }
  }

  private static String roleFlags(Roles roles) {
    return roles.node() && roles.archiver()
        ? "--node and --archiver"
        : roles.node() ? "--node" : "--archiver";
  }

  private static String portClash(int port, OptionValues v, OptionDef<Integer> other) {
    return "'" + port + "' is also the port of " + v.label(other) + "; P2P needs a port of its own";
  }

  private String unsupportedKeySources() {
    boolean keyStore = env.containsKey("KEY_STORE_DIRECTORY");
    boolean remote = env.containsKey("WEB3_SIGNER_URL") || env.containsKey("VALIDATOR_ADDRESSES");
    if (keyStore || remote) {
      return " (KEY_STORE_DIRECTORY, WEB3_SIGNER_URL and VALIDATOR_ADDRESSES are not supported by"
          + " quetzal yet)";
    }
    return "";
  }
}
