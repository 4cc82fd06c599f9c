package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native kernel against the pure-Java reference on random inputs, for every build variant this
 * CPU can run (so the portable {@code __int128} and the MULX/ADC builds are exercised on an IFMA
 * machine too), and the public routing API against the reference.
 */
class NativePoseidon2DifferentialTest {
  private static final BigInteger R = Fr.MODULUS;

  /** Edge values and uniform ones, 1 in 4 an edge. */
  static Fr field(SplittableRandom rnd) {
    if (rnd.nextInt(4) == 0) {
      return switch (rnd.nextInt(7)) {
        case 0 -> Fr.ZERO;
        case 1 -> Fr.ONE;
        case 2 -> Fr.MAX_FIELD_VALUE;
        case 3 -> Fr.fromBigInteger(R.subtract(BigInteger.TWO));
        case 4 -> Fr.fromBigInteger(R.shiftRight(1));
        case 5 -> Fr.fromBigInteger(BigInteger.ONE.shiftLeft(253));
        default -> Fr.fromBigInteger(BigInteger.ONE.shiftLeft(64 * rnd.nextInt(4)));
      };
    }
    byte[] b = new byte[32];
    rnd.nextBytes(b);
    return Fr.fromBytesReduce(b);
  }

  static long[] limbs(SplittableRandom rnd, int elements) {
    long[] out = new long[4 * elements];
    for (int i = 0; i < elements; i++) {
      field(rnd).writeMontgomeryLimbs(out, 4 * i);
    }
    return out;
  }

  static List<NativePoseidon2.Variant> variants() {
    return NativePoseidon2Kernels.supportedVariants().stream().sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void permutationMatchesJava(NativePoseidon2.Variant variant) {
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.variant(variant);
    Property.forAll(
        "native permutation == Java (" + variant + ")",
        400,
        rnd -> limbs(rnd, 4),
        state -> {
          long[] a = state.clone();
          long[] b = state.clone();
          k.permute(a);
          Poseidon2.permuteJava(b);
          assertThat(a).isEqualTo(b);
        });
  }

  @ParameterizedTest
  @MethodSource("variants")
  void spongeMatchesJava(NativePoseidon2.Variant variant) {
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.variant(variant);
    Property.forAll(
        "native sponge == Java (" + variant + ")",
        300,
        rnd -> limbs(rnd, rnd.nextInt(26)),
        in -> {
          int n = in.length / 4;
          long[] out = new long[4];
          k.hash(in, n, out);
          assertThat(out).isEqualTo(Poseidon2.hashLimbsJava(in, n));
        });
  }

  @ParameterizedTest
  @MethodSource("variants")
  void hashPairsMatchesJavaForBatchSizes(NativePoseidon2.Variant variant) {
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.variant(variant);
    SplittableRandom rnd = new SplittableRandom(Property.seed());
    for (int n :
        new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 1000, NativePoseidon2.MAX_PAIRS_PER_CALL + 3}) {
      long[] in = limbs(rnd, 2 * n);
      long[] a = new long[4 * n];
      long[] b = new long[4 * n];
      k.hashPairs(in, 0, a, 0, n);
      Poseidon2.hashPairsJava(in, 0, b, 0, n);
      assertThat(a).as("%s, %d pairs", variant, n).isEqualTo(b);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void hashPairsWithOffsetsAndInPlace(NativePoseidon2.Variant variant) {
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.variant(variant);
    Property.forAll(
        "native hashPairs with offsets == Java (" + variant + ")",
        100,
        rnd -> new Object[] {limbs(rnd, 2 * rnd.nextInt(40) + 4), rnd.nextInt(3), rnd.nextInt(3)},
        args -> {
          long[] in = (long[]) args[0];
          int inOff = 4 * (int) args[1];
          int outOff = 4 * (int) args[2];
          int n = (in.length - inOff) / 8;
          long[] a = new long[outOff + 4 * n + 4];
          long[] b = new long[outOff + 4 * n + 4];
          Arrays.fill(a, 7);
          Arrays.fill(b, 7);
          k.hashPairs(in, inOff, a, outOff, n);
          Poseidon2.hashPairsJava(in, inOff, b, outOff, n);
          assertThat(a).isEqualTo(b);
          // a tree level computed in place: hashes overwrite the pairs, output starting at or
          // before the input
          int to = Math.min(inOff, outOff);
          long[] level = in.clone();
          k.hashPairs(level, inOff, level, to, n);
          long[] expected = new long[4 * n];
          Poseidon2.hashPairsJava(in, inOff, expected, 0, n);
          assertThat(Arrays.copyOfRange(level, to, to + 4 * n)).isEqualTo(expected);
          long[] javaLevel = in.clone();
          Poseidon2.hashPairsJava(javaLevel, inOff, javaLevel, to, n);
          assertThat(Arrays.copyOfRange(javaLevel, to, to + 4 * n)).isEqualTo(expected);
        });
  }

  @Test
  void routedApiMatchesJava() {
    Property.forAll(
        "Poseidon2 routed == Java",
        200,
        rnd -> {
          List<Fr> in = new ArrayList<>();
          int n = rnd.nextInt(20);
          for (int i = 0; i < n; i++) {
            in.add(field(rnd));
          }
          return in;
        },
        in -> {
          assertThat(Poseidon2.hash(in)).isEqualTo(Poseidon2.hashJava(in));
          if (in.size() >= 2) {
            assertThat(Poseidon2.hashPair(in.get(0), in.get(1)))
                .isEqualTo(Poseidon2.hashJava(in.subList(0, 2)));
          }
          assertThat(Poseidon2.hashWithSeparator(in, 5))
              .isEqualTo(Poseidon2.hashJava(concat(Fr.ofLong(5), in)));
        });
  }

  private static List<Fr> concat(Fr first, List<Fr> rest) {
    List<Fr> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 1000})
  void routedHashPairsMatchesJava(int n) {
    long[] in = limbs(new SplittableRandom(Property.seed() + n), 2 * n);
    long[] a = new long[4 * n];
    long[] b = new long[4 * n];
    Poseidon2.hashPairs(in, a, n);
    Poseidon2.hashPairsJava(in, 0, b, 0, n);
    assertThat(a).isEqualTo(b);
    for (int i = 0; i < n; i += 97) {
      Fr left = Fr.fromMontgomeryLimbs(in, 8 * i);
      Fr right = Fr.fromMontgomeryLimbs(in, 8 * i + 4);
      assertThat(Fr.fromMontgomeryLimbs(a, 4 * i)).isEqualTo(Poseidon2.hash(left, right));
    }
  }
}
