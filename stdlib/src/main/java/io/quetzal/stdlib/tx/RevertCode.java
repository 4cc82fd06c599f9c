package io.quetzal.stdlib.tx;

/** How a tx's public phases ended. Buffer: one byte; JSON and blob marker: the number. */
public enum RevertCode {
  /** All phases completed. */
  OK(0),
  /** App logic reverted (teardown, if any, succeeded). */
  APP_LOGIC_REVERTED(1),
  /** Teardown reverted. */
  TEARDOWN_REVERTED(2),
  /** Both app logic and teardown reverted. */
  BOTH_REVERTED(3);

  private final int code;

  RevertCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The code's value; anything but 0-3 throws {@link IllegalArgumentException}. */
  public static RevertCode fromCode(long code) {
    if (code < 0 || code > 3) {
      throw new IllegalArgumentException("Invalid RevertCode: " + code);
    }
    return values()[(int) code];
  }
}
