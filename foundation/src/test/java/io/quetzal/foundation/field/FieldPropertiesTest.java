package io.quetzal.foundation.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Montgomery limb arithmetic of Fr and Fq against BigInteger, on random and edge values. */
class FieldPropertiesTest {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger P = Fq.MODULUS;

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** Edge values below {@code m}: 0, 1, 2, m - 1, m - 2, m/2, m/2 + 1 and limb boundaries. */
  private static List<BigInteger> edges(BigInteger m) {
    return List.of(
        BigInteger.ZERO,
        BigInteger.ONE,
        BigInteger.TWO,
        m.subtract(BigInteger.ONE),
        m.subtract(BigInteger.TWO),
        m.shiftRight(1),
        m.shiftRight(1).add(BigInteger.ONE),
        TWO_64.subtract(BigInteger.ONE),
        TWO_64,
        BigInteger.ONE.shiftLeft(128),
        BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(253));
  }

  private static final List<BigInteger> FR_EDGES = edges(R);
  private static final List<BigInteger> FQ_EDGES = edges(P);

  /**
   * A value below {@code m}: an edge value 2 times in 10, uniform in [0, m) 7 times in 10, uniform
   * in [0, 2^64] once in 10.
   */
  private static BigInteger below(SplittableRandom r, BigInteger m, List<BigInteger> edges) {
    int roll = r.nextInt(10);
    if (roll < 2) {
      return edges.get(r.nextInt(edges.size()));
    } else if (roll < 9) {
      return Property.uniformBelow(r, m);
    } else {
      return Property.uniformBelow(r, TWO_64.add(BigInteger.ONE));
    }
  }

  private static BigInteger fr(SplittableRandom r) {
    return below(r, R, FR_EDGES);
  }

  private static BigInteger fq(SplittableRandom r) {
    return below(r, P, FQ_EDGES);
  }

  record Pair(BigInteger a, BigInteger b) {}

  record Triple(BigInteger a, BigInteger b, BigInteger e) {}

  /** Every pair of edge values: the first from {@code as}, the second from {@code bs}. */
  private static List<Pair> edgePairs(List<BigInteger> as, List<BigInteger> bs) {
    List<Pair> pairs = new ArrayList<>();
    for (BigInteger a : as) {
      for (BigInteger b : bs) {
        pairs.add(new Pair(a, b));
      }
    }
    return pairs;
  }

  /** Runs {@code check} on every edge pair, then on {@code trials} random pairs. */
  private static void forAllPairs(
      String name,
      int trials,
      List<BigInteger> aEdges,
      Function<SplittableRandom, BigInteger> a,
      List<BigInteger> bEdges,
      Function<SplittableRandom, BigInteger> b,
      Consumer<Pair> check) {
    List<Pair> edges = edgePairs(aEdges, bEdges);
    Property.forAll(
        name,
        edges.size() + trials,
        Property.edgesThen(edges, r -> new Pair(a.apply(r), b.apply(r))),
        check);
  }

  @Test
  void frMatchesBigInteger() {
    forAllPairs(
        "Fr matches BigInteger",
        2000,
        FR_EDGES,
        FieldPropertiesTest::fr,
        FR_EDGES,
        FieldPropertiesTest::fr,
        p -> {
          BigInteger a = p.a();
          BigInteger b = p.b();
          Fr x = Fr.fromBigInteger(a);
          Fr y = Fr.fromBigInteger(b);
          assertThat(x.toBigInteger()).isEqualTo(a);
          assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(R));
          assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(R));
          assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(R));
          assertThat(x.square().toBigInteger()).isEqualTo(a.multiply(a).mod(R));
          assertThat(x.neg().toBigInteger()).isEqualTo(a.negate().mod(R));
          assertThat(x.compareTo(y)).isEqualTo(Integer.signum(a.compareTo(b)));
          assertThat(x.equals(y)).isEqualTo(a.equals(b));
          if (a.equals(b)) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
          }
          if (a.signum() == 0) {
            assertThatThrownBy(x::inverse).isInstanceOf(ArithmeticException.class);
          } else {
            assertThat(x.inverse().toBigInteger()).isEqualTo(a.modInverse(R));
          }
        });
  }

  @Test
  void fqMatchesBigInteger() {
    forAllPairs(
        "Fq matches BigInteger",
        2000,
        FQ_EDGES,
        FieldPropertiesTest::fq,
        FQ_EDGES,
        FieldPropertiesTest::fq,
        p -> {
          BigInteger a = p.a();
          BigInteger b = p.b();
          Fq x = Fq.fromBigInteger(a);
          Fq y = Fq.fromBigInteger(b);
          assertThat(x.toBigInteger()).isEqualTo(a);
          assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(P));
          assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
          assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
          assertThat(x.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
          assertThat(x.neg().toBigInteger()).isEqualTo(a.negate().mod(P));
          assertThat(x.compareTo(y)).isEqualTo(Integer.signum(a.compareTo(b)));
          if (a.signum() == 0) {
            assertThatThrownBy(x::inverse).isInstanceOf(ArithmeticException.class);
          } else {
            assertThat(x.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
          }
        });
  }

  @Test
  void frSqrtMatchesEulerCriterion() {
    Property.forAll(
        "Fr sqrt matches Euler's criterion",
        FR_EDGES.size() + 300,
        Property.edgesThen(FR_EDGES, FieldPropertiesTest::fr),
        a -> checkSqrt(Fr.fromBigInteger(a).sqrt().map(Fr::toBigInteger), a, R));
  }

  @Test
  void fqSqrtMatchesEulerCriterion() {
    Property.forAll(
        "Fq sqrt matches Euler's criterion",
        FQ_EDGES.size() + 300,
        Property.edgesThen(FQ_EDGES, FieldPropertiesTest::fq),
        a -> checkSqrt(Fq.fromBigInteger(a).sqrt().map(Fq::toBigInteger), a, P));
  }

  @Test
  void squaresAlwaysHaveRoots() {
    forAllPairs(
        "squares always have roots",
        300,
        FR_EDGES,
        FieldPropertiesTest::fr,
        FQ_EDGES,
        FieldPropertiesTest::fq,
        p -> {
          Fr x = Fr.fromBigInteger(p.a());
          assertThat(x.square().sqrt().map(Fr::square)).contains(x.square());
          Fq y = Fq.fromBigInteger(p.b());
          assertThat(y.square().sqrt().map(Fq::square)).contains(y.square());
        });
  }

  private static void checkSqrt(Optional<BigInteger> root, BigInteger a, BigInteger m) {
    boolean residue =
        a.signum() == 0
            || a.modPow(m.subtract(BigInteger.ONE).shiftRight(1), m).equals(BigInteger.ONE);
    assertThat(root.isPresent()).isEqualTo(residue);
    root.ifPresent(r -> assertThat(r.multiply(r).mod(m)).isEqualTo(a));
  }

  @Test
  void powMatchesModPow() {
    List<Triple> edges = new ArrayList<>();
    for (Pair p : edgePairs(FR_EDGES, FQ_EDGES)) {
      for (BigInteger e : FR_EDGES) {
        edges.add(new Triple(p.a(), p.b(), e));
      }
    }
    Property.forAll(
        "pow matches modPow",
        edges.size() + 300,
        Property.edgesThen(edges, r -> new Triple(fr(r), fq(r), fr(r))),
        t -> {
          BigInteger a = t.a();
          BigInteger b = t.b();
          BigInteger e = t.e();
          assertThat(Fr.fromBigInteger(a).pow(e).toBigInteger()).isEqualTo(a.modPow(e, R));
          assertThat(Fq.fromBigInteger(b).pow(e).toBigInteger()).isEqualTo(b.modPow(e, P));
        });
  }

  @Test
  void encodingsRoundTrip() {
    forAllPairs(
        "encodings round-trip",
        1000,
        FR_EDGES,
        FieldPropertiesTest::fr,
        FQ_EDGES,
        FieldPropertiesTest::fq,
        p -> {
          BigInteger a = p.a();
          BigInteger b = p.b();
          Fr x = Fr.fromBigInteger(a);
          assertThat(Fr.fromBytes(x.toBytes())).isEqualTo(x);
          assertThat(new BigInteger(1, x.toBytes())).isEqualTo(a);
          assertThat(Fr.fromHexString(x.toString())).isEqualTo(x);
          assertThat(Fr.fromString(x.toString())).isEqualTo(x);
          assertThat(Fr.fromString(a.toString())).isEqualTo(x);
          assertThat(x.toString()).hasSize(66).startsWith("0x").isLowerCase();
          byte[] buf = new byte[40];
          x.writeTo(buf, 5);
          assertThat(Fr.fromBytes(buf, 5)).isEqualTo(x);
          long[] limbs = new long[6];
          x.writeMontgomeryLimbs(limbs, 2);
          assertThat(Fr.fromMontgomeryLimbs(limbs, 2)).isEqualTo(x);
          if (a.bitLength() < 64) {
            assertThat(x.toLongExact()).isEqualTo(a.longValueExact());
            assertThat(Fr.ofLong(a.longValueExact())).isEqualTo(x);
          } else {
            assertThatThrownBy(x::toLongExact).isInstanceOf(ArithmeticException.class);
          }
          Fq y = Fq.fromBigInteger(b);
          assertThat(Fq.fromBytes(y.toBytes())).isEqualTo(y);
          assertThat(Fq.fromHexString(y.toString())).isEqualTo(y);
          assertThat(y.toBigInteger()).isEqualTo(b);
        });
  }

  @Test
  void strictDecodingRejectsValuesAtOrAboveTheModulus() {
    forAllPairs(
        "strict decoding rejects values at or above the modulus",
        500,
        FR_EDGES,
        FieldPropertiesTest::fr,
        FQ_EDGES,
        FieldPropertiesTest::fq,
        p -> {
          BigInteger a = p.a();
          BigInteger b = p.b();
          BigInteger above = a.add(R);
          if (above.bitLength() <= 256) {
            byte[] be = toBytes32(above);
            assertThatThrownBy(() -> Fr.fromBytes(be)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Fr.fromBytesReduce(be).toBigInteger()).isEqualTo(a);
            assertThatThrownBy(() -> Fr.fromBigInteger(above))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Fr.fromHexString("0x" + above.toString(16)))
                .isInstanceOf(IllegalArgumentException.class);
          }
          BigInteger aboveQ = b.add(P);
          if (aboveQ.bitLength() <= 256) {
            assertThatThrownBy(() -> Fq.fromBytes(toBytes32(aboveQ)))
                .isInstanceOf(IllegalArgumentException.class);
          }
        });
  }

  private static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  @Test
  void constantsAndEdgeCases() {
    assertThat(Fr.ZERO.isZero()).isTrue();
    assertThat(Fr.ONE.toBigInteger()).isOne();
    assertThat(Fr.SIZE_IN_BYTES).isEqualTo(32);
    assertThat(Fr.MAX_FIELD_VALUE.add(Fr.ONE)).isEqualTo(Fr.ZERO);
    assertThat(Fq.MAX_FIELD_VALUE.add(Fq.ONE)).isEqualTo(Fq.ZERO);
    assertThat(Fr.ZERO.toString())
        .isEqualTo("0x0000000000000000000000000000000000000000000000000000000000000000");
    assertThat(Fr.ofLong(Long.MAX_VALUE).toLongExact()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Fr.ofLong(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fr.fromBigInteger(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fr.fromBytes(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fr.fromBytes(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fr.fromBytes(new byte[40], 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Fr.ZERO.pow(BigInteger.ZERO)).isEqualTo(Fr.ONE);
    assertThat(Fr.ofLong(3).pow(5)).isEqualTo(Fr.ofLong(243));
    assertThat(Fr.ZERO.sqrt()).contains(Fr.ZERO);
    // -1 is a non-residue in Fq (p = 3 mod 4) but a residue in Fr (r = 1 mod 4)
    assertThat(Fq.ONE.neg().sqrt()).isEmpty();
    assertThat(Fr.ONE.neg().sqrt().map(Fr::square)).contains(Fr.ONE.neg());
  }
}
