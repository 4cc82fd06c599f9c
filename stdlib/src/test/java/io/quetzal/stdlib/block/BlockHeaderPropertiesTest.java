package io.quetzal.stdlib.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.json.StdlibJson;
import io.quetzal.stdlib.json.StdlibJsonModule;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips of random headers through every form, and the JSON binding's edge cases. */
class BlockHeaderPropertiesTest {
  private static final ObjectMapper MAPPER = StdlibJsonModule.newMapper();

  static Fr fr(SplittableRandom r) {
    return Fr.fromBytesReduce(Property.bytes(r, 32));
  }

  static AppendOnlyTreeSnapshot snapshot(SplittableRandom r) {
    return new AppendOnlyTreeSnapshot(fr(r), r.nextLong(0, 1L << 32));
  }

  static BlockHeader header(SplittableRandom r) {
    GasFees fees =
        new GasFees(
            new BigInteger(128, new java.util.Random(r.nextLong())),
            BigInteger.valueOf(r.nextLong(0, Long.MAX_VALUE)));
    GlobalVariables gv =
        new GlobalVariables(
            fr(r),
            fr(r),
            BlockNumber.of(r.nextLong(0, 1L << 32)),
            SlotNumber.of(r.nextLong(0, 1L << 32)),
            r.nextLong(0, Long.MAX_VALUE),
            EthAddress.fromBytes(Property.bytes(r, 20)),
            AztecAddress.fromField(fr(r)),
            fees);
    StateReference state =
        new StateReference(
            snapshot(r), new PartialStateReference(snapshot(r), snapshot(r), snapshot(r)));
    return new BlockHeader(snapshot(r), state, fr(r), gv, fr(r), fr(r));
  }

  @Test
  void bufferFieldsAndJsonRoundTrip() {
    Property.forAll(
        "header round trips",
        300,
        BlockHeaderPropertiesTest::header,
        h -> {
          assertThat(BlockHeader.fromBuffer(h.toBuffer())).isEqualTo(h);
          assertThat(BlockHeader.fromFields(h.toFields())).isEqualTo(h);
          assertThat(h.toBuffer()).hasSize(440);
          assertThat(StdlibJson.parseBlockHeader(StdlibJson.toJson(h))).isEqualTo(h);
          try {
            String text = MAPPER.writeValueAsString(h);
            assertThat(MAPPER.readValue(text, BlockHeader.class)).isEqualTo(h);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
          assertThat(GlobalVariables.fromFields(new FieldReader(h.globalVariables().toFields())))
              .isEqualTo(h.globalVariables());
        });
  }

  @Test
  void hashDependsOnEveryField() {
    Property.forAll(
        "hash changes with the fees",
        50,
        BlockHeaderPropertiesTest::header,
        h -> {
          BlockHeader other =
              new BlockHeader(
                  h.lastArchive(),
                  h.state(),
                  h.spongeBlobHash(),
                  h.globalVariables(),
                  h.totalFees().add(Fr.ONE),
                  h.totalManaUsed());
          assertThat(other.hash()).isNotEqualTo(h.hash());
        });
  }

  @Test
  void jsonParsingIgnoresTheCachedHashAndAcceptsNumericSlots() throws Exception {
    BlockHeader h = header(new SplittableRandom(7));
    ObjectNode json = StdlibJson.toJson(h);
    json.putObject("_cachedHash");
    ((ObjectNode) json.get("globalVariables"))
        .put("slotNumber", h.globalVariables().slotNumber().value());
    assertThat(MAPPER.treeToValue(json, BlockHeader.class)).isEqualTo(h);
  }

  @Test
  void jsonParsingRejectsMissingMembers() {
    ObjectNode json = StdlibJson.toJson(BlockHeader.empty());
    json.remove("totalFees");
    assertThatThrownBy(() -> MAPPER.treeToValue(json, BlockHeader.class))
        .isInstanceOf(JsonMappingException.class);
    JsonNode notObject = MAPPER.getNodeFactory().textNode("x");
    assertThatThrownBy(() -> MAPPER.treeToValue(notObject, GasFees.class))
        .isInstanceOf(JsonMappingException.class);
  }

  @Test
  void rangeChecks() {
    assertThatThrownBy(() -> new AppendOnlyTreeSnapshot(Fr.ZERO, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GasFees(BigInteger.ONE.shiftLeft(128), BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GasFees.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
