package io.quetzal.foundation.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Montgomery limb arithmetic of Fr and Fq against BigInteger, on random and edge values. */
class FieldPropertiesTest {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger P = Fq.MODULUS;

  private static Arbitrary<BigInteger> below(BigInteger m) {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    Arbitrary<BigInteger> edges =
        Arbitraries.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            m.subtract(BigInteger.ONE),
            m.subtract(BigInteger.TWO),
            m.shiftRight(1),
            m.shiftRight(1).add(BigInteger.ONE),
            two64.subtract(BigInteger.ONE),
            two64,
            BigInteger.ONE.shiftLeft(128),
            BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(253));
    Arbitrary<BigInteger> uniform =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, m.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> smallish = Arbitraries.bigIntegers().between(BigInteger.ZERO, two64);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, edges),
        net.jqwik.api.Tuple.of(7, uniform),
        net.jqwik.api.Tuple.of(1, smallish));
  }

  @Provide
  Arbitrary<BigInteger> frValues() {
    return below(R);
  }

  @Provide
  Arbitrary<BigInteger> fqValues() {
    return below(P);
  }

  @Property(tries = 2000, seed = "10")
  void frMatchesBigInteger(@ForAll("frValues") BigInteger a, @ForAll("frValues") BigInteger b) {
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
  }

  @Property(tries = 2000, seed = "11")
  void fqMatchesBigInteger(@ForAll("fqValues") BigInteger a, @ForAll("fqValues") BigInteger b) {
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
  }

  @Property(tries = 300, seed = "12")
  void frSqrtMatchesEulerCriterion(@ForAll("frValues") BigInteger a) {
    checkSqrt(Fr.fromBigInteger(a).sqrt().map(Fr::toBigInteger), a, R);
  }

  @Property(tries = 300, seed = "13")
  void fqSqrtMatchesEulerCriterion(@ForAll("fqValues") BigInteger a) {
    checkSqrt(Fq.fromBigInteger(a).sqrt().map(Fq::toBigInteger), a, P);
  }

  @Property(tries = 300, seed = "14")
  void squaresAlwaysHaveRoots(@ForAll("frValues") BigInteger a, @ForAll("fqValues") BigInteger b) {
    Fr x = Fr.fromBigInteger(a);
    assertThat(x.square().sqrt().map(Fr::square)).contains(x.square());
    Fq y = Fq.fromBigInteger(b);
    assertThat(y.square().sqrt().map(Fq::square)).contains(y.square());
  }

  private static void checkSqrt(Optional<BigInteger> root, BigInteger a, BigInteger m) {
    boolean residue =
        a.signum() == 0
            || a.modPow(m.subtract(BigInteger.ONE).shiftRight(1), m).equals(BigInteger.ONE);
    assertThat(root.isPresent()).isEqualTo(residue);
    root.ifPresent(r -> assertThat(r.multiply(r).mod(m)).isEqualTo(a));
  }

  @Property(tries = 300, seed = "15")
  void powMatchesModPow(
      @ForAll("frValues") BigInteger a,
      @ForAll("fqValues") BigInteger b,
      @ForAll("frValues") BigInteger e) {
    assertThat(Fr.fromBigInteger(a).pow(e).toBigInteger()).isEqualTo(a.modPow(e, R));
    assertThat(Fq.fromBigInteger(b).pow(e).toBigInteger()).isEqualTo(b.modPow(e, P));
  }

  @Property(tries = 1000, seed = "16")
  void encodingsRoundTrip(@ForAll("frValues") BigInteger a, @ForAll("fqValues") BigInteger b) {
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
  }

  @Property(tries = 500, seed = "17")
  void strictDecodingRejectsValuesAtOrAboveTheModulus(
      @ForAll("frValues") BigInteger a, @ForAll("fqValues") BigInteger b) {
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
