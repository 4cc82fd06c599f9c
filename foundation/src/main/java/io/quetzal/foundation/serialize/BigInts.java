package io.quetzal.foundation.serialize;

import java.math.BigInteger;

/**
 * Big-endian conversions between {@link BigInteger} and bytes with the official rules ({@code
 * toBufferBE}, {@code serializeBigInt}, {@code serializeSignedBigInt}, {@code deserializeBigInt}).
 *
 * <p>Stateless and thread-safe.
 */
public final class BigInts {
  private BigInts() {}

  /**
   * The official {@code toBufferBE(n, width)}: negative values throw {@code "Cannot convert
   * negative bigint -5 to buffer with toBufferBE."}. A value wider than {@code width} bytes does
   * <b>not</b> throw: its hex digits are left-padded to {@code 2*width} and then cut to the first
   * (most significant) {@code 2*width} digits, so {@code 0x12345} in 2 bytes is {@code 12 34} and
   * 2^256 in 32 bytes is 2^252.
   */
  public static byte[] toBufferBE(BigInteger n, int width) {
    if (n.signum() < 0) {
      throw new SerializationException(
          "Cannot convert negative bigint " + n + " to buffer with toBufferBE.");
    }
    if (width < 0) {
      throw new IllegalArgumentException("width must not be negative");
    }
    if (n.bitLength() <= 8 * width) {
      return fixed(n, width);
    }
    String hex = n.toString(16);
    byte[] out = new byte[width];
    for (int i = 0; i < width; i++) {
      out[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    return out;
  }

  /** The official {@code serializeBigInt(n, width)}: {@link #toBufferBE}. */
  public static byte[] serializeBigInt(BigInteger n, int width) {
    return toBufferBE(n, width);
  }

  /**
   * The official {@code serializeSignedBigInt(n, width)}: two's complement; values outside {@code
   * [-2^(8w-1), 2^(8w-1))} throw {@code "Signed BigInt 128 does not fit into 1 bytes"}.
   */
  public static byte[] serializeSignedBigInt(BigInteger n, int width) {
    BigInteger max = BigInteger.ONE.shiftLeft(8 * width - 1);
    if (n.compareTo(max.negate()) < 0 || n.compareTo(max) >= 0) {
      throw new SerializationException(
          "Signed BigInt " + n + " does not fit into " + width + " bytes");
    }
    BigInteger unsigned = n.signum() < 0 ? n.add(BigInteger.ONE.shiftLeft(8 * width)) : n;
    return fixed(unsigned, width);
  }

  /** Unsigned big-endian value of {@code bytes[offset, offset+width)} (empty is 0). */
  public static BigInteger fromBytesBE(byte[] bytes, int offset, int width) {
    if (width == 0) {
      return BigInteger.ZERO;
    }
    return new BigInteger(1, bytes, offset, width);
  }

  /** Two's-complement big-endian value of {@code bytes[offset, offset+width)}. */
  public static BigInteger fromSignedBytesBE(byte[] bytes, int offset, int width) {
    if (width == 0) {
      return BigInteger.ZERO;
    }
    return new BigInteger(bytes, offset, width);
  }

  /** {@code n} (which must fit) as exactly {@code width} big-endian bytes. */
  static byte[] fixed(BigInteger n, int width) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[width];
    int len = Math.min(raw.length, width);
    System.arraycopy(raw, raw.length - len, out, width - len, len);
    return out;
  }
}
