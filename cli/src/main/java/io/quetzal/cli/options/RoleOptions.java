package io.quetzal.cli.options;

import io.quetzal.cli.config.Roles;
import java.util.List;

/** The role switches: what {@code start} runs. */
public final class RoleOptions {
  public static final OptionDef<Boolean> NODE =
      OptionDef.roleSwitch("node")
          .names("--node")
          .description(
              "Run a full node: follow the rollup on L1, keep the world state, and serve the"
                  + " node JSON-RPC API. The node includes an archiver.")
          .build();

  public static final OptionDef<Boolean> ARCHIVER =
      OptionDef.roleSwitch("archiver")
          .names("--archiver")
          .description(
              "Run the archiver, which syncs checkpoints, blocks and L1-to-L2 messages from L1"
                  + " (standalone when given without --node).")
          .build();

  public static final OptionDef<Boolean> SEQUENCER =
      OptionDef.roleSwitch("sequencer")
          .names("--sequencer")
          .description(
              "Build and propose blocks when selected, and attest to other proposals. Needs"
                  + " --node and at least one validator key.")
          .build();

  public static final OptionDef<Boolean> LOCAL_NETWORK =
      OptionDef.roleSwitch("localNetwork")
          .names("--local-network")
          .description(
              "Run a development network against a local L1 (anvil, by default at"
                  + " http://localhost:8545): node, archiver and sequencer on network 'local'.")
          .build();

  private RoleOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(NODE, ARCHIVER, SEQUENCER, LOCAL_NETWORK);
  }

  public static Roles toRoles(OptionValues v) {
    return new Roles(v.isOn(NODE), v.isOn(ARCHIVER), v.isOn(SEQUENCER), v.isOn(LOCAL_NETWORK));
  }

  public static void toArgs(Roles roles, ArgsWriter w) {
    w.toggle(NODE, roles.node())
        .toggle(ARCHIVER, roles.archiver())
        .toggle(SEQUENCER, roles.sequencer())
        .toggle(LOCAL_NETWORK, roles.localNetwork());
  }
}
