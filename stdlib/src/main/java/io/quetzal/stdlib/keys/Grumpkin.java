package io.quetzal.stdlib.keys;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Grumpkin arithmetic: the curve {@code y^2 = x^3 - 17} whose base field is the BN254 scalar field
 * ({@link Fr}) and whose group order is the BN254 base field modulus (so scalars are {@link Fq}).
 * Internally Jacobian coordinates; not constant-time (used for public derivations, not for signing
 * secrets in adversarial settings). Stateless and thread-safe.
 */
public final class Grumpkin {
  private static final Fr B = Fr.ofLong(17).neg();

  /** The generator {@code (1, sqrt(-16))} used by barretenberg. */
  public static final GrumpkinPoint GENERATOR =
      GrumpkinPoint.of(
          Fr.ONE,
          Fr.fromHexString("0x0000000000000002cf135e7506a45d632d270d45f1181294833fc48d823f272c"));

  private Grumpkin() {}

  /** {@code scalar * point}. */
  public static GrumpkinPoint mul(GrumpkinPoint point, Fq scalar) {
    return mul(point, scalar.toBigInteger());
  }

  /** {@code scalar * point} for a non-negative integer scalar. */
  public static GrumpkinPoint mul(GrumpkinPoint point, BigInteger scalar) {
    if (scalar.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    Jac p = Jac.of(point);
    Jac acc = Jac.INF;
    for (int i = scalar.bitLength() - 1; i >= 0; i--) {
      acc = acc.dbl();
      if (scalar.testBit(i)) {
        acc = acc.add(p);
      }
    }
    return acc.toAffine();
  }

  /** {@code a + b}. */
  public static GrumpkinPoint add(GrumpkinPoint a, GrumpkinPoint b) {
    return Jac.of(a).add(Jac.of(b)).toAffine();
  }

  /**
   * A y with {@code y^2 = x^3 - 17}, if {@code x} is on the curve (the root {@code sqrt} gives).
   */
  public static Optional<Fr> yFromX(Fr x) {
    return x.square().mul(x).add(B).sqrt();
  }

  /** Jacobian point (X/Z^2, Y/Z^3); Z = 0 is infinity. */
  private record Jac(Fr x, Fr y, Fr z) {
    static final Jac INF = new Jac(Fr.ONE, Fr.ONE, Fr.ZERO);

    static Jac of(GrumpkinPoint p) {
      return p.isInfinite() ? INF : new Jac(p.x(), p.y(), Fr.ONE);
    }

    boolean isInf() {
      return z.isZero();
    }

    Jac dbl() {
      if (isInf() || y.isZero()) {
        return INF;
      }
      Fr a = x.square();
      Fr b = y.square();
      Fr c = b.square();
      Fr d = x.add(b).square().sub(a).sub(c);
      d = d.add(d);
      Fr e = a.add(a).add(a);
      Fr f = e.square();
      Fr x3 = f.sub(d).sub(d);
      Fr c8 = c.add(c);
      c8 = c8.add(c8);
      c8 = c8.add(c8);
      Fr y3 = e.mul(d.sub(x3)).sub(c8);
      Fr yz = y.mul(z);
      return new Jac(x3, y3, yz.add(yz));
    }

    Jac add(Jac o) {
      if (isInf()) {
        return o;
      }
      if (o.isInf()) {
        return this;
      }
      Fr z1z1 = z.square();
      Fr z2z2 = o.z.square();
      Fr u1 = x.mul(z2z2);
      Fr u2 = o.x.mul(z1z1);
      Fr s1 = y.mul(o.z).mul(z2z2);
      Fr s2 = o.y.mul(z).mul(z1z1);
      if (u1.equals(u2)) {
        return s1.equals(s2) ? dbl() : INF;
      }
      Fr h = u2.sub(u1);
      Fr i = h.add(h).square();
      Fr j = h.mul(i);
      Fr r = s2.sub(s1);
      r = r.add(r);
      Fr v = u1.mul(i);
      Fr x3 = r.square().sub(j).sub(v).sub(v);
      Fr s1j = s1.mul(j);
      Fr y3 = r.mul(v.sub(x3)).sub(s1j).sub(s1j);
      Fr z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
      return new Jac(x3, y3, z3);
    }

    GrumpkinPoint toAffine() {
      if (isInf()) {
        return GrumpkinPoint.INFINITY;
      }
      Fr zi = z.inverse();
      Fr zi2 = zi.square();
      return GrumpkinPoint.of(x.mul(zi2), y.mul(zi2).mul(zi));
    }
  }
}
