package io.quetzal.ethereum.bn254;

import io.quetzal.foundation.field.Fq;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An element {@code c0 + c1·u} of F<sub>q²</sub> = F<sub>q</sub>[u]/(u² + 1), the field of BN254's
 * G2 coordinates ({@code c0} is the "real" part, noble's {@code c0}). Immutable; BigInteger
 * arithmetic (only a few hundred operations per key, so speed does not matter here).
 */
public record Fq2(BigInteger c0, BigInteger c1) {
  /** The base field modulus q. */
  public static final BigInteger Q = Fq.MODULUS;

  public static final Fq2 ZERO = new Fq2(BigInteger.ZERO, BigInteger.ZERO);
  public static final Fq2 ONE = new Fq2(BigInteger.ONE, BigInteger.ZERO);

  public Fq2 {
    Objects.requireNonNull(c0, "c0");
    Objects.requireNonNull(c1, "c1");
    if (c0.signum() < 0 || c0.compareTo(Q) >= 0 || c1.signum() < 0 || c1.compareTo(Q) >= 0) {
      throw new IllegalArgumentException("Fq2 coefficients must be in [0, q)");
    }
  }

  /** {@code c0 + c1·u} from any integers, reduced mod q. */
  public static Fq2 of(BigInteger c0, BigInteger c1) {
    return new Fq2(c0.mod(Q), c1.mod(Q));
  }

  public Fq2 add(Fq2 o) {
    return of(c0.add(o.c0), c1.add(o.c1));
  }

  public Fq2 subtract(Fq2 o) {
    return of(c0.subtract(o.c0), c1.subtract(o.c1));
  }

  public Fq2 negate() {
    return of(c0.negate(), c1.negate());
  }

  /** (a0 + a1u)(b0 + b1u) = (a0b0 − a1b1) + (a0b1 + a1b0)u. */
  public Fq2 multiply(Fq2 o) {
    return of(
        c0.multiply(o.c0).subtract(c1.multiply(o.c1)), c0.multiply(o.c1).add(c1.multiply(o.c0)));
  }

  public Fq2 multiply(BigInteger k) {
    return of(c0.multiply(k), c1.multiply(k));
  }

  public Fq2 square() {
    return multiply(this);
  }

  /** 1/(a0 + a1u) = (a0 − a1u)/(a0² + a1²). */
  public Fq2 inverse() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero in Fq2");
    }
    BigInteger norm = c0.multiply(c0).add(c1.multiply(c1)).mod(Q);
    BigInteger inv = norm.modInverse(Q);
    return of(c0.multiply(inv), c1.negate().multiply(inv));
  }

  public boolean isZero() {
    return c0.signum() == 0 && c1.signum() == 0;
  }
}
