package io.quetzal.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.quetzal.cli.config.LoggingConfig;
import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.logging.LogLevels;
import io.quetzal.cli.options.OptionValues;
import io.quetzal.cli.start.StartCommand;
import io.quetzal.cli.start.UnavailableNodeLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs the real {@code quetzal} command in-process with a given environment. */
final class CliHarness {
  static final Path HOME = Path.of("/home/operator");

  /** A well-known test key (web3.js docs) and its address. */
  static final String KEY_1 = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

  static final String ADDRESS_1 = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

  /** Anvil's first and second accounts. */
  static final String KEY_2 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  static final String ADDRESS_2 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String KEY_3 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String ADDRESS_3 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  static final String REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  static final String L1_URL = "http://localhost:8545";

  /** A data directory for configurations that need one (never created by parsing). */
  static final String DATA_DIRECTORY = "/tmp/quetzal-cli-test-data";

  /** {@link #NODE_ENV} with a data directory, as {@code --sequencer} needs. */
  static final Map<String, String> SEQUENCER_ENV =
      Map.of(
          "ETHEREUM_HOSTS", L1_URL,
          "REGISTRY_CONTRACT_ADDRESS", REGISTRY,
          "VALIDATOR_PRIVATE_KEYS", KEY_1,
          "DATA_DIRECTORY", DATA_DIRECTORY);

  /** Enough environment for {@code start --node --archiver} on network local. */
  static final Map<String, String> NODE_ENV =
      Map.of(
          "ETHEREUM_HOSTS", L1_URL,
          "REGISTRY_CONTRACT_ADDRESS", REGISTRY,
          "VALIDATOR_PRIVATE_KEYS", KEY_1);

  /** What a run produced. */
  record Result(int exitCode, String out, String err, String log, StartConfig launched) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    /** Everything an operator could see: stdout, stderr and the log. */
    String everything() {
      return out + "\n" + err + "\n" + log;
    }
  }

  private CliHarness() {}

  static Result run(Map<String, String> env, String... args) {
    return runWith(UnavailableNodeLauncher::launch, env, args);
  }

  /** The part of a launcher under test: what it does with the config and the error stream. */
  interface LaunchBehaviour {
    int launch(UnavailableNodeLauncher unavailable, StartConfig config) throws Exception;
  }

  /** Runs with a launcher whose behaviour the test chooses; {@link #run} uses this build's. */
  static Result runWith(LaunchBehaviour behaviour, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicReference<StartConfig> launched = new AtomicReference<>();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    // Keep the console quiet: the captured copy is what tests look at.
    var console = root.getAppender("CONSOLE");
    if (console != null) {
      root.detachAppender(console);
    }
    int code;
    try {
      code =
          QuetzalCli.run(
              args,
              env,
              HOME,
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              errWriter ->
                  config -> {
                    launched.set(config);
                    return behaviour.launch(new UnavailableNodeLauncher(errWriter), config);
                  });
    } finally {
      root.detachAppender(appender);
      appender.stop();
      if (console != null) {
        root.addAppender(console);
      }
      LogLevels.apply(LoggingConfig.defaults());
    }
    return new Result(code, out.toString(), err.toString(), render(appender.list), launched.get());
  }

  static Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Parses {@code start <args>} and resolves the options, without validating across them. */
  static OptionValues resolve(Map<String, String> env, String... args) {
    return parse(env, args).resolveOptions();
  }

  /** Parses and validates {@code start <args>} into a config; throws UserConfigException. */
  static StartConfig config(Map<String, String> env, String... args) {
    return parse(env, args).resolveConfig();
  }

  private static StartCommand parse(Map<String, String> env, String... args) {
    CommandLine root = commandLine(env);
    List<String> all = new ArrayList<>();
    all.add("start");
    all.addAll(List.of(args));
    root.parseArgs(all.toArray(String[]::new));
    return root.getSubcommands().get("start").getCommand();
  }

  static StartConfig config(Map<String, String> env, List<String> args) {
    return config(env, args.toArray(String[]::new));
  }

  private static CommandLine commandLine(Map<String, String> env) {
    StringWriter sink = new StringWriter();
    return QuetzalCli.create(
        env,
        HOME,
        new PrintWriter(sink),
        new PrintWriter(sink),
        config -> ExitCodes.SERVICES_UNAVAILABLE);
  }

  private static String render(List<ILoggingEvent> events) {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent e : events) {
      text.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ");
      text.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        text.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    return text.toString();
  }
}
