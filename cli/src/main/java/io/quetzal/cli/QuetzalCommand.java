package io.quetzal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command {@code quetzal}: only help, version and the subcommands. */
@Command(
    name = "quetzal",
    mixinStandardHelpOptions = true,
    versionProvider = QuetzalCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "A Java node for the Aztec network, a drop-in for 'aztec start' (Aztec 4.1.2): the same"
          + " flags, environment variables and ports.",
      ""
    },
    footer = {"", "Run 'quetzal start --help' for the options of the node."})
public final class QuetzalCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final PrintWriter err;

  public QuetzalCommand(PrintWriter err) {
    this.err = err;
  }

  /** Without a subcommand: the usage, on stderr, as a user error. */
  @Override
  public Integer call() {
    err.println("quetzal: a command is required");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Supplies {@link VersionInfo#line()} to picocli. */
  public static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {VersionInfo.line()};
    }
  }
}
