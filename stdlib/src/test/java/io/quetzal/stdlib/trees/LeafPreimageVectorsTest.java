package io.quetzal.stdlib.trees;

import static io.quetzal.stdlib.StdlibVectors.bytes;
import static io.quetzal.stdlib.StdlibVectors.hex;
import static io.quetzal.stdlib.StdlibVectors.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.stdlib.StdlibVectors;
import io.quetzal.stdlib.json.StdlibJson;
import org.junit.jupiter.api.Test;

/** Indexed-tree leaf preimages: buffer, hash inputs, leaf hash and JSON. */
class LeafPreimageVectorsTest {
  @Test
  void nullifierLeaves() {
    JsonNode vs = StdlibVectors.get("nullifierLeaves");
    assertThat(vs.size()).isGreaterThanOrEqualTo(50);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      String at = "nullifier leaf " + i;
      NullifierLeafPreimage p = NullifierLeafPreimage.fromBuffer(bytes(v.get("buffer")));
      assertThat(hex(p.toBuffer())).as(at).isEqualTo(v.get("buffer").asText());
      assertThat(strings(p.toFields())).as(at).isEqualTo(strings(v.get("fields")));
      assertThat(p.hash().toString()).as(at + " hash").isEqualTo(v.get("hash").asText());
      assertThat(StdlibJson.toJson(p).toString())
          .as(at + " json")
          .isEqualTo(v.get("json").toString());
      assertThat(StdlibJson.parseNullifierLeafPreimage(v.get("json"))).as(at).isEqualTo(p);
      assertThat(p.isEmpty()).as(at).isEqualTo(i == 0);
    }
  }

  @Test
  void publicDataLeaves() {
    JsonNode vs = StdlibVectors.get("publicDataLeaves");
    assertThat(vs.size()).isGreaterThanOrEqualTo(50);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      String at = "public data leaf " + i;
      PublicDataTreeLeafPreimage p = PublicDataTreeLeafPreimage.fromBuffer(bytes(v.get("buffer")));
      assertThat(hex(p.toBuffer())).as(at).isEqualTo(v.get("buffer").asText());
      assertThat(p.hash().toString()).as(at + " hash").isEqualTo(v.get("hash").asText());
      assertThat(StdlibJson.toJson(p).toString())
          .as(at + " json")
          .isEqualTo(v.get("json").toString());
      assertThat(StdlibJson.parsePublicDataTreeLeafPreimage(v.get("json"))).as(at).isEqualTo(p);
      assertThat(hex(p.leaf().toBuffer())).as(at).isEqualTo(v.get("leafBuffer").asText());
      assertThat(PublicDataTreeLeaf.fromBuffer(bytes(v.get("leafBuffer")))).isEqualTo(p.leaf());
      assertThat(StdlibJson.toJson(p.leaf()).toString())
          .as(at)
          .isEqualTo(v.get("leafJson").toString());
      assertThat(p.isEmpty()).as(at).isEqualTo(i == 0);
    }
  }
}
