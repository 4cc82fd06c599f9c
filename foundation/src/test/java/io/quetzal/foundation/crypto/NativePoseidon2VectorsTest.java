package io.quetzal.foundation.crypto;

import static io.quetzal.foundation.field.ReferenceVectors.bytes;
import static io.quetzal.foundation.field.ReferenceVectors.frs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.field.ReferenceVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every barretenberg Poseidon2 vector through each path explicitly: the pure-Java reference and the
 * native kernel called directly (not through the routing), each against the official result.
 */
class NativePoseidon2VectorsTest {

  /** The two implementations under test. */
  enum Path {
    JAVA,
    NATIVE;

    Fr hash(List<Fr> in) {
      if (this == JAVA) {
        return Poseidon2.hashJava(in);
      }
      long[] limbs = new long[4 * in.size()];
      for (int i = 0; i < in.size(); i++) {
        in.get(i).writeMontgomeryLimbs(limbs, 4 * i);
      }
      long[] out = new long[4];
      NativePoseidon2Kernels.best().hash(limbs, in.size(), out);
      return Fr.fromMontgomeryLimbs(out, 0);
    }

    List<String> permutation(List<Fr> in) {
      long[] s = new long[Poseidon2.STATE_LONGS];
      for (int i = 0; i < 4; i++) {
        in.get(i).writeMontgomeryLimbs(s, 4 * i);
      }
      if (this == JAVA) {
        Poseidon2.permuteJava(s);
      } else {
        NativePoseidon2Kernels.best().permute(s);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        out.add(Fr.fromMontgomeryLimbs(s, 4 * i).toString());
      }
      return out;
    }

    /** The 2-to-1 batch hash of the given pairs. */
    List<String> hashPairs(List<List<Fr>> pairs) {
      long[] in = new long[8 * pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        pairs.get(i).get(0).writeMontgomeryLimbs(in, 8 * i);
        pairs.get(i).get(1).writeMontgomeryLimbs(in, 8 * i + 4);
      }
      long[] out = new long[4 * pairs.size()];
      if (this == JAVA) {
        Poseidon2.hashPairsJava(in, 0, out, 0, pairs.size());
      } else {
        NativePoseidon2Kernels.best().hashPairs(in, 0, out, 0, pairs.size());
      }
      List<String> hashes = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i++) {
        hashes.add(Fr.fromMontgomeryLimbs(out, 4 * i).toString());
      }
      return hashes;
    }
  }

  private static JsonNode vectors(String family) {
    return ReferenceVectors.poseidon2().get(family);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void knownAnswers(Path path) {
    assertThat(path.hash(List.of(Fr.ofLong(4), Fr.ofLong(8))).toString())
        .isEqualTo("0x2bcaeb6d58bb38baf753d58c3c96618fea82163345295eb40e88344eeb0ce2a1");
    assertThat(path.hash(frs(vectors("knownAnswer").get("inputs"))).toString())
        .isEqualTo(vectors("knownAnswer").get("hash").asText());
    assertThat(path.permutation(List.of(Fr.ofLong(0), Fr.ofLong(1), Fr.ofLong(2), Fr.ofLong(3))))
        .containsExactly(
            "0x01bd538c2ee014ed5141b29e9ae240bf8db3fe5b9a38629a9647cf8d76c01737",
            "0x239b62e7db98aa3a2a8f6a0d2fa1709e7a35959aa6c7034814d9daa90cbac662",
            "0x04cbb44c61d928ed06808456bf758cbf0c18d1e15a7b6dbc8245fa7515d5e3cb",
            "0x2e11c5cff2a22c64d01304b778d78f6998eff1ab73163a35603f54794c30847a");
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void permutationVectors(Path path) {
    JsonNode vs = vectors("permutation");
    assertThat(vs.size()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      assertThat(path.permutation(frs(v.get("input"))))
          .as("permutation[%d]", i)
          .isEqualTo(strings(v.get("output")));
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void hashVectors(Path path) {
    JsonNode vs = vectors("hash");
    assertThat(vs.size()).isGreaterThanOrEqualTo(1000);
    List<List<Fr>> pairs = new ArrayList<>();
    List<String> pairHashes = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      List<Fr> in = frs(v.get("inputs"));
      assertThat(path.hash(in).toString())
          .as("hash[%d] (%d inputs)", i, in.size())
          .isEqualTo(v.get("hash").asText());
      if (in.size() == 2) {
        pairs.add(in);
        pairHashes.add(v.get("hash").asText());
      }
    }
    // every 2-input vector again through the batch 2-to-1 API, as one batch
    assertThat(pairs).isNotEmpty();
    assertThat(path.hashPairs(pairs)).isEqualTo(pairHashes);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void hashWithSeparatorVectors(Path path) {
    JsonNode vs = vectors("hashWithSeparator");
    assertThat(vs.size()).isGreaterThanOrEqualTo(200);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      List<Fr> all = new ArrayList<>();
      all.add(Fr.ofLong(v.get("separator").asLong()));
      all.addAll(frs(v.get("inputs")));
      assertThat(path.hash(all).toString())
          .as("hashWithSeparator[%d]", i)
          .isEqualTo(v.get("hash").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void hashBytesVectors(Path path) {
    JsonNode vs = vectors("hashBytes");
    assertThat(vs.size()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      assertThat(path.hash(Poseidon2.bytesToFields(bytes(v.get("input")))).toString())
          .as("hashBytes[%d]", i)
          .isEqualTo(v.get("hash").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void benchmarkCrossCheckVectors(Path path) {
    JsonNode bench = vectors("bench");
    for (String size : List.of("hash2", "hash16")) {
      JsonNode v = bench.get(size);
      List<Fr> in = new ArrayList<>();
      v.get("inputs").forEach(n -> in.add(Fr.fromBytes(bytes(n))));
      assertThat(path.hash(in).toString()).as(size).isEqualTo(v.get("hash").asText());
    }
    JsonNode perm = bench.get("perm4");
    List<Fr> in = new ArrayList<>();
    perm.get("input").forEach(n -> in.add(Fr.fromBytes(bytes(n))));
    assertThat(path.permutation(in)).as("perm4").isEqualTo(strings(perm.get("output")));
  }
}
