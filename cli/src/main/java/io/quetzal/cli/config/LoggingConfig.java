package io.quetzal.cli.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Log verbosity: a default level plus per-module overrides, written as Aztec's {@code LOG_LEVEL}:
 * {@code <level>[;<level>:<module>,<module>...]...}, e.g. {@code info;debug:sequencer,p2p}.
 *
 * <p>Later overrides win over earlier ones. Module names lose an {@code aztec:} prefix and are
 * lower-cased, as in Aztec's {@code parseLogLevelEnvVar}.
 *
 * @param level the default level
 * @param overrides per-module levels, in the order given
 */
public record LoggingConfig(LogLevel level, List<ModuleLevel> overrides) {
  public static final LogLevel DEFAULT_LEVEL = LogLevel.INFO;

  /** A level for one module (a name such as {@code sequencer} or {@code p2p:libp2p}). */
  public record ModuleLevel(String module, LogLevel level) {
    public ModuleLevel {
      Objects.requireNonNull(level, "level");
      module = module.trim().toLowerCase(Locale.ROOT).replaceFirst("^aztec:", "");
      if (module.isBlank() || module.chars().anyMatch(c -> c == ';' || c == ',' || c == ' ')) {
        throw new IllegalArgumentException(
            "module names are non-empty, without ';', ',' or spaces");
      }
    }
  }

  public LoggingConfig {
    Objects.requireNonNull(level, "level");
    overrides = List.copyOf(overrides);
  }

  public static LoggingConfig defaults() {
    return new LoggingConfig(DEFAULT_LEVEL, List.of());
  }

  /**
   * Parses the {@code LOG_LEVEL} syntax.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  public static LoggingConfig parse(String spec) {
    List<String> statements = Arrays.asList(spec.trim().split(";", -1));
    LogLevel level = levelOf(statements.getFirst(), "the default level");
    List<ModuleLevel> overrides = new ArrayList<>();
    for (String statement : statements.subList(1, statements.size())) {
      int colon = statement.indexOf(':');
      if (colon <= 0 || colon == statement.length() - 1) {
        throw new IllegalArgumentException(
            "'" + statement.trim() + "' is not of the form <level>:<module>[,<module>...]");
      }
      LogLevel moduleLevel = levelOf(statement.substring(0, colon), "a module level");
      for (String module : statement.substring(colon + 1).split(",", -1)) {
        if (module.isBlank()) {
          throw new IllegalArgumentException("'" + statement.trim() + "' has an empty module name");
        }
        overrides.add(new ModuleLevel(module, moduleLevel));
      }
    }
    return new LoggingConfig(level, overrides);
  }

  /** The {@code LOG_LEVEL} spelling; {@code parse(toSpec())} equals this config. */
  public String toSpec() {
    StringBuilder spec = new StringBuilder(level.id());
    // Consecutive overrides with the same level are written as one statement.
    int i = 0;
    while (i < overrides.size()) {
      LogLevel current = overrides.get(i).level();
      int j = i;
      while (j < overrides.size() && overrides.get(j).level() == current) {
        j++;
      }
      spec.append(';')
          .append(current.id())
          .append(':')
          .append(
              overrides.subList(i, j).stream()
                  .map(ModuleLevel::module)
                  .collect(Collectors.joining(",")));
      i = j;
    }
    return spec.toString();
  }

  private static LogLevel levelOf(String text, String what) {
    return LogLevel.parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what
                        + " '"
                        + text.trim()
                        + "' is not one of "
                        + Arrays.stream(LogLevel.values())
                            .map(LogLevel::id)
                            .collect(Collectors.joining(", "))));
  }
}
