package io.quetzal.stdlib.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.foundation.field.Fq;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Group laws of the Grumpkin implementation. */
class GrumpkinPropertiesTest {
  @Test
  void scalarMultiplicationDistributes() {
    Property.forAll(
        "(a+b)G = aG + bG",
        40,
        r ->
            new Fq[] {
              Fq.fromBytesReduce(Property.bytes(r, 32)), Fq.fromBytesReduce(Property.bytes(r, 32))
            },
        ab -> {
          GrumpkinPoint a = Grumpkin.mul(Grumpkin.GENERATOR, ab[0]);
          GrumpkinPoint b = Grumpkin.mul(Grumpkin.GENERATOR, ab[1]);
          assertThat(a.isOnCurve()).isTrue();
          assertThat(Grumpkin.add(a, b))
              .isEqualTo(Grumpkin.mul(Grumpkin.GENERATOR, ab[0].add(ab[1])));
          assertThat(Grumpkin.add(a, a)).isEqualTo(Grumpkin.mul(a, BigInteger.TWO));
        });
  }

  @Test
  void groupOrderIsTheBaseFieldModulus() {
    assertThat(Grumpkin.mul(Grumpkin.GENERATOR, Fq.MODULUS)).isEqualTo(GrumpkinPoint.INFINITY);
    assertThat(Grumpkin.mul(Grumpkin.GENERATOR, BigInteger.ZERO)).isEqualTo(GrumpkinPoint.INFINITY);
    assertThat(Grumpkin.add(Grumpkin.GENERATOR, GrumpkinPoint.INFINITY))
        .isEqualTo(Grumpkin.GENERATOR);
    GrumpkinPoint minusG = GrumpkinPoint.of(Grumpkin.GENERATOR.x(), Grumpkin.GENERATOR.y().neg());
    assertThat(Grumpkin.add(Grumpkin.GENERATOR, minusG)).isEqualTo(GrumpkinPoint.INFINITY);
    assertThat(Grumpkin.yFromX(Grumpkin.GENERATOR.x())).isPresent();
  }
}
