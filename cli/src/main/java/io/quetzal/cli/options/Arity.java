package io.quetzal.cli.options;

/** How an option takes its value on the command line. */
public enum Arity {
  /** A switch without value, such as {@code --node}. */
  SWITCH,
  /** A boolean with an optional value: {@code --p2p-enabled}, {@code --p2p-enabled=false}. */
  OPTIONAL_BOOLEAN,
  /** Exactly one value: {@code --p2p-port 40400} or {@code --p2p-port=40400}. */
  VALUE
}
