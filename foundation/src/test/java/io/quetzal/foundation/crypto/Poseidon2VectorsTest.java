package io.quetzal.foundation.crypto;

import static io.quetzal.foundation.field.ReferenceVectors.bytes;
import static io.quetzal.foundation.field.ReferenceVectors.frs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.field.ReferenceVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Poseidon2 against barretenberg 4.1.2 (through the official packages), one test per family. */
class Poseidon2VectorsTest {
  private static JsonNode vectors(String family) {
    return ReferenceVectors.poseidon2().get(family);
  }

  private static List<String> strings(Fr[] fs) {
    List<String> out = new ArrayList<>();
    for (Fr f : fs) {
      out.add(f.toString());
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void knownAnswer() {
    assertThat(Poseidon2.hash(Fr.ofLong(4), Fr.ofLong(8)).toString())
        .isEqualTo("0x2bcaeb6d58bb38baf753d58c3c96618fea82163345295eb40e88344eeb0ce2a1");
    assertThat(Poseidon2.hash(frs(vectors("knownAnswer").get("inputs"))).toString())
        .isEqualTo(vectors("knownAnswer").get("hash").asText());
  }

  @Test
  void barretenbergPermutationTestVector() {
    Fr[] out =
        Poseidon2.permutation(new Fr[] {Fr.ofLong(0), Fr.ofLong(1), Fr.ofLong(2), Fr.ofLong(3)});
    assertThat(strings(out))
        .containsExactly(
            "0x01bd538c2ee014ed5141b29e9ae240bf8db3fe5b9a38629a9647cf8d76c01737",
            "0x239b62e7db98aa3a2a8f6a0d2fa1709e7a35959aa6c7034814d9daa90cbac662",
            "0x04cbb44c61d928ed06808456bf758cbf0c18d1e15a7b6dbc8245fa7515d5e3cb",
            "0x2e11c5cff2a22c64d01304b778d78f6998eff1ab73163a35603f54794c30847a");
  }

  @Test
  void hash() {
    JsonNode vs = vectors("hash");
    assertThat(vs.size()).isGreaterThanOrEqualTo(1000);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      List<Fr> in = frs(v.get("inputs"));
      assertThat(Poseidon2.hash(in).toString())
          .as("hash[%d] (%d inputs)", i, in.size())
          .isEqualTo(v.get("hash").asText());
      assertThat(Poseidon2.hash(in.toArray(Fr[]::new)).toString())
          .as("hash[%d] varargs", i)
          .isEqualTo(v.get("hash").asText());
    }
  }

  @Test
  void permutation() {
    JsonNode vs = vectors("permutation");
    assertThat(vs.size()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      Fr[] in = frs(v.get("input")).toArray(Fr[]::new);
      assertThat(strings(Poseidon2.permutation(in)))
          .as("permutation[%d]", i)
          .isEqualTo(strings(v.get("output")));
    }
  }

  @Test
  void permutationOverMontgomeryLimbs() {
    JsonNode vs = vectors("permutation");
    long[] state = new long[Poseidon2.STATE_LONGS];
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      List<Fr> in = frs(v.get("input"));
      for (int k = 0; k < 4; k++) {
        in.get(k).writeMontgomeryLimbs(state, 4 * k);
      }
      Poseidon2.permute(state);
      List<String> out = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        out.add(Fr.fromMontgomeryLimbs(state, 4 * k).toString());
      }
      assertThat(out).as("permute[%d]", i).isEqualTo(strings(v.get("output")));
    }
  }

  @Test
  void hashWithSeparator() {
    JsonNode vs = vectors("hashWithSeparator");
    assertThat(vs.size()).isGreaterThanOrEqualTo(200);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      long separator = v.get("separator").asLong();
      assertThat(Poseidon2.hashWithSeparator(frs(v.get("inputs")), separator).toString())
          .as("hashWithSeparator[%d] separator %d", i, separator)
          .isEqualTo(v.get("hash").asText());
    }
  }

  @Test
  void hashBytes() {
    JsonNode vs = vectors("hashBytes");
    assertThat(vs.size()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      byte[] in = bytes(v.get("input"));
      assertThat(Poseidon2.hashBytes(in).toString())
          .as("hashBytes[%d] (%d bytes)", i, in.length)
          .isEqualTo(v.get("hash").asText());
    }
  }

  @Test
  void benchmarkCrossCheckVectors() {
    JsonNode bench = vectors("bench");
    for (String size : List.of("hash2", "hash16")) {
      JsonNode v = bench.get(size);
      List<Fr> in = new ArrayList<>();
      v.get("inputs").forEach(n -> in.add(Fr.fromBytes(bytes(n))));
      assertThat(Poseidon2.hash(in).toString()).as(size).isEqualTo(v.get("hash").asText());
    }
    JsonNode perm = bench.get("perm4");
    List<Fr> in = new ArrayList<>();
    perm.get("input").forEach(n -> in.add(Fr.fromBytes(bytes(n))));
    assertThat(strings(Poseidon2.permutation(in.toArray(Fr[]::new))))
        .as("perm4")
        .isEqualTo(strings(perm.get("output")));
  }
}
