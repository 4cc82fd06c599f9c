package io.quetzal.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Aztec's log levels ({@code @aztec/foundation/log/log-levels.ts}), quietest first. */
public enum LogLevel {
  SILENT,
  FATAL,
  ERROR,
  WARN,
  INFO,
  VERBOSE,
  DEBUG,
  TRACE;

  /** The official spelling, e.g. {@code verbose}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LogLevel> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.id().equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}
