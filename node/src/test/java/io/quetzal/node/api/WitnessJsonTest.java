package io.quetzal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The witness encoders against the official node's recorded answers (a 9-block chain): decoding an
 * official witness and encoding it again gives the same JSON, byte for byte.
 */
class WitnessJsonTest {
  static JsonNode result(String name) {
    return GenesisApi.fixture("witness/" + name).path("response").path("result");
  }

  static List<Fr> nodes(byte[] b, int offset) {
    List<Fr> out = new ArrayList<>();
    for (int i = offset; i < b.length; i += 32) {
      out.add(Fr.fromBytes(b, i));
    }
    return out;
  }

  @Test
  void membershipWitnessesAreIndexThenSiblings() {
    for (String name :
        List.of(
            "node_getBlockHashMembershipWitness_6_hashOf5",
            "node_getBlockHashMembershipWitness_9_hashOf8",
            "node_getNoteHashMembershipWitness_9")) {
      String official = result(name).asText();
      byte[] b = Base64.getDecoder().decode(official);
      long index = Fr.fromBytes(b, 0).toLongExact();
      assertThat(WitnessJson.membershipWitness(index, nodes(b, 32))).isEqualTo(official);
    }
  }

  @Test
  void l1ToL2WitnessIsIndexAndCountedSiblingPath() {
    JsonNode r = result("node_getL1ToL2MessageMembershipWitness_9");
    byte[] b = Base64.getDecoder().decode(r.get(1).asText());
    assertThat(b.length).isEqualTo(4 + 36 * 32);
    assertThat(WitnessJson.siblingPath(nodes(b, 4))).isEqualTo(r.get(1).asText());
    assertThat(r.get(0).asText()).isEqualTo("5120");
  }

  @Test
  void indexedTreeWitnessesRoundTrip() {
    JsonNode n = result("node_getNullifierMembershipWitness_9");
    JsonNode np = n.path("leafPreimage");
    var nullifier =
        new NullifierLeafPreimage(
            Fr.fromHexString(np.path("leaf").path("nullifier").asText()),
            Fr.fromHexString(np.path("nextKey").asText()),
            Long.parseLong(np.path("nextIndex").asText()));
    byte[] nb = Base64.getDecoder().decode(n.path("siblingPath").asText());
    assertThat(
            WitnessJson.nullifierWitness(
                Long.parseLong(n.path("index").asText()), nullifier, nodes(nb, 4)))
        .isEqualTo(n);

    JsonNode p = result("node_getPublicDataWitness_9");
    JsonNode pp = p.path("leafPreimage");
    var data =
        new PublicDataTreeLeafPreimage(
            Fr.fromHexString(pp.path("leaf").path("slot").asText()),
            Fr.fromHexString(pp.path("leaf").path("value").asText()),
            Fr.fromHexString(pp.path("nextKey").asText()),
            Long.parseLong(pp.path("nextIndex").asText()));
    byte[] pb = Base64.getDecoder().decode(p.path("siblingPath").asText());
    assertThat(
            WitnessJson.publicDataWitness(
                Long.parseLong(p.path("index").asText()), data, nodes(pb, 4)))
        .isEqualTo(p);
    // key order as the official JSON
    assertThat(
            WitnessJson.publicDataWitness(
                    Long.parseLong(p.path("index").asText()), data, nodes(pb, 4))
                .toString())
        .isEqualTo(p.toString());
  }
}
