package io.quetzal.cli.start;

import io.quetzal.cli.ExitCodes;
import io.quetzal.cli.config.StartConfig;
import java.io.PrintWriter;

/**
 * The launcher for a role combination this build does not run (the start command's validation lets
 * none through today; kept as the launchers' guard, and as the tests' launcher that starts
 * nothing): it says so and exits 3.
 */
public final class UnavailableNodeLauncher implements NodeLauncher {
  public static final String MESSAGE =
      "quetzal: this combination of roles is not available in this build (--local-network, --node,"
          + " --archiver and --sequencer are)";

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
