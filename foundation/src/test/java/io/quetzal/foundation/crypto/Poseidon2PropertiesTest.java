package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised Poseidon2 kernel against a plain transcription of the barretenberg algorithm over
 * {@link Fr} objects (same round constants), on random and edge states.
 */
class Poseidon2PropertiesTest {

  /** Straightforward Poseidon2 (t = 4, d = 5, 8 full + 56 partial rounds) for cross-checking. */
  static final class Spec {
    static final Fr[] DIAG = parse(Poseidon2.DIAG_HEX);
    static final Fr[] FIRST = parse(Poseidon2.FULL_FIRST_HEX);
    static final Fr[] PARTIAL = parse(Poseidon2.PARTIAL_HEX);
    static final Fr[] LAST = parse(Poseidon2.FULL_LAST_HEX);

    static Fr[] parse(String[] hex) {
      return Arrays.stream(hex)
          .map(h -> Fr.fromBigInteger(new BigInteger(h, 16)))
          .toArray(Fr[]::new);
    }

    static Fr pow5(Fr x) {
      return x.square().square().mul(x);
    }

    static void external(Fr[] s) {
      // M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]]
      Fr a = s[0];
      Fr b = s[1];
      Fr c = s[2];
      Fr d = s[3];
      s[0] = lin(a, 5, b, 7, c, 1, d, 3);
      s[1] = lin(a, 4, b, 6, c, 1, d, 1);
      s[2] = lin(a, 1, b, 3, c, 5, d, 7);
      s[3] = lin(a, 1, b, 1, c, 4, d, 6);
    }

    static Fr lin(Fr a, long ka, Fr b, long kb, Fr c, long kc, Fr d, long kd) {
      return a.mul(Fr.ofLong(ka))
          .add(b.mul(Fr.ofLong(kb)))
          .add(c.mul(Fr.ofLong(kc)))
          .add(d.mul(Fr.ofLong(kd)));
    }

    static void internal(Fr[] s) {
      Fr sum = s[0].add(s[1]).add(s[2]).add(s[3]);
      for (int i = 0; i < 4; i++) {
        s[i] = s[i].mul(DIAG[i]).add(sum);
      }
    }

    static Fr[] permutation(Fr[] in) {
      Fr[] s = in.clone();
      external(s);
      for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 4; i++) {
          s[i] = pow5(s[i].add(FIRST[4 * r + i]));
        }
        external(s);
      }
      for (int r = 0; r < 56; r++) {
        s[0] = pow5(s[0].add(PARTIAL[r]));
        internal(s);
      }
      for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 4; i++) {
          s[i] = pow5(s[i].add(LAST[4 * r + i]));
        }
        external(s);
      }
      return s;
    }

    /** barretenberg's sponge: rate 3, capacity 1, IV = n * 2^64, squeeze after a final duplex. */
    static Fr hash(List<Fr> in) {
      Fr[] s = {
        Fr.ZERO, Fr.ZERO, Fr.ZERO, Fr.fromBigInteger(BigInteger.valueOf(in.size()).shiftLeft(64))
      };
      Fr[] cache = new Fr[3];
      int cached = 0;
      for (Fr x : in) {
        if (cached == 3) {
          for (int i = 0; i < 3; i++) {
            s[i] = s[i].add(cache[i]);
          }
          s = permutation(s);
          cached = 0;
        }
        cache[cached++] = x;
      }
      for (int i = 0; i < cached; i++) {
        s[i] = s[i].add(cache[i]);
      }
      return permutation(s)[0];
    }
  }

  private static final List<Fr> EDGES =
      List.of(
          Fr.ZERO,
          Fr.ONE,
          Fr.MAX_FIELD_VALUE,
          Fr.fromBigInteger(Fr.MODULUS.subtract(BigInteger.TWO)),
          Fr.fromBigInteger(Fr.MODULUS.shiftRight(1)),
          Fr.fromBigInteger(BigInteger.ONE.shiftLeft(253)));

  /** One in five an edge value, otherwise uniform below the modulus. */
  private static Fr field(SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      return EDGES.get(r.nextInt(EDGES.size()));
    }
    return Fr.fromBigInteger(new BigInteger(1, Property.bytes(r, 32)).mod(Fr.MODULUS));
  }

  private static List<Fr> fields(SplittableRandom r, int n) {
    List<Fr> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(field(r));
    }
    return out;
  }

  @Test
  void permutationMatchesSpec() {
    // Every state made only of edge values first, then random states.
    for (Fr a : EDGES) {
      for (Fr b : EDGES) {
        Fr[] in = {a, b, b, a};
        assertThat(Poseidon2.permutation(in)).containsExactly(Spec.permutation(in));
      }
    }
    Property.forAll(
        "permutation matches the spec",
        300,
        r -> fields(r, 4).toArray(Fr[]::new),
        in -> assertThat(Poseidon2.permutation(in)).containsExactly(Spec.permutation(in)));
  }

  @Test
  void hashMatchesSpec() {
    for (int n = 0; n <= 25; n++) {
      List<Fr> in = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        in.add(EDGES.get(i % EDGES.size()));
      }
      assertThat(Poseidon2.hash(in)).as("length %d", n).isEqualTo(Spec.hash(in));
    }
    Property.forAll(
        "hash matches the spec",
        200,
        r -> fields(r, r.nextInt(26)),
        in -> assertThat(Poseidon2.hash(in)).isEqualTo(Spec.hash(in)));
  }

  @Test
  void hashWithSeparatorPrependsTheSeparator() {
    Property.forAll(
        "hashWithSeparator prepends the separator",
        100,
        r -> {
          int separator =
              switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> Integer.MAX_VALUE;
                default -> r.nextInt(Integer.MAX_VALUE);
              };
          return new Object[] {fields(r, r.nextInt(11)), separator};
        },
        c -> {
          @SuppressWarnings("unchecked")
          List<Fr> in = (List<Fr>) c[0];
          int separator = (Integer) c[1];
          List<Fr> all = new ArrayList<>();
          all.add(Fr.ofLong(separator));
          all.addAll(in);
          assertThat(Poseidon2.hashWithSeparator(in, separator)).isEqualTo(Spec.hash(all));
        });
  }

  @Test
  void hashBytesChunksLittleEndian31() {
    Property.forAll(
        "hashBytes reads 31-byte little-endian chunks",
        100,
        r -> Property.bytes(r, r.nextInt(201)),
        in -> {
          List<Fr> fields = new ArrayList<>();
          for (int i = 0; i < in.length; i += 31) {
            byte[] chunk = Arrays.copyOfRange(in, i, Math.min(in.length, i + 31));
            byte[] be = new byte[chunk.length];
            for (int k = 0; k < chunk.length; k++) {
              be[k] = chunk[chunk.length - 1 - k];
            }
            fields.add(Fr.fromBigInteger(new BigInteger(1, be)));
          }
          assertThat(Poseidon2.hashBytes(in)).isEqualTo(Spec.hash(fields));
        });
  }

  @Test
  void permutationDoesNotModifyItsInput() {
    Fr[] in = {Fr.ONE, Fr.ZERO, Fr.MAX_FIELD_VALUE, Fr.ofLong(7)};
    Fr[] copy = in.clone();
    Poseidon2.permutation(in);
    assertThat(in).containsExactly(copy);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Poseidon2.permutation(new Fr[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon2.permute(new long[15]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon2.hashWithSeparator(List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
