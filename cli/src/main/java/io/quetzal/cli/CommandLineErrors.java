package io.quetzal.cli;

import io.quetzal.cli.options.OptionDef;
import io.quetzal.cli.options.OptionTable;
import io.quetzal.cli.options.UserConfigException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into what the operator sees.
 *
 * <ul>
 *   <li>Command-line and configuration errors: {@code quetzal: <problem>} and a hint line on
 *       stderr, exit 2, no stack trace. Messages are written here, not taken from picocli, because
 *       picocli's quote argument values, and an argument may be a private key.
 *   <li>Bugs: a one-line notice on stderr, the stack trace in the log, exit 1.
 * </ul>
 */
final class CommandLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandLineErrors.class);

  /** Official option namespaces of roles Quetzal does not implement. */
  private static final List<String> UNSUPPORTED_NAMESPACES =
      List.of(
          "--proverNode.",
          "--proverBroker.",
          "--proverAgent.",
          "--p2pBootstrap.",
          "--bot.",
          "--pxe.",
          "--tel.",
          "--local-network.");

  /** Official option namespaces of which some options are implemented. */
  private static final List<String> IMPLEMENTED_NAMESPACES =
      List.of("--sequencer.", "--p2p.", "--archiver.");

  /** Long hex runs in free text are treated as possible key material. */
  private static final Pattern HEX_RUN = Pattern.compile("(0x)?[0-9a-fA-F]{16,}");

  private final PrintWriter err;

  CommandLineErrors(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    return report(describe(ex, args), ex.getCommandLine());
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    if (ex instanceof UserConfigException user) {
      return report(user.getMessage(), cmd);
    }
    LOG.error("Internal error", ex);
    err.println(
        "quetzal: internal error ("
            + ex.getClass().getName()
            + "); this is a bug, the stack trace is in the log");
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  private int report(String message, CommandLine cmd) {
    err.println("quetzal: " + message);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String describe(ParameterException ex, String[] args) {
    boolean atRoot = ex.getCommandLine().getCommandSpec().parent() == null;
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return describeUnmatched(unmatched, atRoot);
    }
    if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      ArgSpec first = missing.getMissing().getFirst();
      if (first instanceof OptionSpec option) {
        return label(option.longestName()) + ": needs a value";
      }
    }
    return redact(String.valueOf(ex.getMessage()), args);
  }

  private static String describeUnmatched(UnmatchedArgumentException ex, boolean atRoot) {
    String token = ex.getUnmatched().getFirst();
    if (!token.startsWith("-")) {
      if (atRoot) {
        return "unknown command " + safeEcho(token);
      }
      return "unexpected argument: 'start' takes only --options (a list separated by spaces"
          + " instead of commas, or a value without its option?)";
    }
    String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
    if (OptionTable.UNSUPPORTED_OFFICIAL_OPTIONS.contains(name)
        || UNSUPPORTED_NAMESPACES.stream().anyMatch(name::startsWith)) {
      return safeEcho(name) + " is an 'aztec start' option that quetzal does not support";
    }
    Optional<String> closest = atRoot ? Optional.empty() : closestName(name);
    if (closest.isPresent()) {
      return "unknown option " + safeEcho(name) + " (did you mean " + closest.get() + "?)";
    }
    Optional<String> namespace =
        IMPLEMENTED_NAMESPACES.stream().filter(name::startsWith).findFirst();
    if (namespace.isPresent()) {
      return "unknown option "
          + safeEcho(name)
          + " (quetzal accepts the official "
          + namespace.get()
          + "* options listed in --help, not all of them)";
    }
    return "unknown option " + safeEcho(name);
  }

  /**
   * The known spelling closest to a mistyped one, if it is close: an edit distance of at most a
   * quarter of its length (1 to 3).
   */
  static Optional<String> closestName(String typed) {
    String best = null;
    int bestDistance = Math.min(3, Math.max(1, typed.length() / 4)) + 1;
    for (OptionDef<?> def : OptionTable.ALL) {
      for (String name : def.names()) {
        int d = editDistance(typed, name);
        if (d < bestDistance) {
          best = name;
          bestDistance = d;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String label(String optionName) {
    return OptionTable.byName(optionName).map(OptionDef::label).orElse(optionName);
  }

  /** Quotes text from the command line unless it looks like key material. */
  private static String safeEcho(String token) {
    String clean = token.replaceAll("\\p{Cntrl}", "?");
    if (HEX_RUN.matcher(clean).find()) {
      return "(an argument that looks like hex key material, not shown)";
    }
    return "'" + (clean.length() > 80 ? clean.substring(0, 80) + "…" : clean) + "'";
  }

  /**
   * Removes every value given to a secret option, and long hex runs, from a message that may quote
   * arguments.
   */
  static String redact(String message, String[] args) {
    String result = message;
    for (String secret : secretValues(args)) {
      result = result.replace(secret, "<redacted>");
      for (String part : secret.split(",")) {
        if (part.trim().length() >= 8) {
          result = result.replace(part.trim(), "<redacted>");
        }
      }
    }
    return HEX_RUN.matcher(result).replaceAll("<redacted>");
  }

  private static List<String> secretValues(String[] args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq >= 0 ? arg.substring(0, eq) : arg;
      Optional<OptionDef<?>> def = OptionTable.byName(name);
      if (def.isPresent() && def.get().secret()) {
        if (eq >= 0) {
          values.add(arg.substring(eq + 1));
        } else if (i + 1 < args.length) {
          values.add(args[i + 1]);
        }
      }
    }
    values.removeIf(String::isEmpty);
    return values;
  }
}
