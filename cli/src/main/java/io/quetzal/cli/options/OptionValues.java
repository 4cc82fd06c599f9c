package io.quetzal.cli.options;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw value and origin of every option after resolution, with typed access. Conversion errors
 * become {@link UserConfigException}s naming the option as the operator set it: the flag spelling
 * they typed, or the environment variable that supplied the value.
 *
 * <p>Not thread-safe; used by one command invocation.
 */
public final class OptionValues {
  /** A raw value and where it came from; {@code raw} is null when unset. */
  public record Resolved(String raw, Origin origin) {}

  private final Map<OptionDef<?>, Resolved> values;
  private final Map<OptionDef<?>, Object> converted = new HashMap<>();

  public OptionValues(Map<OptionDef<?>, Resolved> values) {
    this.values = Map.copyOf(values);
  }

  public Origin origin(OptionDef<?> def) {
    return resolved(def).origin();
  }

  /** The raw text, if any. Do not print it for secret options. */
  public Optional<String> raw(OptionDef<?> def) {
    return Optional.ofNullable(resolved(def).raw());
  }

  /** The value of an option that has one (set, preset or defaulted). */
  public <T> T get(OptionDef<T> def) {
    return find(def)
        .orElseThrow(() -> new IllegalStateException(def.primaryName() + " has no value"));
  }

  /** The value, or empty when the option is unset. */
  public <T> Optional<T> find(OptionDef<T> def) {
    Resolved r = resolved(def);
    if (r.raw() == null) {
      return Optional.empty();
    }
    if (converted.containsKey(def)) {
      @SuppressWarnings("unchecked")
      T cached = (T) converted.get(def);
      return Optional.of(cached);
    }
    T value;
    try {
      value = def.converter().convert(r.raw());
    } catch (InvalidValueException e) {
      throw problem(def, e.getMessage());
    } catch (RuntimeException e) {
      // A converter bug must not turn into a message that quotes a secret.
      if (def.secret()) {
        throw problem(def, "is not valid");
      }
      throw e;
    }
    converted.put(def, value);
    return Optional.of(value);
  }

  /** A role switch or boolean: false when unset. */
  public boolean isOn(OptionDef<Boolean> def) {
    return find(def).orElse(false);
  }

  /** {@code --p2p-port (P2P_PORT)}, using the spelling or variable that supplied the value. */
  public String label(OptionDef<?> def) {
    Origin origin = origin(def);
    String flag = origin.kind() == Origin.Kind.FLAG ? origin.name() : def.primaryName();
    String env =
        origin.kind() == Origin.Kind.ENV
            ? origin.name()
            : def.envVars().isEmpty() ? null : def.envVars().getFirst();
    return env == null ? flag : flag + " (" + env + ")";
  }

  /** An error about {@code def}: {@code <label>: <problem>}. */
  public UserConfigException problem(OptionDef<?> def, String problem) {
    String suffix =
        origin(def).kind() == Origin.Kind.PRESET
            ? " (value from the " + origin(def).name() + " network preset)"
            : "";
    return new UserConfigException(label(def) + ": " + problem + suffix);
  }

  private Resolved resolved(OptionDef<?> def) {
    return Objects.requireNonNull(values.get(def), () -> "not in the option table: " + def);
  }
}
