package io.quetzal.cli.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the command line that reproduces a config: the inverse of the options' {@code toConfig}.
 * Values are written as {@code --name=value} so that empty values and values starting with {@code
 * -} survive. Used by round-trip tests and by tools that print the flags of a config; it reveals
 * secrets only where a caller passes them in explicitly.
 */
public final class ArgsWriter {
  private final List<String> args = new ArrayList<>();

  /** Adds the switch when {@code on}. */
  public ArgsWriter toggle(OptionDef<Boolean> def, boolean on) {
    if (on) {
      args.add(def.primaryName());
    }
    return this;
  }

  public ArgsWriter bool(OptionDef<Boolean> def, boolean value) {
    return value(def, value);
  }

  public ArgsWriter value(OptionDef<?> def, Object value) {
    args.add(def.primaryName() + "=" + value);
    return this;
  }

  public <V> ArgsWriter optional(OptionDef<?> def, Optional<V> value) {
    value.ifPresent(v -> value(def, v));
    return this;
  }

  public ArgsWriter optional(OptionDef<?> def, OptionalInt value) {
    value.ifPresent(v -> value(def, v));
    return this;
  }

  public ArgsWriter optional(OptionDef<?> def, OptionalLong value) {
    value.ifPresent(v -> value(def, v));
    return this;
  }

  /** A comma-separated list; an empty list is written as an empty value. */
  public <V> ArgsWriter list(OptionDef<?> def, List<V> values, Function<V, String> render) {
    return value(def, values.stream().map(render).collect(Collectors.joining(",")));
  }

  public List<String> args() {
    return List.copyOf(args);
  }
}
