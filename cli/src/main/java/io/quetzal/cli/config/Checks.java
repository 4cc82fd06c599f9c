package io.quetzal.cli.config;

/** Range checks for the compact constructors; messages name the record component. */
final class Checks {
  private Checks() {}

  static int port(int value, String name) {
    if (value < 1 || value > 65_535) {
      throw new IllegalArgumentException(name + " must be a port number (1-65535), got " + value);
    }
    return value;
  }

  static long atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  static int atLeast(int value, int min, String name) {
    return (int) atLeast((long) value, min, name);
  }

  static int between(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
