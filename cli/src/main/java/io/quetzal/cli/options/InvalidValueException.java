package io.quetzal.cli.options;

/**
 * A value that does not parse. The message is the problem as the operator should read it after the
 * option's name, e.g. {@code '70000' is not a port number (1-65535)}; converters of secret options
 * never put the value in it.
 */
public final class InvalidValueException extends Exception {
  public InvalidValueException(String problem) {
    super(problem);
  }
}
