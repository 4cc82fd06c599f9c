package io.quetzal.cli.options;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies picocli with the value of every option not given on the command line: its environment
 * variable (the first non-empty one in {@link OptionDef#envVars()} order), else its table default.
 * That yields flag > environment > default; network presets are applied afterwards, to options
 * still on their default (see {@link OptionResolver}).
 *
 * <p>An empty variable counts as unset, as in most operator tooling ({@code FOO=} in a compose
 * file). The environment is injected, never read from the process here.
 */
public final class EnvironmentDefaultProvider implements IDefaultValueProvider {
  /** A value from the environment and the variable that supplied it. */
  public record EnvValue(String variable, String value) {}

  private final Map<String, String> env;

  public EnvironmentDefaultProvider(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    return OptionTable.byName(option.longestName())
        .filter(def -> def.arity() != Arity.SWITCH)
        .map(def -> fromEnvironment(def).map(EnvValue::value).orElse(def.defaultValue()))
        .orElse(null);
  }

  /** The environment's value for {@code def}, honouring the fallback order. */
  public Optional<EnvValue> fromEnvironment(OptionDef<?> def) {
    for (String variable : def.envVars()) {
      String value = env.get(variable);
      if (value != null && !value.isEmpty()) {
        return Optional.of(new EnvValue(variable, value));
      }
    }
    return Optional.empty();
  }
}
