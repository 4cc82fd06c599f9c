package io.quetzal.kvstore;

/**
 * Key validation shared by the implementations, so both accept and reject exactly the same keys.
 */
final class Keys {
  /** LMDB's compile-time maximum key size. */
  static final int MAX_KEY_BYTES = 511;

  private Keys() {}

  static byte[] check(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("key is null");
    }
    if (key.length == 0 || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          "key must be 1.." + MAX_KEY_BYTES + " bytes, got " + key.length);
    }
    return key;
  }

  static byte[] checkValue(byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("value is null");
    }
    return value;
  }
}
