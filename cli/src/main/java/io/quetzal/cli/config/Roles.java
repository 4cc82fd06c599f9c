package io.quetzal.cli.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code start} runs. A local network stands for node, archiver and sequencer together (as
 * {@code aztec start --local-network} does); the sequencer always runs inside a node.
 */
public record Roles(boolean node, boolean archiver, boolean sequencer, boolean localNetwork) {
  public boolean any() {
    return node || archiver || sequencer || localNetwork;
  }

  /** True when a node (with its embedded archiver) runs. */
  public boolean runsNode() {
    return node || localNetwork;
  }

  /** True when blocks are proposed and attested. */
  public boolean runsSequencer() {
    return sequencer || localNetwork;
  }

  /** The selected roles by their flag names, for summaries. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    if (localNetwork) {
      names.add("local-network");
    }
    if (node) {
      names.add("node");
    }
    if (archiver) {
      names.add("archiver");
    }
    if (sequencer) {
      names.add("sequencer");
    }
    return List.copyOf(names);
  }
}
