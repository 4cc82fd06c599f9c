package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.quetzal.cli.config.LogLevel;
import io.quetzal.cli.config.LoggingConfig;
import io.quetzal.cli.logging.LogLevels;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void reset() {
    LogLevels.apply(LoggingConfig.defaults());
  }

  @Test
  void mapsAztecLevelsOntoLogback() {
    assertThat(LogLevels.toLogback(LogLevel.SILENT)).isEqualTo(Level.OFF);
    assertThat(LogLevels.toLogback(LogLevel.FATAL)).isEqualTo(Level.ERROR);
    assertThat(LogLevels.toLogback(LogLevel.ERROR)).isEqualTo(Level.ERROR);
    assertThat(LogLevels.toLogback(LogLevel.WARN)).isEqualTo(Level.WARN);
    assertThat(LogLevels.toLogback(LogLevel.INFO)).isEqualTo(Level.INFO);
    assertThat(LogLevels.toLogback(LogLevel.VERBOSE)).isEqualTo(Level.DEBUG);
    assertThat(LogLevels.toLogback(LogLevel.DEBUG)).isEqualTo(Level.DEBUG);
    assertThat(LogLevels.toLogback(LogLevel.TRACE)).isEqualTo(Level.TRACE);
  }

  @Test
  void parsesTheOfficialLogLevelSyntax() {
    LoggingConfig c = LoggingConfig.parse("verbose; debug:aztec:sequencer, P2P ;warn:world-state");
    assertThat(c.level()).isEqualTo(LogLevel.VERBOSE);
    assertThat(c.overrides())
        .containsExactly(
            new LoggingConfig.ModuleLevel("sequencer", LogLevel.DEBUG),
            new LoggingConfig.ModuleLevel("p2p", LogLevel.DEBUG),
            new LoggingConfig.ModuleLevel("world-state", LogLevel.WARN));
    assertThat(LoggingConfig.parse(c.toSpec())).isEqualTo(c);
    assertThat(c.toSpec()).isEqualTo("verbose;debug:sequencer,p2p;warn:world-state");
  }

  @Test
  void rejectsMalformedSpecs() {
    assertThatThrownBy(() -> LoggingConfig.parse("loud")).hasMessageContaining("'loud'");
    assertThatThrownBy(() -> LoggingConfig.parse("info;debug"))
        .hasMessageContaining("<level>:<module>");
    assertThatThrownBy(() -> LoggingConfig.parse("info;noisy:p2p")).hasMessageContaining("'noisy'");
    assertThatThrownBy(() -> LoggingConfig.parse("info;debug:p2p,"))
        .hasMessageContaining("empty module");
  }

  @Test
  void appliesTheRootLevelAndModuleOverrides() {
    LogLevels.apply(
        new LoggingConfig(
            LogLevel.WARN, List.of(new LoggingConfig.ModuleLevel("world-state", LogLevel.TRACE))));

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.quetzal.worldstate").getLevel()).isEqualTo(Level.TRACE);
    assertThat(context.getLogger("io.quetzal.worldstate.sync").getEffectiveLevel())
        .isEqualTo(Level.TRACE);

    LogLevels.apply(LoggingConfig.defaults());
    assertThat(context.getLogger("io.quetzal.worldstate").getLevel()).isNull();
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void theStartCommandAppliesLogLevelFromTheEnvironment() {
    CliHarness.Result r =
        CliHarness.run(java.util.Map.of("LOG_LEVEL", "debug"), "start", "--local-network");
    assertThat(r.log()).contains("DEBUG io.quetzal.cli.start.StartCommand - Start configuration");

    CliHarness.Result quiet =
        CliHarness.run(
            java.util.Map.of("LOG_LEVEL", "debug"),
            "start",
            "--local-network",
            "--log-level",
            "info");
    assertThat(quiet.log()).doesNotContain("Start configuration");
  }
}
