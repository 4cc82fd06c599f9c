package io.quetzal.cli.config;

import java.util.Objects;

/**
 * Everything {@code quetzal start} resolved: the roles to run and one validated record per area.
 * This is what a {@code NodeLauncher} receives.
 *
 * <p>Besides what each record checks on its own, the compact constructor enforces the rules that
 * span areas: some role is selected, a sequencer runs inside a node, a standalone sequencer has
 * attester keys and a publisher key, and a local network is on the {@code local} network. The start
 * command checks all of these first, with messages naming the options; the checks here keep
 * programmatic construction honest. Secrets inside print as {@code <redacted>}.
 */
public record StartConfig(
    Roles roles,
    NetworkName network,
    L1Config l1,
    NodeRpcConfig rpc,
    StorageConfig storage,
    P2pConfig p2p,
    ValidatorConfig validator,
    SequencerConfig sequencer,
    PublisherConfig publisher,
    ArchiverConfig archiver,
    GenesisConfig genesis,
    LoggingConfig logging) {

  public StartConfig {
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(p2p, "p2p");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(archiver, "archiver");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(logging, "logging");
    if (!roles.any()) {
      throw new IllegalArgumentException("no role selected");
    }
    if (roles.sequencer() && !roles.runsNode()) {
      throw new IllegalArgumentException("the sequencer runs inside a node");
    }
    if (roles.localNetwork() && network != NetworkName.LOCAL) {
      throw new IllegalArgumentException("a local network runs on the 'local' network");
    }
    if (roles.sequencer() && !roles.localNetwork()) {
      if (validator.privateKeys().isEmpty()) {
        throw new IllegalArgumentException("the sequencer needs at least one validator key");
      }
      if (publisher.privateKeys().isEmpty()) {
        throw new IllegalArgumentException("the sequencer needs at least one publisher key");
      }
    }
  }
}
