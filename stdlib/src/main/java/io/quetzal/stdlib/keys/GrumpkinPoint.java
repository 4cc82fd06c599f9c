package io.quetzal.stdlib.keys;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.util.List;
import java.util.Objects;

/**
 * An affine point of the Grumpkin curve {@code y^2 = x^3 - 17} over the BN254 scalar field, or the
 * point at infinity. Fields: {@code [x, y, isInfinite]} (the official {@code Point.toFields}).
 *
 * @param x the x coordinate (zero at infinity)
 * @param y the y coordinate (zero at infinity)
 * @param isInfinite whether this is the point at infinity
 */
public record GrumpkinPoint(Fr x, Fr y, boolean isInfinite) implements FieldSerializable {
  public static final GrumpkinPoint INFINITY = new GrumpkinPoint(Fr.ZERO, Fr.ZERO, true);

  public GrumpkinPoint {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
  }

  public static GrumpkinPoint of(Fr x, Fr y) {
    return new GrumpkinPoint(x, y, false);
  }

  /** Whether both coordinates are zero (the official {@code isZero}). */
  public boolean isZero() {
    return x.isZero() && y.isZero();
  }

  /** Whether the point satisfies the curve equation (infinity counts as on the curve). */
  public boolean isOnCurve() {
    return isInfinite || y.square().equals(x.square().mul(x).sub(Fr.ofLong(17)));
  }

  @Override
  public List<Fr> toFields() {
    return List.of(x, y, isInfinite ? Fr.ONE : Fr.ZERO);
  }
}
