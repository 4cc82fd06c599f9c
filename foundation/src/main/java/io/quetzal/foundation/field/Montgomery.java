package io.quetzal.foundation.field;

import java.math.BigInteger;

/**
 * Fixed-size Montgomery arithmetic modulo a prime below {@code 2^254}, on four little-endian 64-bit
 * limbs; one instance per modulus, shared by {@link Fr} and {@link Fq} (and, through {@link
 * FrLimbs}, by allocation-free kernels such as Poseidon2).
 *
 * <p>Elements are in Montgomery form {@code aR mod p}, {@code R = 2^256}. Methods read operands
 * from {@code long[]} offsets and write the result to {@code r[ro..ro+3]}; outputs may alias
 * inputs. Two ranges are used:
 *
 * <ul>
 *   <li><em>canonical</em>: {@code [0, p)}, the representation stored in {@link Fr}/{@link Fq};
 *   <li><em>lazy</em>: {@code [0, 2p)}, accepted and produced by the {@code *Lazy} methods, which
 *       skip the final conditional subtraction. Since {@code p < 2^254}, sums of two lazy values
 *       still fit in 256 bits.
 * </ul>
 *
 * <p>Multiplication scans products column by column. Each column keeps two accumulators instead of
 * a carry chain: {@code A} sums the 64-bit values modulo {@code 2^64} and {@code B} sums their top
 * 32 bits exactly; {@code A - (B << 32)} is then the exact sum of the low halves, which gives the
 * column's carry without any unsigned comparison (Java has no add-with-carry). The Montgomery
 * reduction is interleaved (one quotient word per low column) and, because {@code p < 2^254}, the
 * result of a lazy multiplication of lazy inputs is again below {@code 2p}.
 *
 * <p>Multiplication by a fixed constant {@code c} uses a precomputed table {@code K_j = c * 2^(64j)
 * * 2^128 mod p} ({@link #constantTable}): {@code x * c = sum_j x_j K_j} needs only two reduction
 * words instead of four, and accepts any {@code x < 2^256}.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class Montgomery {
  final BigInteger modulus;
  final long p0;
  final long p1;
  final long p2;
  final long p3;

  /** {@code -p^-1 mod 2^64}. */
  final long inv;

  // 2p, for lazy reductions
  private final long q0;
  private final long q1;
  private final long q2;
  private final long q3;

  /** {@code R mod p}: one in Montgomery form. */
  final long[] one;

  /** {@code R^2 mod p}: converts canonical values into Montgomery form. */
  final long[] r2;

  private final long[] pMinus2;
  // Tonelli-Shanks: p - 1 = q * 2^s with q odd; rootOfUnity = z^q for a non-residue z.
  private final int twoAdicity;
  private final long[] qMinus1Over2;
  private final long[] rootOfUnity;
  private final long[] legendreExponent;

  Montgomery(BigInteger modulus) {
    if (modulus.bitLength() > 254 || !modulus.testBit(0)) {
      throw new IllegalArgumentException("modulus must be odd and below 2^254");
    }
    this.modulus = modulus;
    long[] p = limbs(modulus);
    p0 = p[0];
    p1 = p[1];
    p2 = p[2];
    p3 = p[3];
    long[] q = limbs(modulus.shiftLeft(1));
    q0 = q[0];
    q1 = q[1];
    q2 = q[2];
    q3 = q[3];
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    inv = modulus.modInverse(twoTo64).negate().mod(twoTo64).longValue();
    BigInteger r = BigInteger.ONE.shiftLeft(256);
    one = limbs(r.mod(modulus));
    r2 = limbs(r.multiply(r).mod(modulus));
    pMinus2 = limbs(modulus.subtract(BigInteger.TWO));
    BigInteger pm1 = modulus.subtract(BigInteger.ONE);
    legendreExponent = limbs(pm1.shiftRight(1));
    twoAdicity = pm1.getLowestSetBit();
    BigInteger odd = pm1.shiftRight(twoAdicity);
    qMinus1Over2 = limbs(odd.subtract(BigInteger.ONE).shiftRight(1));
    BigInteger z = BigInteger.TWO;
    while (z.modPow(pm1.shiftRight(1), modulus).equals(BigInteger.ONE)) {
      z = z.add(BigInteger.ONE);
    }
    rootOfUnity = limbs(z.modPow(odd, modulus).shiftLeft(256).mod(modulus));
  }

  /** Little-endian 64-bit limbs of a non-negative value below {@code 2^256}. */
  static long[] limbs(BigInteger v) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = v.shiftRight(64 * i).longValue();
    }
    return out;
  }

  /** The value of four little-endian limbs. */
  static BigInteger toBigInteger(long l0, long l1, long l2, long l3) {
    byte[] be = new byte[33];
    putLong(be, 1, l3);
    putLong(be, 9, l2);
    putLong(be, 17, l1);
    putLong(be, 25, l0);
    return new BigInteger(be);
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** 1 when {@code sum = x + addend} wrapped around {@code 2^64}, else 0. */
  static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  /** Borrow out of {@code d = x - y - borrowIn} (0 or 1). */
  static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }

  /** True when the limbs (any representation) are below the modulus. */
  boolean lessThanModulus(long l0, long l1, long l2, long l3) {
    long d0 = l0 - p0;
    long bw = borrow(l0, p0, d0);
    long d1 = l1 - p1 - bw;
    bw = borrow(l1, p1, d1);
    long d2 = l2 - p2 - bw;
    bw = borrow(l2, p2, d2);
    long d3 = l3 - p3 - bw;
    bw = borrow(l3, p3, d3);
    return bw != 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Lazy kernels (inputs and outputs in [0, 2p))

  /** {@code r = a * b / R}; for {@code a, b < 2p} the result is below {@code 2p}. */
  void mulLazy(long[] r, int ro, long[] x, int xo, long[] y, int yo) {
    final long p1 = this.p1;
    final long p2 = this.p2;
    final long p3 = this.p3;
    final long p0 = this.p0;
    final long inv = this.inv;
    long a0 = x[xo];
    long a1 = x[xo + 1];
    long a2 = x[xo + 2];
    long a3 = x[xo + 3];
    long b0 = y[yo];
    long b1 = y[yo + 1];
    long b2 = y[yo + 2];
    long b3 = y[yo + 3];
    long lo;
    long hi;
    long cy;
    // column 0: products, then the quotient word m0
    lo = a0 * b0;
    hi = Math.unsignedMultiplyHigh(a0, b0);
    long ca0 = lo;
    long cb0 = (lo >>> 32);
    long ca1 = hi;
    long cb1 = (hi >>> 32);
    lo = ca0 - (cb0 << 32);
    cy = (cb0 + (lo >>> 32)) >>> 32;
    long m0 = ca0 * inv;
    cy += Math.unsignedMultiplyHigh(m0, p0) + (ca0 != 0 ? 1 : 0);
    ca1 += cy;
    cb1 += (cy >>> 32);
    // column 1: products, then the quotient word m1
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    ca1 += lo;
    cb1 += (lo >>> 32);
    long ca2 = hi;
    long cb2 = (hi >>> 32);
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = m0 * p1;
    hi = Math.unsignedMultiplyHigh(m0, p1);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = ca1 - (cb1 << 32);
    cy = (cb1 + (lo >>> 32)) >>> 32;
    long m1 = ca1 * inv;
    cy += Math.unsignedMultiplyHigh(m1, p0) + (ca1 != 0 ? 1 : 0);
    ca2 += cy;
    cb2 += (cy >>> 32);
    // column 2: products, then the quotient word m2
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    ca2 += lo;
    cb2 += (lo >>> 32);
    long ca3 = hi;
    long cb3 = (hi >>> 32);
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = m0 * p2;
    hi = Math.unsignedMultiplyHigh(m0, p2);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = m1 * p1;
    hi = Math.unsignedMultiplyHigh(m1, p1);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = ca2 - (cb2 << 32);
    cy = (cb2 + (lo >>> 32)) >>> 32;
    long m2 = ca2 * inv;
    cy += Math.unsignedMultiplyHigh(m2, p0) + (ca2 != 0 ? 1 : 0);
    ca3 += cy;
    cb3 += (cy >>> 32);
    // column 3: products, then the quotient word m3
    lo = a0 * b3;
    hi = Math.unsignedMultiplyHigh(a0, b3);
    ca3 += lo;
    cb3 += (lo >>> 32);
    long ca4 = hi;
    long cb4 = (hi >>> 32);
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = a3 * b0;
    hi = Math.unsignedMultiplyHigh(a3, b0);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m0 * p3;
    hi = Math.unsignedMultiplyHigh(m0, p3);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m1 * p2;
    hi = Math.unsignedMultiplyHigh(m1, p2);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m2 * p1;
    hi = Math.unsignedMultiplyHigh(m2, p1);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = ca3 - (cb3 << 32);
    cy = (cb3 + (lo >>> 32)) >>> 32;
    long m3 = ca3 * inv;
    cy += Math.unsignedMultiplyHigh(m3, p0) + (ca3 != 0 ? 1 : 0);
    ca4 += cy;
    cb4 += (cy >>> 32);
    // column 4: products; low word is output limb 0
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    ca4 += lo;
    cb4 += (lo >>> 32);
    long ca5 = hi;
    long cb5 = (hi >>> 32);
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m1 * p3;
    hi = Math.unsignedMultiplyHigh(m1, p3);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m2 * p2;
    hi = Math.unsignedMultiplyHigh(m2, p2);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m3 * p1;
    hi = Math.unsignedMultiplyHigh(m3, p1);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = ca4 - (cb4 << 32);
    cy = (cb4 + (lo >>> 32)) >>> 32;
    ca5 += cy;
    cb5 += (cy >>> 32);
    // column 5: products; low word is output limb 1
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    ca5 += lo;
    cb5 += (lo >>> 32);
    long ca6 = hi;
    long cb6 = (hi >>> 32);
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    ca5 += lo;
    cb5 += (lo >>> 32);
    ca6 += hi;
    cb6 += (hi >>> 32);
    lo = m2 * p3;
    hi = Math.unsignedMultiplyHigh(m2, p3);
    ca5 += lo;
    cb5 += (lo >>> 32);
    ca6 += hi;
    cb6 += (hi >>> 32);
    lo = m3 * p2;
    hi = Math.unsignedMultiplyHigh(m3, p2);
    ca5 += lo;
    cb5 += (lo >>> 32);
    ca6 += hi;
    cb6 += (hi >>> 32);
    lo = ca5 - (cb5 << 32);
    cy = (cb5 + (lo >>> 32)) >>> 32;
    ca6 += cy;
    cb6 += (cy >>> 32);
    // column 6: products; low word is output limb 2
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    ca6 += lo;
    cb6 += (lo >>> 32);
    long ca7 = hi;
    long cb7 = (hi >>> 32);
    lo = m3 * p3;
    hi = Math.unsignedMultiplyHigh(m3, p3);
    ca6 += lo;
    cb6 += (lo >>> 32);
    ca7 += hi;
    cb7 += (hi >>> 32);
    lo = ca6 - (cb6 << 32);
    cy = (cb6 + (lo >>> 32)) >>> 32;
    ca7 += cy;
    cb7 += (cy >>> 32);
    // column 7: products; low word is output limb 3
    r[ro + 0] = ca4;
    r[ro + 1] = ca5;
    r[ro + 2] = ca6;
    r[ro + 3] = ca7;
  }

  /** {@code r = a^2 / R}; for {@code a < 2p} the result is below {@code 2p}. */
  void squareLazy(long[] r, int ro, long[] x, int xo) {
    final long p1 = this.p1;
    final long p2 = this.p2;
    final long p3 = this.p3;
    final long p0 = this.p0;
    final long inv = this.inv;
    long a0 = x[xo];
    long a1 = x[xo + 1];
    long a2 = x[xo + 2];
    long a3 = x[xo + 3];
    long lo;
    long hi;
    long cy;
    // column 0: products, then the quotient word m0
    lo = a0 * a0;
    hi = Math.unsignedMultiplyHigh(a0, a0);
    long ca0 = lo;
    long cb0 = (lo >>> 32);
    long ca1 = hi;
    long cb1 = (hi >>> 32);
    lo = ca0 - (cb0 << 32);
    cy = (cb0 + (lo >>> 32)) >>> 32;
    long m0 = ca0 * inv;
    cy += Math.unsignedMultiplyHigh(m0, p0) + (ca0 != 0 ? 1 : 0);
    ca1 += cy;
    cb1 += (cy >>> 32);
    // column 1: products, then the quotient word m1
    lo = a0 * a1;
    hi = Math.unsignedMultiplyHigh(a0, a1);
    ca1 += (lo << 1);
    cb1 += ((lo >>> 32) << 1);
    long ca2 = (hi << 1);
    long cb2 = ((hi >>> 32) << 1);
    lo = m0 * p1;
    hi = Math.unsignedMultiplyHigh(m0, p1);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = ca1 - (cb1 << 32);
    cy = (cb1 + (lo >>> 32)) >>> 32;
    long m1 = ca1 * inv;
    cy += Math.unsignedMultiplyHigh(m1, p0) + (ca1 != 0 ? 1 : 0);
    ca2 += cy;
    cb2 += (cy >>> 32);
    // column 2: products, then the quotient word m2
    lo = a0 * a2;
    hi = Math.unsignedMultiplyHigh(a0, a2);
    ca2 += (lo << 1);
    cb2 += ((lo >>> 32) << 1);
    long ca3 = (hi << 1);
    long cb3 = ((hi >>> 32) << 1);
    lo = a1 * a1;
    hi = Math.unsignedMultiplyHigh(a1, a1);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = m0 * p2;
    hi = Math.unsignedMultiplyHigh(m0, p2);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = m1 * p1;
    hi = Math.unsignedMultiplyHigh(m1, p1);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = ca2 - (cb2 << 32);
    cy = (cb2 + (lo >>> 32)) >>> 32;
    long m2 = ca2 * inv;
    cy += Math.unsignedMultiplyHigh(m2, p0) + (ca2 != 0 ? 1 : 0);
    ca3 += cy;
    cb3 += (cy >>> 32);
    // column 3: products, then the quotient word m3
    lo = a0 * a3;
    hi = Math.unsignedMultiplyHigh(a0, a3);
    ca3 += (lo << 1);
    cb3 += ((lo >>> 32) << 1);
    long ca4 = (hi << 1);
    long cb4 = ((hi >>> 32) << 1);
    lo = a1 * a2;
    hi = Math.unsignedMultiplyHigh(a1, a2);
    ca3 += (lo << 1);
    cb3 += ((lo >>> 32) << 1);
    ca4 += (hi << 1);
    cb4 += ((hi >>> 32) << 1);
    lo = m0 * p3;
    hi = Math.unsignedMultiplyHigh(m0, p3);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m1 * p2;
    hi = Math.unsignedMultiplyHigh(m1, p2);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m2 * p1;
    hi = Math.unsignedMultiplyHigh(m2, p1);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = ca3 - (cb3 << 32);
    cy = (cb3 + (lo >>> 32)) >>> 32;
    long m3 = ca3 * inv;
    cy += Math.unsignedMultiplyHigh(m3, p0) + (ca3 != 0 ? 1 : 0);
    ca4 += cy;
    cb4 += (cy >>> 32);
    // column 4: products; low word is output limb 0
    lo = a1 * a3;
    hi = Math.unsignedMultiplyHigh(a1, a3);
    ca4 += (lo << 1);
    cb4 += ((lo >>> 32) << 1);
    long ca5 = (hi << 1);
    long cb5 = ((hi >>> 32) << 1);
    lo = a2 * a2;
    hi = Math.unsignedMultiplyHigh(a2, a2);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m1 * p3;
    hi = Math.unsignedMultiplyHigh(m1, p3);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m2 * p2;
    hi = Math.unsignedMultiplyHigh(m2, p2);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = m3 * p1;
    hi = Math.unsignedMultiplyHigh(m3, p1);
    ca4 += lo;
    cb4 += (lo >>> 32);
    ca5 += hi;
    cb5 += (hi >>> 32);
    lo = ca4 - (cb4 << 32);
    cy = (cb4 + (lo >>> 32)) >>> 32;
    ca5 += cy;
    cb5 += (cy >>> 32);
    // column 5: products; low word is output limb 1
    lo = a2 * a3;
    hi = Math.unsignedMultiplyHigh(a2, a3);
    ca5 += (lo << 1);
    cb5 += ((lo >>> 32) << 1);
    long ca6 = (hi << 1);
    long cb6 = ((hi >>> 32) << 1);
    lo = m2 * p3;
    hi = Math.unsignedMultiplyHigh(m2, p3);
    ca5 += lo;
    cb5 += (lo >>> 32);
    ca6 += hi;
    cb6 += (hi >>> 32);
    lo = m3 * p2;
    hi = Math.unsignedMultiplyHigh(m3, p2);
    ca5 += lo;
    cb5 += (lo >>> 32);
    ca6 += hi;
    cb6 += (hi >>> 32);
    lo = ca5 - (cb5 << 32);
    cy = (cb5 + (lo >>> 32)) >>> 32;
    ca6 += cy;
    cb6 += (cy >>> 32);
    // column 6: products; low word is output limb 2
    lo = a3 * a3;
    hi = Math.unsignedMultiplyHigh(a3, a3);
    ca6 += lo;
    cb6 += (lo >>> 32);
    long ca7 = hi;
    long cb7 = (hi >>> 32);
    lo = m3 * p3;
    hi = Math.unsignedMultiplyHigh(m3, p3);
    ca6 += lo;
    cb6 += (lo >>> 32);
    ca7 += hi;
    cb7 += (hi >>> 32);
    lo = ca6 - (cb6 << 32);
    cy = (cb6 + (lo >>> 32)) >>> 32;
    ca7 += cy;
    cb7 += (cy >>> 32);
    // column 7: products; low word is output limb 3
    r[ro + 0] = ca4;
    r[ro + 1] = ca5;
    r[ro + 2] = ca6;
    r[ro + 3] = ca7;
  }

  /**
   * {@code r = a * c} for the constant whose {@link #constantTable} is {@code k[ko..ko+15]}; {@code
   * a} may be any value below {@code 2^256}, the result is below {@code p + 2^192}.
   */
  void mulConstLazy(long[] r, int ro, long[] x, int xo, long[] k, int ko) {
    final long p1 = this.p1;
    final long p2 = this.p2;
    final long p3 = this.p3;
    final long p0 = this.p0;
    final long inv = this.inv;
    long a0 = x[xo];
    long a1 = x[xo + 1];
    long a2 = x[xo + 2];
    long a3 = x[xo + 3];
    long lo;
    long hi;
    long cy;
    // sum_j x_j * K_j over five columns
    lo = a0 * k[ko + 0];
    hi = Math.unsignedMultiplyHigh(a0, k[ko + 0]);
    long ca0 = lo;
    long cb0 = (lo >>> 32);
    long ca1 = hi;
    long cb1 = (hi >>> 32);
    lo = a1 * k[ko + 4];
    hi = Math.unsignedMultiplyHigh(a1, k[ko + 4]);
    ca0 += lo;
    cb0 += (lo >>> 32);
    ca1 += hi;
    cb1 += (hi >>> 32);
    lo = a2 * k[ko + 8];
    hi = Math.unsignedMultiplyHigh(a2, k[ko + 8]);
    ca0 += lo;
    cb0 += (lo >>> 32);
    ca1 += hi;
    cb1 += (hi >>> 32);
    lo = a3 * k[ko + 12];
    hi = Math.unsignedMultiplyHigh(a3, k[ko + 12]);
    ca0 += lo;
    cb0 += (lo >>> 32);
    ca1 += hi;
    cb1 += (hi >>> 32);
    lo = a0 * k[ko + 1];
    hi = Math.unsignedMultiplyHigh(a0, k[ko + 1]);
    ca1 += lo;
    cb1 += (lo >>> 32);
    long ca2 = hi;
    long cb2 = (hi >>> 32);
    lo = a1 * k[ko + 5];
    hi = Math.unsignedMultiplyHigh(a1, k[ko + 5]);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = a2 * k[ko + 9];
    hi = Math.unsignedMultiplyHigh(a2, k[ko + 9]);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = a3 * k[ko + 13];
    hi = Math.unsignedMultiplyHigh(a3, k[ko + 13]);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = a0 * k[ko + 2];
    hi = Math.unsignedMultiplyHigh(a0, k[ko + 2]);
    ca2 += lo;
    cb2 += (lo >>> 32);
    long ca3 = hi;
    long cb3 = (hi >>> 32);
    lo = a1 * k[ko + 6];
    hi = Math.unsignedMultiplyHigh(a1, k[ko + 6]);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = a2 * k[ko + 10];
    hi = Math.unsignedMultiplyHigh(a2, k[ko + 10]);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = a3 * k[ko + 14];
    hi = Math.unsignedMultiplyHigh(a3, k[ko + 14]);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = a0 * k[ko + 3];
    hi = Math.unsignedMultiplyHigh(a0, k[ko + 3]);
    ca3 += lo;
    cb3 += (lo >>> 32);
    long ca4 = hi;
    long cb4 = (hi >>> 32);
    lo = a1 * k[ko + 7];
    hi = Math.unsignedMultiplyHigh(a1, k[ko + 7]);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = a2 * k[ko + 11];
    hi = Math.unsignedMultiplyHigh(a2, k[ko + 11]);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = a3 * k[ko + 15];
    hi = Math.unsignedMultiplyHigh(a3, k[ko + 15]);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    // reduction: each quotient word cancels one low column
    lo = ca0 - (cb0 << 32);
    cy = (cb0 + (lo >>> 32)) >>> 32;
    long m0 = ca0 * inv;
    cy += Math.unsignedMultiplyHigh(m0, p0) + (ca0 != 0 ? 1 : 0);
    ca1 += cy;
    cb1 += (cy >>> 32);
    lo = m0 * p1;
    hi = Math.unsignedMultiplyHigh(m0, p1);
    ca1 += lo;
    cb1 += (lo >>> 32);
    ca2 += hi;
    cb2 += (hi >>> 32);
    lo = ca1 - (cb1 << 32);
    cy = (cb1 + (lo >>> 32)) >>> 32;
    long m1 = ca1 * inv;
    cy += Math.unsignedMultiplyHigh(m1, p0) + (ca1 != 0 ? 1 : 0);
    ca2 += cy;
    cb2 += (cy >>> 32);
    lo = m0 * p2;
    hi = Math.unsignedMultiplyHigh(m0, p2);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = m1 * p1;
    hi = Math.unsignedMultiplyHigh(m1, p1);
    ca2 += lo;
    cb2 += (lo >>> 32);
    ca3 += hi;
    cb3 += (hi >>> 32);
    lo = ca2 - (cb2 << 32);
    cy = (cb2 + (lo >>> 32)) >>> 32;
    ca3 += cy;
    cb3 += (cy >>> 32);
    lo = m0 * p3;
    hi = Math.unsignedMultiplyHigh(m0, p3);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = m1 * p2;
    hi = Math.unsignedMultiplyHigh(m1, p2);
    ca3 += lo;
    cb3 += (lo >>> 32);
    ca4 += hi;
    cb4 += (hi >>> 32);
    lo = ca3 - (cb3 << 32);
    cy = (cb3 + (lo >>> 32)) >>> 32;
    ca4 += cy;
    cb4 += (cy >>> 32);
    lo = m1 * p3;
    hi = Math.unsignedMultiplyHigh(m1, p3);
    ca4 += lo;
    cb4 += (lo >>> 32);
    long ca5 = hi;
    long cb5 = (hi >>> 32);
    lo = ca4 - (cb4 << 32);
    cy = (cb4 + (lo >>> 32)) >>> 32;
    ca5 += cy;
    cb5 += (cy >>> 32);
    r[ro + 0] = ca2;
    r[ro + 1] = ca3;
    r[ro + 2] = ca4;
    r[ro + 3] = ca5;
  }

  /**
   * The 16-limb table for {@link #mulConstLazy} of the element with Montgomery limbs {@code c}:
   * {@code K_j = c * 2^(64j) * 2^128 mod p} for {@code j = 0..3} (multiplying the Montgomery form
   * {@code xR} by the plain value of {@code c} gives the Montgomery form of the product).
   */
  long[] constantTable(long[] c, int co) {
    BigInteger mont = toBigInteger(c[co], c[co + 1], c[co + 2], c[co + 3]);
    BigInteger plain =
        mont.multiply(BigInteger.ONE.shiftLeft(256).modInverse(modulus)).mod(modulus);
    long[] k = new long[16];
    for (int j = 0; j < 4; j++) {
      long[] kj = limbs(plain.shiftLeft(64 * j + 128).mod(modulus));
      System.arraycopy(kj, 0, k, 4 * j, 4);
    }
    return k;
  }

  /** {@code r = a + b mod 2p}: inputs below {@code 2p}, result below {@code 2p}. */
  void addLazy(long[] r, int ro, long[] x, int xo, long[] y, int yo) {
    long a0 = x[xo];
    long a1 = x[xo + 1];
    long a2 = x[xo + 2];
    long a3 = x[xo + 3];
    long t0 = a0 + y[yo];
    long c = carry(t0, a0);
    long t1 = a1 + y[yo + 1];
    long c1 = carry(t1, a1);
    t1 += c;
    c = c1 | carry(t1, c);
    long t2 = a2 + y[yo + 2];
    long c2 = carry(t2, a2);
    t2 += c;
    c = c2 | carry(t2, c);
    long t3 = a3 + y[yo + 3] + c; // below 4p < 2^256
    subtractIfAtLeast(r, ro, t0, t1, t2, t3, q0, q1, q2, q3);
  }

  /** Brings a value below {@code 2p} into {@code [0, p)} in place. */
  void reduceOnce(long[] r, int ro) {
    subtractIfAtLeast(r, ro, r[ro], r[ro + 1], r[ro + 2], r[ro + 3], p0, p1, p2, p3);
  }

  /** {@code r = t >= m ? t - m : t}. */
  private static void subtractIfAtLeast(
      long[] r, int ro, long t0, long t1, long t2, long t3, long m0, long m1, long m2, long m3) {
    long d0 = t0 - m0;
    long bw = borrow(t0, m0, d0);
    long d1 = t1 - m1 - bw;
    bw = borrow(t1, m1, d1);
    long d2 = t2 - m2 - bw;
    bw = borrow(t2, m2, d2);
    long d3 = t3 - m3 - bw;
    bw = borrow(t3, m3, d3);
    long keep = -bw; // all ones when t < m
    r[ro] = (t0 & keep) | (d0 & ~keep);
    r[ro + 1] = (t1 & keep) | (d1 & ~keep);
    r[ro + 2] = (t2 & keep) | (d2 & ~keep);
    r[ro + 3] = (t3 & keep) | (d3 & ~keep);
  }

  // ---------------------------------------------------------------------------------------------
  // Canonical operations (inputs and outputs in [0, p))

  /** {@code r = a * b}, canonical. */
  void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    mulLazy(r, ro, a, ao, b, bo);
    reduceOnce(r, ro);
  }

  /** {@code r = a^2}, canonical. */
  void square(long[] r, int ro, long[] a, int ao) {
    squareLazy(r, ro, a, ao);
    reduceOnce(r, ro);
  }

  /** {@code r = a + b mod p}. */
  void add(
      long[] r, int ro, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long t0 = a0 + b0;
    long c = carry(t0, a0);
    long t1 = a1 + b1;
    long c1 = carry(t1, a1);
    t1 += c;
    c = c1 | carry(t1, c);
    long t2 = a2 + b2;
    long c2 = carry(t2, a2);
    t2 += c;
    c = c2 | carry(t2, c);
    long t3 = a3 + b3 + c; // no overflow: a + b < 2^255
    subtractIfAtLeast(r, ro, t0, t1, t2, t3, p0, p1, p2, p3);
  }

  /** {@code r = a - b mod p}. */
  void sub(
      long[] r, int ro, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long t0 = a0 - b0;
    long bw = borrow(a0, b0, t0);
    long t1 = a1 - b1 - bw;
    bw = borrow(a1, b1, t1);
    long t2 = a2 - b2 - bw;
    bw = borrow(a2, b2, t2);
    long t3 = a3 - b3 - bw;
    bw = borrow(a3, b3, t3);
    long mask = -bw; // add p back when the difference went negative
    long s0 = t0 + (p0 & mask);
    long c = carry(s0, t0);
    long s1 = t1 + (p1 & mask);
    long c1 = carry(s1, t1);
    s1 += c;
    c = c1 | carry(s1, c);
    long s2 = t2 + (p2 & mask);
    long c2 = carry(s2, t2);
    s2 += c;
    c = c2 | carry(s2, c);
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = t3 + (p3 & mask) + c;
  }

  /** {@code r = -a mod p}. */
  void neg(long[] r, int ro, long a0, long a1, long a2, long a3) {
    sub(r, ro, 0, 0, 0, 0, a0, a1, a2, a3);
  }

  /** Canonical limbs {@code a[ao..ao+3]} (below {@code p}) into Montgomery form at {@code r}. */
  void toMontgomery(long[] r, int ro, long[] a, int ao) {
    mul(r, ro, a, ao, r2, 0);
  }

  private static final long[] PLAIN_ONE = {1, 0, 0, 0};

  /** Montgomery form {@code a[ao..ao+3]} (below {@code 2p}) to canonical limbs at {@code r}. */
  void fromMontgomery(long[] r, int ro, long[] a, int ao) {
    mul(r, ro, a, ao, PLAIN_ONE, 0);
  }

  /** {@code r = a^e}, canonical, for a little-endian limb exponent (4-bit fixed window). */
  void pow(long[] r, int ro, long[] a, int ao, long[] e) {
    long[] table = new long[64]; // a^0 .. a^15
    System.arraycopy(one, 0, table, 0, 4);
    System.arraycopy(a, ao, table, 4, 4);
    for (int i = 2; i < 16; i++) {
      mul(table, 4 * i, table, 4 * (i - 1), a, ao);
    }
    long[] acc = {one[0], one[1], one[2], one[3]};
    boolean started = false;
    for (int i = e.length * 16 - 1; i >= 0; i--) {
      int nibble = (int) (e[i >>> 4] >>> (4 * (i & 15))) & 15;
      if (started) {
        for (int k = 0; k < 4; k++) {
          squareLazy(acc, 0, acc, 0);
        }
      }
      if (nibble != 0) {
        mulLazy(acc, 0, acc, 0, table, 4 * nibble);
        started = true;
      }
    }
    reduceOnce(acc, 0);
    System.arraycopy(acc, 0, r, ro, 4);
  }

  /** {@code r = a^-1} by Fermat's little theorem; the caller rejects zero. */
  void inverse(long[] r, int ro, long[] a, int ao) {
    pow(r, ro, a, ao, pMinus2);
  }

  static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  /** For canonical limbs. */
  boolean isOne(long[] a, int ao) {
    return a[ao] == one[0] && a[ao + 1] == one[1] && a[ao + 2] == one[2] && a[ao + 3] == one[3];
  }

  /**
   * A square root of canonical {@code a} by Tonelli-Shanks, written canonically to {@code r};
   * returns false (leaving {@code r} unspecified) when {@code a} is a non-residue.
   */
  boolean sqrt(long[] r, int ro, long[] a, int ao) {
    if (isZero(a, ao)) {
      r[ro] = 0;
      r[ro + 1] = 0;
      r[ro + 2] = 0;
      r[ro + 3] = 0;
      return true;
    }
    long[] t = new long[4];
    pow(t, 0, a, ao, legendreExponent);
    if (!isOne(t, 0)) {
      return false;
    }
    // w = a^((q-1)/2); x = a * w = a^((q+1)/2); b = x * w = a^q
    long[] w = new long[4];
    pow(w, 0, a, ao, qMinus1Over2);
    long[] x = new long[4];
    mul(x, 0, a, ao, w, 0);
    long[] b = new long[4];
    mul(b, 0, x, 0, w, 0);
    long[] z = rootOfUnity.clone();
    int v = twoAdicity;
    while (!isOne(b, 0)) {
      int k = 0; // least k with b^(2^k) = 1
      System.arraycopy(b, 0, t, 0, 4);
      while (!isOne(t, 0)) {
        square(t, 0, t, 0);
        k++;
      }
      System.arraycopy(z, 0, w, 0, 4); // w = z^(2^(v-k-1))
      for (int i = 0; i < v - k - 1; i++) {
        square(w, 0, w, 0);
      }
      square(z, 0, w, 0);
      mul(b, 0, b, 0, z, 0);
      mul(x, 0, x, 0, w, 0);
      v = k;
    }
    System.arraycopy(x, 0, r, ro, 4);
    return true;
  }
}
