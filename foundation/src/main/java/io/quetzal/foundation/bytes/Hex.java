package io.quetzal.foundation.bytes;

import java.util.Arrays;

/**
 * Hex encoding as the Aztec and Ethereum wire formats use it: lower-case, {@code 0x}-prefixed.
 *
 * <p>Decoding accepts upper- or lower-case digits, with or without the prefix, and rejects odd
 * lengths and non-hex characters with an {@link IllegalArgumentException} that says what was wrong
 * (never echoing more than a short prefix of the input, which may be a secret).
 *
 * <p>Stateless and thread-safe.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      VALUES['a' + i] = (byte) (10 + i);
      VALUES['A' + i] = (byte) (10 + i);
    }
  }

  private Hex() {}

  /** {@code 0x} followed by two lower-case digits per byte. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** {@code 0x} followed by two lower-case digits per byte of {@code bytes[offset, offset+len)}. */
  public static String encode(byte[] bytes, int offset, int len) {
    char[] out = new char[2 + 2 * len];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < len; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0xf];
    }
    return new String(out);
  }

  /** Two lower-case digits per byte, without a prefix. */
  public static String encodeNoPrefix(byte[] bytes) {
    return encode(bytes).substring(2);
  }

  /** True when {@code s} has a {@code 0x} or {@code 0X} prefix. */
  public static boolean hasPrefix(CharSequence s) {
    return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
  }

  /** Decodes hex digits with an optional {@code 0x} prefix. */
  public static byte[] decode(CharSequence s) {
    int start = hasPrefix(s) ? 2 : 0;
    int digits = s.length() - start;
    if ((digits & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits (" + digits + ")");
    }
    byte[] out = new byte[digits / 2];
    if (s instanceof String str && digits >= 64) {
      // Long strings (blobs are 262,144 digits): one bulk copy of the Latin-1 bytes, then a
      // table lookup per digit, instead of a charAt call per digit.
      byte[] ascii = str.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      for (int i = 0, j = start; i < out.length; i++, j += 2) {
        int hi = VALUES[ascii[j] & 0x7f];
        int lo = VALUES[ascii[j + 1] & 0x7f];
        if ((hi | lo) < 0 || ascii[j] < 0 || ascii[j + 1] < 0) {
          // report the position exactly as the slow path does
          value(s, ascii[j] < 0 || hi < 0 ? j : j + 1);
        }
        out[i] = (byte) ((hi << 4) | lo);
      }
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      int hi = value(s, start + 2 * i);
      int lo = value(s, start + 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Decodes hex that must describe exactly {@code length} bytes. */
  public static byte[] decodeExact(CharSequence s, int length) {
    byte[] out = decode(s);
    if (out.length != length) {
      throw new IllegalArgumentException(
          "expected " + length + " bytes (" + (2 * length) + " hex digits), got " + out.length);
    }
    return out;
  }

  /** True when {@code s} is {@code 0x}-prefixed, even-length, all hex digits. */
  public static boolean isPrefixedHex(CharSequence s) {
    if (!hasPrefix(s) || (s.length() & 1) != 0) {
      return false;
    }
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || VALUES[c] < 0) {
        return false;
      }
    }
    return true;
  }

  private static int value(CharSequence s, int index) {
    char c = s.charAt(index);
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new IllegalArgumentException("not a hex digit at position " + index);
    }
    return v;
  }
}
