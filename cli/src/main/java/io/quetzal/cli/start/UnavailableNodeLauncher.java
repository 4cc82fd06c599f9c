package io.quetzal.cli.start;

import io.quetzal.cli.ExitCodes;
import io.quetzal.cli.config.StartConfig;
import java.io.PrintWriter;

/**
 * The launcher for role combinations not built yet ({@code --sequencer} outside the local network):
 * it says so and exits 3.
 */
public final class UnavailableNodeLauncher implements NodeLauncher {
  public static final String MESSAGE =
      "quetzal: the sequencer role is not available in this build yet (--local-network, --node and"
          + " --archiver are)";

  private final PrintWriter err;

  public UnavailableNodeLauncher(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int launch(StartConfig config) {
    err.println(MESSAGE);
    err.flush();
    return ExitCodes.SERVICES_UNAVAILABLE;
  }
}
