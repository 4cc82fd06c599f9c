package io.quetzal.cli.options;

/**
 * Where an option's raw value came from. Precedence, highest first: flag, environment, network
 * preset, built-in default.
 *
 * @param kind the source
 * @param name the flag spelling or environment variable used, or the network of the preset; empty
 *     for defaults and unset options
 */
public record Origin(Kind kind, String name) {
  /** The sources, in precedence order. */
  public enum Kind {
    FLAG,
    ENV,
    PRESET,
    DEFAULT,
    UNSET
  }

  public static final Origin DEFAULT = new Origin(Kind.DEFAULT, "");
  public static final Origin UNSET = new Origin(Kind.UNSET, "");

  public static Origin flag(String spelling) {
    return new Origin(Kind.FLAG, spelling);
  }

  public static Origin env(String variable) {
    return new Origin(Kind.ENV, variable);
  }

  public static Origin preset(String network) {
    return new Origin(Kind.PRESET, network);
  }

  /** True when the operator set the value, by flag or environment. */
  public boolean byOperator() {
    return kind == Kind.FLAG || kind == Kind.ENV;
  }
}
