package io.quetzal.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.quetzal.cli.config.LogLevel;
import io.quetzal.cli.config.LoggingConfig;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link LoggingConfig} to logback.
 *
 * <p>Aztec's levels map onto logback's: {@code silent} → OFF, {@code fatal} and {@code error} →
 * ERROR (logback has no FATAL), {@code warn} → WARN, {@code info} → INFO, {@code verbose} and
 * {@code debug} → DEBUG ({@code verbose} sits between info and debug in Aztec; logback has no such
 * level, and an operator asking for more than info should get it), {@code trace} → TRACE.
 *
 * <p>A module override applies to the logger {@code io.quetzal.<module>}, with {@code :} read as a
 * package separator and {@code -} dropped ({@code world-state} → {@code io.quetzal.worldstate}), an
 * approximation of Aztec's regular-expression match on module names.
 *
 * <p>Called once at startup by the command thread; not meant for concurrent use.
 */
public final class LogLevels {
  private static final String ROOT_PACKAGE = "io.quetzal";
  private static final Set<String> OVERRIDDEN = new HashSet<>();

  private LogLevels() {}

  public static Level toLogback(LogLevel level) {
    return switch (level) {
      case SILENT -> Level.OFF;
      case FATAL, ERROR -> Level.ERROR;
      case WARN -> Level.WARN;
      case INFO -> Level.INFO;
      case VERBOSE, DEBUG -> Level.DEBUG;
      case TRACE -> Level.TRACE;
    };
  }

  /** The logger a module override applies to. */
  public static String loggerName(String module) {
    String suffix = module.toLowerCase(Locale.ROOT).replace(':', '.').replace("-", "");
    return ROOT_PACKAGE + "." + suffix;
  }

  /** Sets the root level and the module levels; does nothing if logback is not the backend. */
  public static synchronized void apply(LoggingConfig config) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    for (String name : OVERRIDDEN) {
      context.getLogger(name).setLevel(null);
    }
    OVERRIDDEN.clear();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(toLogback(config.level()));
    for (LoggingConfig.ModuleLevel override : config.overrides()) {
      String name = loggerName(override.module());
      context.getLogger(name).setLevel(toLogback(override.level()));
      OVERRIDDEN.add(name);
    }
  }
}
