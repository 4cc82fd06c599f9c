package io.quetzal.ethereum.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.TestResources;
import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** BN254 G2 against noble (the official deployer's library) and the group laws. */
class G2PointTest {
  @Test
  void publicKeysMatchNoble() {
    JsonNode vs = TestResources.json("bn254/g2-vectors.json").get("vectors");
    assertThat(vs.size()).isEqualTo(4);
    for (JsonNode v : vs) {
      G2Point p = G2Point.publicKey(Fr.fromBigInteger(new BigInteger(v.get("sk").asText())));
      String at = "sk " + v.get("sk").asText();
      assertThat(p.x().c0()).as(at).isEqualTo(new BigInteger(v.get("x0").asText()));
      assertThat(p.x().c1()).as(at).isEqualTo(new BigInteger(v.get("x1").asText()));
      assertThat(p.y().c0()).as(at).isEqualTo(new BigInteger(v.get("y0").asText()));
      assertThat(p.y().c1()).as(at).isEqualTo(new BigInteger(v.get("y1").asText()));
    }
  }

  @Test
  void generatorIsOnTheTwistAndHasOrderR() {
    assertThat(G2Point.GENERATOR.isOnCurve()).isTrue();
    assertThat(G2Point.GENERATOR.multiply(Fr.MODULUS).isInfinity()).isTrue();
    assertThat(G2Point.GENERATOR.multiply(Fr.MODULUS.subtract(BigInteger.ONE)))
        .isEqualTo(G2Point.GENERATOR.negate());
  }

  @Test
  void scalarMultiplicationIsLinear() {
    Property.forAll(
        "(a+b)G = aG + bG, on the curve",
        12,
        r ->
            new BigInteger[] {
              new BigInteger(254, new java.util.Random(r.nextLong())),
              new BigInteger(254, new java.util.Random(r.nextLong()))
            },
        in -> {
          G2Point a = G2Point.GENERATOR.multiply(in[0]);
          G2Point b = G2Point.GENERATOR.multiply(in[1]);
          G2Point sum = G2Point.GENERATOR.multiply(in[0].add(in[1]));
          assertThat(a.isOnCurve()).isTrue();
          assertThat(a.add(b)).isEqualTo(sum);
          assertThat(a.add(a)).isEqualTo(a.twice());
          assertThat(a.add(a.negate()).isInfinity()).isTrue();
        });
  }

  @Test
  void rejectsPointsOffTheCurveAndZeroKeys() {
    assertThatThrownBy(() -> G2Point.of(Fq2.ONE, Fq2.ONE)).hasMessageContaining("not on the");
    assertThatThrownBy(() -> G2Point.publicKey(Fr.ZERO)).hasMessageContaining("zero");
    assertThatThrownBy(Fq2.ZERO::inverse).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void fq2InverseIsAnInverse() {
    Property.forAll(
        "x · x⁻¹ = 1 in Fq2",
        100,
        r ->
            Fq2.of(
                new BigInteger(254, new java.util.Random(r.nextLong())),
                new BigInteger(254, new java.util.Random(r.nextLong())).add(BigInteger.ONE)),
        x -> assertThat(x.multiply(x.inverse())).isEqualTo(Fq2.ONE));
  }
}
