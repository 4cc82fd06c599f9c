package io.quetzal.foundation.field;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The logic shared by the 256-bit prime fields {@link Fr} and {@link Fq}: parsing, formatting,
 * comparison and the non-hot arithmetic, parameterised by the field's {@link Montgomery} instance
 * and a factory building an element from its four Montgomery-form limbs. The hot paths stay in the
 * element classes themselves.
 *
 * @param <T> the element type
 */
final class PrimeField<T> {
  /** Builds an element from its four Montgomery-form little-endian limbs (not checked). */
  @FunctionalInterface
  interface Factory<T> {
    T of(long l0, long l1, long l2, long l3);
  }

  static final int SIZE_IN_BYTES = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String name;
  private final BigInteger modulus;
  private final Montgomery arith;
  private final T zero;
  private final Factory<T> factory;

  PrimeField(String name, BigInteger modulus, Montgomery arith, T zero, Factory<T> factory) {
    this.name = name;
    this.modulus = modulus;
    this.arith = arith;
    this.zero = zero;
    this.factory = factory;
  }

  T of(long[] t) {
    return factory.of(t[0], t[1], t[2], t[3]);
  }

  /** From canonical little-endian limbs, which must be below the modulus. */
  T fromCanonical(long c0, long c1, long c2, long c3) {
    if ((c0 | c1 | c2 | c3) == 0) {
      return zero;
    }
    long[] t = {c0, c1, c2, c3};
    arith.toMontgomery(t, 0, t, 0);
    return of(t);
  }

  // ---------------------------------------------------------------------------------------------
  // Construction

  T fromBytes(byte[] be32) {
    if (be32.length != SIZE_IN_BYTES) {
      throw new IllegalArgumentException(
          name + " needs exactly " + SIZE_IN_BYTES + " bytes, got " + be32.length);
    }
    return fromBytes(be32, 0);
  }

  T fromBytes(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE_IN_BYTES) {
      throw new IllegalArgumentException(
          name
              + " needs "
              + SIZE_IN_BYTES
              + " bytes at offset "
              + offset
              + ", array has "
              + src.length);
    }
    long c3 = readLong(src, offset);
    long c2 = readLong(src, offset + 8);
    long c1 = readLong(src, offset + 16);
    long c0 = readLong(src, offset + 24);
    if (!arith.lessThanModulus(c0, c1, c2, c3)) {
      throw new IllegalArgumentException(
          "Value "
              + Montgomery.toBigInteger(c0, c1, c2, c3).toString(16)
              + " is greater or equal to field modulus");
    }
    return fromCanonical(c0, c1, c2, c3);
  }

  T fromBytesReduce(byte[] bytes) {
    if (bytes.length == SIZE_IN_BYTES) {
      long c3 = readLong(bytes, 0);
      long c2 = readLong(bytes, 8);
      long c1 = readLong(bytes, 16);
      long c0 = readLong(bytes, 24);
      if (arith.lessThanModulus(c0, c1, c2, c3)) {
        return fromCanonical(c0, c1, c2, c3);
      }
    }
    return fromBigInteger(new BigInteger(1, bytes).mod(modulus));
  }

  T fromBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("Value " + value + " is negative");
    }
    if (value.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException(
          "Value 0x" + value.toString(16) + " is greater or equal to field modulus");
    }
    long[] c = Montgomery.limbs(value);
    return fromCanonical(c[0], c[1], c[2], c[3]);
  }

  T ofLong(long nonNegative) {
    if (nonNegative < 0) {
      throw new IllegalArgumentException("Value " + nonNegative + " is negative");
    }
    return fromCanonical(nonNegative, 0, 0, 0);
  }

  T fromHexString(String s) {
    int start = s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) | 0x20) == 'x' ? 2 : 0;
    int n = s.length() - start;
    if (n == 0) {
      throw new IllegalArgumentException("Invalid hex-encoded string: \"" + abbreviate(s) + "\"");
    }
    long[] c = new long[4];
    int significant = 0;
    for (int i = 0; i < n; i++) {
      int d = hexDigit(s.charAt(start + i));
      if (d < 0) {
        throw new IllegalArgumentException("Invalid hex-encoded string: \"" + abbreviate(s) + "\"");
      }
      if (significant == 0 && d == 0) {
        continue;
      }
      if (++significant > 64) {
        throw new IllegalArgumentException(
            "Value 0x" + abbreviate(s.substring(start)) + " is greater or equal to field modulus");
      }
      c[3] = (c[3] << 4) | (c[2] >>> 60);
      c[2] = (c[2] << 4) | (c[1] >>> 60);
      c[1] = (c[1] << 4) | (c[0] >>> 60);
      c[0] = (c[0] << 4) | d;
    }
    if (!arith.lessThanModulus(c[0], c[1], c[2], c[3])) {
      throw new IllegalArgumentException(
          "Value "
              + Montgomery.toBigInteger(c[0], c[1], c[2], c[3]).toString(16)
              + " is greater or equal to field modulus");
    }
    return fromCanonical(c[0], c[1], c[2], c[3]);
  }

  T fromString(String s) {
    if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      BigInteger v = new BigInteger(s);
      if (v.bitLength() > 256) {
        int hexDigits = (v.bitLength() + 3) / 4;
        v = v.shiftRight(4 * (hexDigits - 64));
      }
      return fromBigInteger(v);
    }
    if (s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) | 0x20) == 'x') {
      return fromHexString(s);
    }
    throw new IllegalArgumentException(
        "Tried to create a " + name + " from an invalid string: " + abbreviate(s));
  }

  T random(SecureRandom rng) {
    byte[] b = new byte[64];
    rng.nextBytes(b);
    return fromBytesReduce(b);
  }

  private static int hexDigit(char ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    char lower = (char) (ch | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  private static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /** The canonical little-endian limbs of the element with Montgomery limbs {@code l0..l3}. */
  long[] canonical(long l0, long l1, long l2, long l3) {
    long[] c = {l0, l1, l2, l3};
    arith.fromMontgomery(c, 0, c, 0);
    return c;
  }

  BigInteger toBigInteger(long l0, long l1, long l2, long l3) {
    long[] c = canonical(l0, l1, l2, l3);
    return Montgomery.toBigInteger(c[0], c[1], c[2], c[3]);
  }

  long toLongExact(long l0, long l1, long l2, long l3) {
    long[] c = canonical(l0, l1, l2, l3);
    if ((c[1] | c[2] | c[3]) != 0 || c[0] < 0) {
      throw new ArithmeticException(
          "Value " + toString(l0, l1, l2, l3) + " does not fit in a long");
    }
    return c[0];
  }

  /** {@code 0x} followed by exactly 64 lower-case hex digits (the official JSON form). */
  String toString(long l0, long l1, long l2, long l3) {
    long[] c = canonical(l0, l1, l2, l3);
    char[] out = new char[66];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 4; i++) {
      long v = c[3 - i];
      for (int j = 15; j >= 0; j--) {
        out[2 + 16 * i + j] = HEX[(int) (v & 0xf)];
        v >>>= 4;
      }
    }
    return new String(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic (non-hot)

  T neg(long l0, long l1, long l2, long l3) {
    long[] t = new long[4];
    arith.neg(t, 0, l0, l1, l2, l3);
    return of(t);
  }

  T inverse(long l0, long l1, long l2, long l3) {
    if ((l0 | l1 | l2 | l3) == 0) {
      throw new ArithmeticException("Division by zero");
    }
    long[] t = {l0, l1, l2, l3};
    arith.inverse(t, 0, t, 0);
    return of(t);
  }

  T pow(long l0, long l1, long l2, long l3, BigInteger e) {
    if (e.signum() < 0) {
      throw new IllegalArgumentException("negative exponent");
    }
    long[] exp = new long[(e.bitLength() + 63) / 64];
    for (int i = 0; i < exp.length; i++) {
      exp[i] = e.shiftRight(64 * i).longValue();
    }
    long[] t = {l0, l1, l2, l3};
    arith.pow(t, 0, t, 0, exp);
    return of(t);
  }

  Optional<T> sqrt(long l0, long l1, long l2, long l3) {
    long[] t = {l0, l1, l2, l3};
    return arith.sqrt(t, 0, t, 0) ? Optional.of(of(t)) : Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Identity

  static int hashCode(long l0, long l1, long l2, long l3) {
    long h = l0 * 31 + l1;
    h = h * 31 + l2;
    h = h * 31 + l3;
    return Long.hashCode(h);
  }

  /** Orders two elements, given by their Montgomery limbs, by canonical value. */
  int compare(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    if (a0 == b0 && a1 == b1 && a2 == b2 && a3 == b3) {
      return 0;
    }
    long[] a = canonical(a0, a1, a2, a3);
    long[] b = canonical(b0, b1, b2, b3);
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
