package io.quetzal.cli.options;

import io.quetzal.cli.config.NetworkName;
import io.quetzal.cli.config.NetworkPreset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Works out the raw value and origin of every option after picocli has parsed the command line:
 *
 * <ol>
 *   <li>a flag on the command line wins;
 *   <li>else the environment, through {@link EnvironmentDefaultProvider};
 *   <li>else the network preset of {@code --network}, if it has a value for one of the option's
 *       variables (Aztec injects presets as environment variables "when unset");
 *   <li>else the built-in default, or unset.
 * </ol>
 */
public final class OptionResolver {
  private OptionResolver() {}

  /**
   * Resolves all options of {@link OptionTable#ALL}.
   *
   * @param home the directory under which {@code .aztec/<network>/data} lives
   * @throws UserConfigException when {@code --network} names no known network
   */
  public static OptionValues resolve(
      CommandSpec spec, ParseResult parsed, EnvironmentDefaultProvider env, Path home) {
    Map<OptionDef<?>, OptionValues.Resolved> values = new HashMap<>();
    for (OptionDef<?> def : OptionTable.ALL) {
      OptionSpec option = spec.findOption(def.primaryName());
      if (option == null) {
        throw new IllegalStateException("option missing from the command: " + def);
      }
      values.put(def, fromParse(def, option, parsed, env));
    }
    OptionValues withoutPreset = new OptionValues(values);
    NetworkName network = withoutPreset.get(NetworkOptions.NETWORK);
    Map<String, String> preset = NetworkPreset.of(network).environmentDefaults(home);
    for (OptionDef<?> def : OptionTable.ALL) {
      Origin.Kind kind = values.get(def).origin().kind();
      if (kind == Origin.Kind.DEFAULT || kind == Origin.Kind.UNSET) {
        presetValue(def, preset)
            .ifPresent(
                v -> values.put(def, new OptionValues.Resolved(v, Origin.preset(network.id()))));
      }
    }
    return new OptionValues(values);
  }

  private static OptionValues.Resolved fromParse(
      OptionDef<?> def, OptionSpec option, ParseResult parsed, EnvironmentDefaultProvider env) {
    Object value = option.getValue();
    String raw = value == null ? null : value.toString();
    if (parsed.hasMatchedOption(option)) {
      if (def.arity() == Arity.SWITCH && !Boolean.TRUE.equals(value)) {
        return new OptionValues.Resolved(null, Origin.UNSET);
      }
      return new OptionValues.Resolved(raw, Origin.flag(spelling(def, parsed.originalArgs())));
    }
    if (def.arity() == Arity.SWITCH) {
      return new OptionValues.Resolved(null, Origin.UNSET);
    }
    Optional<EnvironmentDefaultProvider.EnvValue> fromEnv = env.fromEnvironment(def);
    if (fromEnv.isPresent()) {
      return new OptionValues.Resolved(raw, Origin.env(fromEnv.get().variable()));
    }
    return raw == null
        ? new OptionValues.Resolved(null, Origin.UNSET)
        : new OptionValues.Resolved(raw, Origin.DEFAULT);
  }

  /** The spelling the operator used last (the last occurrence wins, as in picocli and Aztec). */
  private static String spelling(OptionDef<?> def, List<String> args) {
    for (int i = args.size() - 1; i >= 0; i--) {
      String arg = args.get(i);
      for (String name : def.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return name;
        }
      }
    }
    return def.primaryName();
  }

  private static Optional<String> presetValue(OptionDef<?> def, Map<String, String> preset) {
    return def.envVars().stream().filter(preset::containsKey).map(preset::get).findFirst();
  }
}
