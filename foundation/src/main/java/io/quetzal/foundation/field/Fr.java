package io.quetzal.foundation.field;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * An element of the BN254 scalar field, {@code r =
 * 21888242871839275222246405745257275088548364400416034343698204186575808495617}, the Java
 * counterpart of the official {@code Fr} class of {@code @aztec/foundation/curves/bn254}.
 *
 * <p>Immutable value: four 64-bit limbs in Montgomery form, arithmetic without {@link BigInteger}.
 * Equality, hashing and ordering follow the canonical value. Thread-safe.
 *
 * <p>Conversions mirror the official semantics: {@link #fromBytes(byte[])} is strict (like {@code
 * Fr.fromBuffer}, it rejects values at or above the modulus), {@link #fromBytesReduce(byte[])}
 * reduces (like {@code Fr.fromBufferReduce}), {@link #fromHexString(String)} and {@link
 * #fromString(String)} accept exactly what {@code Fr.fromHexString} and {@code Fr.fromString}
 * accept, and {@link #toString()} is the JSON form {@code 0x} + 64 lower-case hex digits.
 */
public final class Fr implements Comparable<Fr> {
  /** The field modulus. */
  public static final BigInteger MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** Serialized size: 32 big-endian bytes. */
  public static final int SIZE_IN_BYTES = 32;

  static final Montgomery ARITH = new Montgomery(MODULUS);

  public static final Fr ZERO = new Fr(0, 0, 0, 0);
  public static final Fr ONE = new Fr(ARITH.one[0], ARITH.one[1], ARITH.one[2], ARITH.one[3]);

  /** The largest element, {@code modulus - 1}. */
  public static final Fr MAX_FIELD_VALUE = fromBigInteger(MODULUS.subtract(BigInteger.ONE));

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // Montgomery form, little-endian limbs.
  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;

  private Fr(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  private static Fr of(long[] t) {
    return new Fr(t[0], t[1], t[2], t[3]);
  }

  /** From canonical little-endian limbs, which must be below the modulus. */
  private static Fr fromCanonical(long c0, long c1, long c2, long c3) {
    if ((c0 | c1 | c2 | c3) == 0) {
      return ZERO;
    }
    long[] t = {c0, c1, c2, c3};
    ARITH.toMontgomery(t, 0, t, 0);
    return of(t);
  }

  // ---------------------------------------------------------------------------------------------
  // Construction

  /**
   * Reads exactly 32 big-endian bytes; throws {@link IllegalArgumentException} when the value is at
   * or above the modulus (as {@code Fr.fromBuffer} does) or the length is not 32.
   */
  public static Fr fromBytes(byte[] be32) {
    if (be32.length != SIZE_IN_BYTES) {
      throw new IllegalArgumentException(
          "Fr needs exactly " + SIZE_IN_BYTES + " bytes, got " + be32.length);
    }
    return fromBytes(be32, 0);
  }

  /**
   * Reads 32 big-endian bytes at {@code offset}; strict like {@link #fromBytes(byte[])}. Throws
   * {@link IllegalArgumentException} when fewer than 32 bytes remain.
   */
  public static Fr fromBytes(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE_IN_BYTES) {
      throw new IllegalArgumentException(
          "Fr needs " + SIZE_IN_BYTES + " bytes at offset " + offset + ", array has " + src.length);
    }
    long c3 = readLong(src, offset);
    long c2 = readLong(src, offset + 8);
    long c1 = readLong(src, offset + 16);
    long c0 = readLong(src, offset + 24);
    if (!ARITH.lessThanModulus(c0, c1, c2, c3)) {
      throw new IllegalArgumentException(
          "Value "
              + Montgomery.toBigInteger(c0, c1, c2, c3).toString(16)
              + " is greater or equal to field modulus");
    }
    return fromCanonical(c0, c1, c2, c3);
  }

  /**
   * The big-endian value of {@code bytes} (any length, e.g. 64 bytes for a uniform element) reduced
   * modulo the field modulus, as {@code Fr.fromBufferReduce}.
   */
  public static Fr fromBytesReduce(byte[] bytes) {
    if (bytes.length == SIZE_IN_BYTES) {
      long c3 = readLong(bytes, 0);
      long c2 = readLong(bytes, 8);
      long c1 = readLong(bytes, 16);
      long c0 = readLong(bytes, 24);
      if (ARITH.lessThanModulus(c0, c1, c2, c3)) {
        return fromCanonical(c0, c1, c2, c3);
      }
    }
    return fromBigInteger(new BigInteger(1, bytes).mod(MODULUS));
  }

  /** Rejects negative values and values at or above the modulus. */
  public static Fr fromBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("Value " + value + " is negative");
    }
    if (value.compareTo(MODULUS) >= 0) {
      throw new IllegalArgumentException(
          "Value 0x" + value.toString(16) + " is greater or equal to field modulus");
    }
    long[] c = Montgomery.limbs(value);
    return fromCanonical(c[0], c[1], c[2], c[3]);
  }

  /** A small non-negative value. */
  public static Fr ofLong(long nonNegative) {
    if (nonNegative < 0) {
      throw new IllegalArgumentException("Value " + nonNegative + " is negative");
    }
    return fromCanonical(nonNegative, 0, 0, 0);
  }

  /**
   * Parses hex as {@code Fr.fromHexString}: an optional {@code 0x}/{@code 0X} prefix, then one or
   * more hex digits of either case (odd counts and short strings allowed, leading zeros beyond 64
   * digits allowed); the value must be below the modulus. Anything else throws {@link
   * IllegalArgumentException}.
   */
  public static Fr fromHexString(String s) {
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
    if (!ARITH.lessThanModulus(c[0], c[1], c[2], c[3])) {
      throw new IllegalArgumentException(
          "Value "
              + Montgomery.toBigInteger(c[0], c[1], c[2], c[3]).toString(16)
              + " is greater or equal to field modulus");
    }
    return fromCanonical(c[0], c[1], c[2], c[3]);
  }

  /**
   * Parses as {@code Fr.fromString} (the JSON decoder of the official schemas): a string of only
   * ASCII decimal digits is a decimal number; otherwise a {@code 0x}/{@code 0X} prefix is required
   * and the rest is parsed as by {@link #fromHexString(String)}.
   *
   * <p>Official quirk, mirrored: a decimal value wider than 256 bits is not rejected but cut to its
   * 64 most significant hex digits (the official code pads/slices the hex form to 32 bytes), and
   * the result is then range-checked like any other value.
   */
  public static Fr fromString(String s) {
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
        "Tried to create a Fr from an invalid string: " + abbreviate(s));
  }

  /** A uniformly random element (64 random bytes reduced, as the official {@code random()}). */
  public static Fr random(SecureRandom rng) {
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
  // Montgomery-limb access (for allocation-free kernels such as Poseidon2)

  /** Writes the four Montgomery-form little-endian limbs to {@code dst[offset..offset+3]}. */
  public void writeMontgomeryLimbs(long[] dst, int offset) {
    dst[offset] = l0;
    dst[offset + 1] = l1;
    dst[offset + 2] = l2;
    dst[offset + 3] = l3;
  }

  /**
   * The element whose Montgomery-form limbs are {@code src[offset..offset+3]}; they must be a
   * canonical Montgomery representative (below the modulus), which is not checked.
   */
  public static Fr fromMontgomeryLimbs(long[] src, int offset) {
    return new Fr(src[offset], src[offset + 1], src[offset + 2], src[offset + 3]);
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private long[] canonical() {
    long[] c = {l0, l1, l2, l3};
    ARITH.fromMontgomery(c, 0, c, 0);
    return c;
  }

  /** 32 big-endian bytes. */
  public byte[] toBytes() {
    byte[] out = new byte[SIZE_IN_BYTES];
    writeTo(out, 0);
    return out;
  }

  /** Writes 32 big-endian bytes at {@code offset}. */
  public void writeTo(byte[] dst, int offset) {
    long[] c = canonical();
    for (int i = 0; i < 4; i++) {
      long v = c[3 - i];
      for (int j = 7; j >= 0; j--) {
        dst[offset + 8 * i + j] = (byte) v;
        v >>>= 8;
      }
    }
  }

  /** The canonical value in {@code [0, modulus)}. */
  public BigInteger toBigInteger() {
    long[] c = canonical();
    return Montgomery.toBigInteger(c[0], c[1], c[2], c[3]);
  }

  /** The canonical value as a long; throws {@link ArithmeticException} if it does not fit. */
  public long toLongExact() {
    long[] c = canonical();
    if ((c[1] | c[2] | c[3]) != 0 || c[0] < 0) {
      throw new ArithmeticException("Value " + this + " does not fit in a long");
    }
    return c[0];
  }

  /** True for the zero element. */
  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  /** {@code 0x} followed by exactly 64 lower-case hex digits (the official JSON form). */
  @Override
  public String toString() {
    long[] c = canonical();
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
  // Arithmetic

  /** {@code this + o mod modulus}. */
  public Fr add(Fr o) {
    long[] t = new long[4];
    ARITH.add(t, 0, l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3);
    return of(t);
  }

  /** {@code this - o mod modulus}. */
  public Fr sub(Fr o) {
    long[] t = new long[4];
    ARITH.sub(t, 0, l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3);
    return of(t);
  }

  /** {@code this * o mod modulus}. */
  public Fr mul(Fr o) {
    long[] t = {l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3};
    ARITH.mul(t, 0, t, 0, t, 4);
    return of(t);
  }

  /** {@code this^2 mod modulus}. */
  public Fr square() {
    long[] t = {l0, l1, l2, l3};
    ARITH.square(t, 0, t, 0);
    return of(t);
  }

  /**
   * The additive inverse ({@code modulus - this}, and zero for zero; the official {@code negate()}
   * throws for zero because it builds {@code modulus - 0}).
   */
  public Fr neg() {
    long[] t = new long[4];
    ARITH.neg(t, 0, l0, l1, l2, l3);
    return of(t);
  }

  /**
   * The multiplicative inverse; throws {@link ArithmeticException} for zero (the official {@code
   * Fr.div} throws "Division by zero").
   */
  public Fr inverse() {
    if (isZero()) {
      throw new ArithmeticException("Division by zero");
    }
    long[] t = {l0, l1, l2, l3};
    ARITH.inverse(t, 0, t, 0);
    return of(t);
  }

  /** {@code this / o}; throws {@link ArithmeticException} when {@code o} is zero. */
  public Fr div(Fr o) {
    return mul(o.inverse());
  }

  /** {@code this^e} for a non-negative exponent ({@code 0^0 = 1}). */
  public Fr pow(BigInteger e) {
    if (e.signum() < 0) {
      throw new IllegalArgumentException("negative exponent");
    }
    long[] exp = new long[(e.bitLength() + 63) / 64];
    for (int i = 0; i < exp.length; i++) {
      exp[i] = e.shiftRight(64 * i).longValue();
    }
    long[] t = {l0, l1, l2, l3};
    ARITH.pow(t, 0, t, 0, exp);
    return of(t);
  }

  /** {@code this^e} for a non-negative exponent. */
  public Fr pow(long e) {
    return pow(BigInteger.valueOf(e));
  }

  /**
   * A square root, or empty when this is not a quadratic residue. Which of the two roots is
   * returned is unspecified (the official {@code sqrt()} delegates to barretenberg and does not
   * specify it either); both square to this.
   */
  public Optional<Fr> sqrt() {
    long[] t = {l0, l1, l2, l3};
    return ARITH.sqrt(t, 0, t, 0) ? Optional.of(of(t)) : Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Identity

  @Override
  public boolean equals(Object o) {
    return o instanceof Fr f && f.l0 == l0 && f.l1 == l1 && f.l2 == l2 && f.l3 == l3;
  }

  @Override
  public int hashCode() {
    long h = l0 * 31 + l1;
    h = h * 31 + l2;
    h = h * 31 + l3;
    return Long.hashCode(h);
  }

  /** Orders by canonical value. */
  @Override
  public int compareTo(Fr o) {
    if (equals(o)) {
      return 0;
    }
    long[] a = canonical();
    long[] b = o.canonical();
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
