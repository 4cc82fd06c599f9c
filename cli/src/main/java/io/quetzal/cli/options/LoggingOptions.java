package io.quetzal.cli.options;

import io.quetzal.cli.config.LoggingConfig;
import java.util.List;

/** Log verbosity: {@link LoggingConfig}. */
public final class LoggingOptions {
  public static final OptionDef<LoggingConfig> LOG_LEVEL =
      OptionDef.value(Area.LOGGING, "logLevel", Converters.LOG_LEVEL)
          .names("--log-level")
          .label("<level>[;<level>:<module>,...]")
          .env("LOG_LEVEL")
          .defaultValue(LoggingConfig.DEFAULT_LEVEL.id())
          .description(
              "silent, fatal, error, warn, info, verbose, debug or trace, optionally followed by"
                  + " per-module levels as in Aztec, e.g. 'info;debug:sequencer,p2p'. (Quetzal"
                  + " flag; Aztec reads only the variable.)")
          .build();

  private LoggingOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(LOG_LEVEL);
  }

  public static LoggingConfig toConfig(OptionValues v) {
    return v.get(LOG_LEVEL);
  }

  public static void toArgs(LoggingConfig c, ArgsWriter w) {
    w.value(LOG_LEVEL, c.toSpec());
  }
}
