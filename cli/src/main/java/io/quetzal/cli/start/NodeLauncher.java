package io.quetzal.cli.start;

import io.quetzal.cli.config.StartConfig;

/**
 * Starts the node services for a validated {@link StartConfig} and runs until they stop. The seam
 * between the CLI and the node: the CLI parses, validates and reports; a launcher builds the
 * services.
 */
@FunctionalInterface
public interface NodeLauncher {
  /**
   * Runs the node.
   *
   * @return the process exit status
   */
  int launch(StartConfig config) throws Exception;
}
