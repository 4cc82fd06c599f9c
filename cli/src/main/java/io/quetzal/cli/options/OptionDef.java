package io.quetzal.cli.options;

import java.util.List;
import java.util.Objects;

/**
 * One row of the option table: everything the command line, the environment, the help text and the
 * error messages need to know about an option.
 *
 * @param key stable identifier (the config field it feeds)
 * @param area help section
 * @param names flag spellings: the Quetzal name first, then aliases (official {@code
 *     --<namespace>.<key>} spellings among them)
 * @param arity how the flag takes its value
 * @param paramLabel the placeholder shown in help, e.g. {@code <port>}; empty for switches
 * @param envVars environment variables, in fallback order (Aztec's {@code env} then {@code
 *     fallback}); empty only for role switches and Quetzal-only options
 * @param presence what an unset option means
 * @param defaultValue the default as text, when {@code presence} is {@link Presence#DEFAULTED}
 * @param unsetMeaning what an unset option means, for {@link Presence#OPTIONAL} and {@link
 *     Presence#REQUIRED}
 * @param secret never echoed, never shown with a value
 * @param converter parses the raw text
 * @param description one or two sentences for the help
 * @param <T> the parsed type
 */
public record OptionDef<T>(
    String key,
    Area area,
    List<String> names,
    Arity arity,
    String paramLabel,
    List<String> envVars,
    Presence presence,
    String defaultValue,
    String unsetMeaning,
    boolean secret,
    Converter<T> converter,
    String description) {

  /**
   * Only structural checks here. Whether each row is complete (a description, an environment
   * variable where Aztec has one, a default or a stated meaning of "unset") is checked by the
   * option-table completeness test, so that a new row without them fails there with a clear
   * message.
   */
  public OptionDef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(area, "area");
    names = List.copyOf(names);
    Objects.requireNonNull(arity, "arity");
    Objects.requireNonNull(paramLabel, "paramLabel");
    envVars = List.copyOf(envVars);
    Objects.requireNonNull(converter, "converter");
    if (names.isEmpty() || names.stream().anyMatch(n -> !n.startsWith("--"))) {
      throw new IllegalArgumentException(key + ": names must be non-empty long options");
    }
  }

  /** The Quetzal spelling, used in messages and generated arguments. */
  public String primaryName() {
    return names.getFirst();
  }

  /** {@code --p2p-port (P2P_PORT)}: the way errors name an option. */
  public String label() {
    return envVars.isEmpty() ? primaryName() : primaryName() + " (" + envVars.getFirst() + ")";
  }

  @Override
  public String toString() {
    return primaryName();
  }

  /** An option with a value. */
  public static <T> Builder<T> value(Area area, String key, Converter<T> converter) {
    return new Builder<>(area, key, Arity.VALUE, converter);
  }

  /** A boolean taking an optional value. */
  public static Builder<Boolean> bool(Area area, String key) {
    return new Builder<>(area, key, Arity.OPTIONAL_BOOLEAN, Converters.BOOLEAN);
  }

  /** A role switch. */
  public static Builder<Boolean> roleSwitch(String key) {
    Builder<Boolean> b = new Builder<>(Area.ROLES, key, Arity.SWITCH, Converters.BOOLEAN);
    b.presence = Presence.SWITCH;
    return b;
  }

  /** Fills in an {@link OptionDef}; {@link #build()} validates it. */
  public static final class Builder<T> {
    private final Area area;
    private final String key;
    private final Arity arity;
    private final Converter<T> converter;
    private List<String> names = List.of();
    private String paramLabel = "";
    private List<String> envVars = List.of();
    private Presence presence;
    private String defaultValue;
    private String unsetMeaning;
    private boolean secret;
    private String description;

    private Builder(Area area, String key, Arity arity, Converter<T> converter) {
      this.area = area;
      this.key = key;
      this.arity = arity;
      this.converter = converter;
      this.paramLabel = arity == Arity.OPTIONAL_BOOLEAN ? "[<bool>]" : "";
    }

    public Builder<T> names(String... names) {
      this.names = List.of(names);
      return this;
    }

    public Builder<T> label(String paramLabel) {
      this.paramLabel = paramLabel;
      return this;
    }

    /** Environment variables, primary first, then Aztec's fallbacks. */
    public Builder<T> env(String... envVars) {
      this.envVars = List.of(envVars);
      return this;
    }

    public Builder<T> defaultValue(Object value) {
      this.presence = Presence.DEFAULTED;
      this.defaultValue = String.valueOf(value);
      return this;
    }

    public Builder<T> optional(String unsetMeaning) {
      this.presence = Presence.OPTIONAL;
      this.unsetMeaning = unsetMeaning;
      return this;
    }

    public Builder<T> required(String when) {
      this.presence = Presence.REQUIRED;
      this.unsetMeaning = when;
      return this;
    }

    public Builder<T> secret() {
      this.secret = true;
      return this;
    }

    public Builder<T> description(String description) {
      this.description = description;
      return this;
    }

    public OptionDef<T> build() {
      return new OptionDef<>(
          key,
          area,
          names,
          arity,
          paramLabel,
          envVars,
          presence,
          defaultValue,
          unsetMeaning,
          secret,
          converter,
          description);
    }
  }
}
