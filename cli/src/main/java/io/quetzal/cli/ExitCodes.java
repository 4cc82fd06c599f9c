package io.quetzal.cli;

/** Process exit statuses of {@code quetzal}. */
public final class ExitCodes {
  public static final int OK = 0;

  /** A bug: unexpected exception, reported with a stack trace. */
  public static final int INTERNAL_ERROR = 1;

  /** A user error: bad option, bad value, missing requirement. One line on stderr. */
  public static final int USAGE = 2;

  /** The configuration is valid but this build cannot run the node services yet. */
  public static final int SERVICES_UNAVAILABLE = 3;

  private ExitCodes() {}
}
