package io.quetzal.cli.config;

/**
 * Small hex checks shared by the value types. Messages describe the input's shape (length, which
 * position is wrong) and never contain the input itself, which may be a secret.
 */
final class HexStrings {
  private HexStrings() {}

  /** {@code s} without a leading {@code 0x}/{@code 0X}. */
  static String stripPrefix(String s) {
    return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
        ? s.substring(2)
        : s;
  }

  /**
   * Checks that {@code digits} (no prefix) is exactly {@code expected} hex digits.
   *
   * @throws IllegalArgumentException saying what is wrong, without quoting {@code digits}
   */
  static void requireHexDigits(String digits, int expected, String what) {
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(
            "expected "
                + what
                + " ("
                + expected
                + " hex digits), found a non-hex character at"
                + " position "
                + (i + 1));
      }
    }
    if (digits.length() != expected) {
      throw new IllegalArgumentException(
          "expected "
              + what
              + " ("
              + expected
              + " hex digits), got "
              + digits.length()
              + " digits");
    }
  }
}
