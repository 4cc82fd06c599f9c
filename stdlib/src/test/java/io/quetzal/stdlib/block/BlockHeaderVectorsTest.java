package io.quetzal.stdlib.block;

import static io.quetzal.stdlib.StdlibVectors.bytes;
import static io.quetzal.stdlib.StdlibVectors.hex;
import static io.quetzal.stdlib.StdlibVectors.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import io.quetzal.stdlib.StdlibVectors;
import io.quetzal.stdlib.json.StdlibJson;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** BlockHeader and its nested values against the official toBuffer, toFields, hash and JSON. */
class BlockHeaderVectorsTest {
  private static final JsonNode HEADERS = StdlibVectors.get("headers");

  @Test
  void headers() {
    assertThat(HEADERS.size()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < HEADERS.size(); i++) {
      JsonNode v = HEADERS.get(i);
      String at = "header " + i;
      BlockHeader h = BlockHeader.fromBuffer(bytes(v.get("buffer")));
      assertThat(hex(h.toBuffer())).as(at + " buffer").isEqualTo(v.get("buffer").asText());
      assertThat(strings(h.toFields())).as(at + " fields").isEqualTo(strings(v.get("fields")));
      assertThat(h.toFields()).as(at).hasSize(22);
      assertThat(BlockHeader.fromFields(h.toFields())).as(at + " fromFields").isEqualTo(h);
      assertThat(h.hash().toString()).as(at + " hash").isEqualTo(v.get("hash").asText());
      assertThat(h.isEmpty()).as(at + " isEmpty").isEqualTo(v.get("isEmpty").asBoolean());
      assertThat(StdlibJson.toJson(h).toString())
          .as(at + " json")
          .isEqualTo(v.get("json").toString());
      assertThat(StdlibJson.parseBlockHeader(v.get("json"))).as(at + " parse json").isEqualTo(h);
    }
  }

  @Test
  void nestedValues() {
    for (int i = 0; i < HEADERS.size(); i++) {
      JsonNode v = HEADERS.get(i);
      BlockHeader h = BlockHeader.fromBuffer(bytes(v.get("buffer")));
      String at = "header " + i;
      check(
          at + " globalVariables",
          v.get("globalVariables"),
          h.globalVariables(),
          GlobalVariables::fromBuffer,
          StdlibJson.toJson(h.globalVariables()),
          StdlibJson.parseGlobalVariables(v.get("globalVariables").get("json")));
      assertThat(GlobalVariables.fromFields(new FieldReader(h.globalVariables().toFields())))
          .as(at)
          .isEqualTo(h.globalVariables());
      check(
          at + " gasFees",
          v.get("gasFees"),
          h.globalVariables().gasFees(),
          GasFees::fromBuffer,
          StdlibJson.toJson(h.globalVariables().gasFees()),
          StdlibJson.parseGasFees(v.get("gasFees").get("json")));
      check(
          at + " state",
          v.get("state"),
          h.state(),
          StateReference::fromBuffer,
          StdlibJson.toJson(h.state()),
          StdlibJson.parseStateReference(v.get("state").get("json")));
      check(
          at + " partial",
          v.get("partial"),
          h.state().partial(),
          PartialStateReference::fromBuffer,
          StdlibJson.toJson(h.state().partial()),
          StdlibJson.parsePartialStateReference(v.get("partial").get("json")));
      check(
          at + " lastArchive",
          v.get("lastArchive"),
          h.lastArchive(),
          AppendOnlyTreeSnapshot::fromBuffer,
          StdlibJson.toJson(h.lastArchive()),
          StdlibJson.parseAppendOnlyTreeSnapshot(v.get("lastArchive").get("json")));
    }
  }

  @Test
  void emptyHeaderHasTheGenesisShape() {
    BlockHeader e = BlockHeader.empty();
    assertThat(e.isEmpty()).isTrue();
    assertThat(BlockHeader.fromBuffer(e.toBuffer())).isEqualTo(e);
    assertThat(e.toBuffer()).hasSize(HEADERS.get(0).get("buffer").asText().length() / 2 - 1);
  }

  private static <T extends BufferSerializable & FieldSerializable> void check(
      String at,
      JsonNode v,
      T value,
      Function<BufferReader, T> fromBuffer,
      JsonNode json,
      T parsed) {
    assertThat(hex(value.toBuffer())).as(at + " buffer").isEqualTo(v.get("buffer").asText());
    assertThat(fromBuffer.apply(new BufferReader(bytes(v.get("buffer"))))).as(at).isEqualTo(value);
    assertThat(strings(value.toFields())).as(at + " fields").isEqualTo(strings(v.get("fields")));
    assertThat(json.toString()).as(at + " json").isEqualTo(v.get("json").toString());
    assertThat(parsed).as(at + " parsed json").isEqualTo(value);
  }
}
