package io.quetzal.ethereum.bn254;

import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An affine point of BN254's G2 (the sextic twist {@code y² = x³ + 3/(9+u)} over F<sub>q²</sub>),
 * or the point at infinity. Used to compute a validator's BLS public key in G2, {@code sk·G2}: the
 * one value of the registration tuple the official deployer computes off-chain (the EVM has no G2
 * precompile); G1 key and proof of possession are derived on L1 from the secret key.
 *
 * <p>Immutable. Plain affine double-and-add over BigIntegers, not constant-time: use it for local
 * networks and tests, not for keys that guard real value.
 */
public final class G2Point {
  /** The twist's b: 3/(9+u). */
  public static final Fq2 B =
      Fq2.of(BigInteger.valueOf(3), BigInteger.ZERO)
          .multiply(Fq2.of(BigInteger.valueOf(9), BigInteger.ONE).inverse());

  /** The standard generator (EIP-197). */
  public static final G2Point GENERATOR =
      new G2Point(
          Fq2.of(
              new BigInteger(
                  "10857046999023057135944570762232829481370756359578518086990519993285655852781"),
              new BigInteger(
                  "11559732032986387107991004021392285783925812861821192530917403151452391805634")),
          Fq2.of(
              new BigInteger(
                  "8495653923123431417604973247489272438418190587263600148770280649306958101930"),
              new BigInteger(
                  "4082367875863433681332203403145435568316851327593401208105741076214120093531")),
          false);

  /** The point at infinity. */
  public static final G2Point INFINITY = new G2Point(Fq2.ZERO, Fq2.ZERO, true);

  private final Fq2 x;
  private final Fq2 y;
  private final boolean infinity;

  private G2Point(Fq2 x, Fq2 y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** An affine point; throws when it is not on the curve. */
  public static G2Point of(Fq2 x, Fq2 y) {
    G2Point p = new G2Point(Objects.requireNonNull(x), Objects.requireNonNull(y), false);
    if (!p.isOnCurve()) {
      throw new IllegalArgumentException("point is not on the BN254 G2 twist");
    }
    return p;
  }

  public Fq2 x() {
    requireFinite();
    return x;
  }

  public Fq2 y() {
    requireFinite();
    return y;
  }

  public boolean isInfinity() {
    return infinity;
  }

  /** y² = x³ + b. */
  public boolean isOnCurve() {
    return infinity || y.square().equals(x.square().multiply(x).add(B));
  }

  public G2Point negate() {
    return infinity ? this : new G2Point(x, y.negate(), false);
  }

  public G2Point add(G2Point o) {
    if (infinity) {
      return o;
    }
    if (o.infinity) {
      return this;
    }
    if (x.equals(o.x)) {
      return y.equals(o.y) ? twice() : INFINITY;
    }
    Fq2 lambda = o.y.subtract(y).multiply(o.x.subtract(x).inverse());
    Fq2 x3 = lambda.square().subtract(x).subtract(o.x);
    Fq2 y3 = lambda.multiply(x.subtract(x3)).subtract(y);
    return new G2Point(x3, y3, false);
  }

  public G2Point twice() {
    if (infinity || y.isZero()) {
      return INFINITY;
    }
    Fq2 lambda =
        x.square().multiply(BigInteger.valueOf(3)).multiply(y.multiply(BigInteger.TWO).inverse());
    Fq2 x3 = lambda.square().subtract(x.multiply(BigInteger.TWO));
    Fq2 y3 = lambda.multiply(x.subtract(x3)).subtract(y);
    return new G2Point(x3, y3, false);
  }

  /** {@code k·this} for k ≥ 0 (left-to-right double-and-add). */
  public G2Point multiply(BigInteger k) {
    if (k.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    G2Point acc = INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = acc.twice();
      if (k.testBit(i)) {
        acc = acc.add(this);
      }
    }
    return acc;
  }

  /** {@code sk·G2}: a BN254 secret key's G2 public key. */
  public static G2Point publicKey(Fr secretKey) {
    if (secretKey.equals(Fr.ZERO)) {
      throw new IllegalArgumentException("the secret key must not be zero");
    }
    return GENERATOR.multiply(secretKey.toBigInteger());
  }

  private void requireFinite() {
    if (infinity) {
      throw new IllegalStateException("the point at infinity has no affine coordinates");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point p
        && infinity == p.infinity
        && (infinity || (x.equals(p.x) && y.equals(p.y)));
  }

  @Override
  public int hashCode() {
    return infinity ? 0 : Objects.hash(x, y);
  }

  @Override
  public String toString() {
    return infinity ? "G2(infinity)" : "G2(" + x + ", " + y + ")";
  }
}
