package io.quetzal.cli.start;

import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.logging.LogLevels;
import io.quetzal.cli.options.Arity;
import io.quetzal.cli.options.EnvironmentDefaultProvider;
import io.quetzal.cli.options.OptionDef;
import io.quetzal.cli.options.OptionResolver;
import io.quetzal.cli.options.OptionTable;
import io.quetzal.cli.options.OptionValues;
import io.quetzal.cli.options.StartConfigFactory;
import io.quetzal.cli.options.StartHelp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code quetzal start}: resolves and validates every option into a {@link StartConfig}, applies
 * the log level, prints a redacted summary and hands the config to the {@link NodeLauncher}.
 *
 * <p>The picocli model is built from {@link OptionTable} rather than annotations, so the table is
 * the only place an option is declared. One instance per invocation.
 */
public final class StartCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

  private final Map<String, String> env;
  private final Path home;
  private final PrintWriter out;
  private final String version;
  private final NodeLauncher launcher;
  private final EnvironmentDefaultProvider defaults;
  private final CommandSpec spec;

  /**
   * @param env the process environment (injected; tests pass their own)
   * @param home the user's home directory, used when {@code HOME} is not in {@code env}
   */
  public StartCommand(
      Map<String, String> env, Path home, PrintWriter out, String version, NodeLauncher launcher) {
    this.env = Map.copyOf(env);
    this.home = this.env.containsKey("HOME") ? Path.of(this.env.get("HOME")) : home;
    this.out = out;
    this.version = version;
    this.launcher = launcher;
    this.defaults = new EnvironmentDefaultProvider(this.env);
    this.spec = buildSpec();
  }

  /** The picocli model of this command. */
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws Exception {
    StartConfig config = resolveConfig();
    LogLevels.apply(config.logging());
    LOG.debug("Start configuration: {}", config);
    out.print(ConfigSummary.render(config, version));
    out.flush();
    return launcher.launch(config);
  }

  /** The options of the parsed command line with their origins, presets applied. */
  public OptionValues resolveOptions() {
    return OptionResolver.resolve(spec, spec.commandLine().getParseResult(), defaults, home);
  }

  /**
   * Resolves and validates the parsed command line into a config.
   *
   * @throws io.quetzal.cli.options.UserConfigException on bad input
   */
  public StartConfig resolveConfig() {
    return new StartConfigFactory(env).create(resolveOptions());
  }

  private CommandSpec buildSpec() {
    CommandSpec s = CommandSpec.wrapWithoutInspection(this);
    s.name("start");
    s.usageMessage().description("Starts an Aztec node (see --help).");
    for (OptionDef<?> def : OptionTable.ALL) {
      s.addOption(optionSpec(def));
    }
    s.addOption(
        OptionSpec.builder("-h", "--help").usageHelp(true).description("Show help.").build());
    s.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print the version.")
            .build());
    s.defaultValueProvider(defaults);
    s.versionProvider(() -> new String[] {version});
    s.usageMessage().sectionKeys(List.of("quetzal.start"));
    s.usageMessage().sectionMap(Map.of("quetzal.start", help -> StartHelp.render(version)));
    return s;
  }

  private static OptionSpec optionSpec(OptionDef<?> def) {
    OptionSpec.Builder b =
        OptionSpec.builder(def.names().toArray(String[]::new))
            .description(def.description() == null ? "" : def.description())
            .paramLabel(def.paramLabel().isEmpty() ? "<value>" : def.paramLabel());
    if (def.arity() == Arity.SWITCH) {
      b.arity("0").type(boolean.class);
    } else if (def.arity() == Arity.OPTIONAL_BOOLEAN) {
      b.arity("0..1").type(String.class).fallbackValue("true");
    } else {
      b.arity("1").type(String.class);
    }
    return b.build();
  }
}
