package io.quetzal.cli;

import io.quetzal.cli.start.FollowerLauncher;
import io.quetzal.cli.start.NodeLauncher;
import io.quetzal.cli.start.StartCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Assembles the {@code quetzal} command line. Everything from the process (arguments, environment,
 * home directory, output streams, the node launcher) is passed in, so tests run the real command
 * in-process.
 */
public final class QuetzalCli {
  private QuetzalCli() {}

  /**
   * Runs {@code quetzal} with the given arguments.
   *
   * @param launcher creates the node launcher, given the error stream
   * @return the exit status (see {@link ExitCodes})
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      Path home,
      PrintWriter out,
      PrintWriter err,
      Function<PrintWriter, NodeLauncher> launcher) {
    return create(env, home, out, err, launcher.apply(err)).execute(args);
  }

  /**
   * Runs with the launcher of this build: {@code --local-network} runs the local network, {@code
   * --node}/{@code --archiver} follow a network from L1, the sequencer reports it is missing.
   */
  public static int run(
      String[] args, Map<String, String> env, Path home, PrintWriter out, PrintWriter err) {
    return run(args, env, home, out, err, e -> new FollowerLauncher(env, e));
  }

  /** The configured command line, ready to {@code execute}. */
  public static CommandLine create(
      Map<String, String> env, Path home, PrintWriter out, PrintWriter err, NodeLauncher launcher) {
    // Picocli's tracer would print option values (keys included) if enabled by -Dpicocli.trace.
    CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
    String version = VersionInfo.line();
    StartCommand start = new StartCommand(env, home, out, version, launcher);
    CommandLine root = new CommandLine(new QuetzalCommand(err));
    root.addSubcommand("start", new CommandLine(start.spec()));
    CommandLineErrors errors = new CommandLineErrors(err);
    return root.setOut(out)
        .setErr(err)
        // Repeated flags: the last one wins, as with the official CLI (commander).
        .setOverwrittenOptionsAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }
}
