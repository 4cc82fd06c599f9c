package io.quetzal.cli.options;

/**
 * A configuration the operator has to fix: reported as one line on stderr, exit status 2, no stack
 * trace. The message names the option (flag and environment variable) and never contains a secret.
 */
public final class UserConfigException extends RuntimeException {
  public UserConfigException(String message) {
    super(message, null, false, false);
  }
}
