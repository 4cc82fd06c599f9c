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
  public static final int SIZE_IN_BYTES = PrimeField.SIZE_IN_BYTES;

  static final Montgomery ARITH = new Montgomery(MODULUS);

  public static final Fr ZERO = new Fr(0, 0, 0, 0);
  public static final Fr ONE = new Fr(ARITH.one[0], ARITH.one[1], ARITH.one[2], ARITH.one[3]);

  private static final PrimeField<Fr> FIELD = new PrimeField<>("Fr", MODULUS, ARITH, ZERO, Fr::new);

  /** The largest element, {@code modulus - 1}. */
  public static final Fr MAX_FIELD_VALUE = fromBigInteger(MODULUS.subtract(BigInteger.ONE));

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

  // ---------------------------------------------------------------------------------------------
  // Construction

  /**
   * Reads exactly 32 big-endian bytes; throws {@link IllegalArgumentException} when the value is at
   * or above the modulus (as {@code Fr.fromBuffer} does) or the length is not 32.
   */
  public static Fr fromBytes(byte[] be32) {
    return FIELD.fromBytes(be32);
  }

  /**
   * Reads 32 big-endian bytes at {@code offset}; strict like {@link #fromBytes(byte[])}. Throws
   * {@link IllegalArgumentException} when fewer than 32 bytes remain.
   */
  public static Fr fromBytes(byte[] src, int offset) {
    return FIELD.fromBytes(src, offset);
  }

  /**
   * The big-endian value of {@code bytes} (any length, e.g. 64 bytes for a uniform element) reduced
   * modulo the field modulus, as {@code Fr.fromBufferReduce}.
   */
  public static Fr fromBytesReduce(byte[] bytes) {
    return FIELD.fromBytesReduce(bytes);
  }

  /** Rejects negative values and values at or above the modulus. */
  public static Fr fromBigInteger(BigInteger value) {
    return FIELD.fromBigInteger(value);
  }

  /** A small non-negative value. */
  public static Fr ofLong(long nonNegative) {
    return FIELD.ofLong(nonNegative);
  }

  /**
   * Parses hex as {@code Fr.fromHexString}: an optional {@code 0x}/{@code 0X} prefix, then one or
   * more hex digits of either case (odd counts and short strings allowed, leading zeros beyond 64
   * digits allowed); the value must be below the modulus. Anything else throws {@link
   * IllegalArgumentException}.
   */
  public static Fr fromHexString(String s) {
    return FIELD.fromHexString(s);
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
    return FIELD.fromString(s);
  }

  /** A uniformly random element (64 random bytes reduced, as the official {@code random()}). */
  public static Fr random(SecureRandom rng) {
    return FIELD.random(rng);
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

  /** 32 big-endian bytes. */
  public byte[] toBytes() {
    byte[] out = new byte[SIZE_IN_BYTES];
    writeTo(out, 0);
    return out;
  }

  /** Writes 32 big-endian bytes at {@code offset}. */
  public void writeTo(byte[] dst, int offset) {
    long[] c = {l0, l1, l2, l3};
    ARITH.fromMontgomery(c, 0, c, 0);
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
    return FIELD.toBigInteger(l0, l1, l2, l3);
  }

  /** The canonical value as a long; throws {@link ArithmeticException} if it does not fit. */
  public long toLongExact() {
    return FIELD.toLongExact(l0, l1, l2, l3);
  }

  /** True for the zero element. */
  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  /** {@code 0x} followed by exactly 64 lower-case hex digits (the official JSON form). */
  @Override
  public String toString() {
    return FIELD.toString(l0, l1, l2, l3);
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
    return FIELD.neg(l0, l1, l2, l3);
  }

  /**
   * The multiplicative inverse; throws {@link ArithmeticException} for zero (the official {@code
   * Fr.div} throws "Division by zero").
   */
  public Fr inverse() {
    return FIELD.inverse(l0, l1, l2, l3);
  }

  /** {@code this / o}; throws {@link ArithmeticException} when {@code o} is zero. */
  public Fr div(Fr o) {
    return mul(o.inverse());
  }

  /** {@code this^e} for a non-negative exponent ({@code 0^0 = 1}). */
  public Fr pow(BigInteger e) {
    return FIELD.pow(l0, l1, l2, l3, e);
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
    return FIELD.sqrt(l0, l1, l2, l3);
  }

  // ---------------------------------------------------------------------------------------------
  // Identity

  @Override
  public boolean equals(Object o) {
    return o instanceof Fr f && f.l0 == l0 && f.l1 == l1 && f.l2 == l2 && f.l3 == l3;
  }

  @Override
  public int hashCode() {
    return PrimeField.hashCode(l0, l1, l2, l3);
  }

  /** Orders by canonical value. */
  @Override
  public int compareTo(Fr o) {
    return FIELD.compare(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3);
  }
}
