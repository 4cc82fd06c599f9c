package io.quetzal.foundation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.L1BlockNumber;
import io.quetzal.testkit.Property;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockParameterTest {
  private static final ObjectMapper MAPPER = QuetzalJsonModule.newMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void theDocumentedSurprises() {
    assertThat(JsonCodecs.parseBlockParameter(NODES.numberNode(4)))
        .isEqualTo(BlockParameter.number(4));
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode("4")))
        .isEqualTo(BlockParameter.hash(Fr.ofLong(4)));
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode("10")))
        .isEqualTo(BlockParameter.hash(Fr.ofLong(10)));
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode("0x10")))
        .isEqualTo(BlockParameter.hash(Fr.ofLong(16)));
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode(" 4")))
        .isEqualTo(BlockParameter.number(4));
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode("latest")))
        .isSameAs(BlockParameter.LATEST);
    assertThatThrownBy(() -> JsonCodecs.parseBlockParameter(NODES.textNode("abc")))
        .isInstanceOf(JsonCodecException.class)
        .hasMessage("Tried to create a Fr from an invalid string: abc");
    JsonCodecException e =
        (JsonCodecException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> JsonCodecs.parseBlockParameter(NODES.numberNode(-1)));
    assertThat(e.kind()).isEqualTo(JsonCodecException.Kind.VALIDATION);
    assertThat(e.rpcMessage(0)).isEqualTo("Invalid input (0)");
    assertThat(e.rpcMessage(2)).isEqualTo("Invalid input (2)");
  }

  private static final long MAX_SAFE = 1L << 53;

  /** Edge block numbers: bounds, neighbours, and numbers whose decimal text reads as hex. */
  private static final List<Long> NUMBER_EDGES =
      List.of(
          0L,
          1L,
          2L,
          9L,
          10L,
          16L,
          0xffff_ffffL,
          0x1_0000_0000L,
          MAX_SAFE - 2,
          MAX_SAFE - 1,
          MAX_SAFE);

  /** Edge hashes: 0, 1, 2, powers of two at limb boundaries, r/2, r - 2, r - 1. */
  private static final List<BigInteger> HASH_EDGES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(64),
          BigInteger.ONE.shiftLeft(128),
          BigInteger.ONE.shiftLeft(253),
          Fr.MODULUS.shiftRight(1),
          Fr.MODULUS.subtract(BigInteger.TWO),
          Fr.MODULUS.subtract(BigInteger.ONE));

  /** A block number in [0, 2^53]: small or uniform. */
  private static long number(SplittableRandom r) {
    return r.nextInt(4) == 0 ? r.nextLong(10_000) : r.nextLong(MAX_SAFE + 1);
  }

  /** A hash in [0, r): small, near the modulus, or uniform. */
  private static BigInteger hash(SplittableRandom r) {
    BigInteger small = Property.uniformBelow(r, BigInteger.ONE.shiftLeft(64));
    return switch (r.nextInt(10)) {
      case 0 -> small;
      case 1 -> Fr.MODULUS.subtract(BigInteger.ONE).subtract(small);
      default -> Property.uniformBelow(r, Fr.MODULUS);
    };
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BlockParameter read(String json) {
    try {
      return MAPPER.readValue(json, BlockParameter.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void numbersRoundTripThroughJson() {
    Property.forAll(
        "block numbers round-trip through JSON",
        NUMBER_EDGES.size() + 200,
        Property.edgesThen(NUMBER_EDGES, BlockParameterTest::number),
        n -> {
          BlockParameter p = BlockParameter.number(n);
          String json = write(p);
          assertThat(json).isEqualTo(Long.toString(n));
          assertThat(read(json)).isEqualTo(p);
          // A decimal string is a hash, never a number.
          assertThat(JsonCodecs.parseBlockParameter(NODES.textNode(Long.toString(n))))
              .isEqualTo(BlockParameter.hash(Fr.ofLong(n)));
        });
  }

  @Test
  void hashesRoundTripThroughJson() {
    Property.forAll(
        "block hashes round-trip through JSON",
        HASH_EDGES.size() + 200,
        Property.edgesThen(HASH_EDGES, BlockParameterTest::hash),
        h -> {
          BlockParameter p = BlockParameter.hash(Fr.fromBigInteger(h));
          String json = write(p);
          assertThat(json).matches("\"0x[0-9a-f]{64}\"");
          assertThat(read(json)).isEqualTo(p);
        });
  }

  @Test
  void latestAndMapperErrors() throws Exception {
    assertThat(MAPPER.writeValueAsString(BlockParameter.LATEST)).isEqualTo("\"latest\"");
    assertThat(MAPPER.readValue("\"latest\"", BlockParameter.class))
        .isSameAs(BlockParameter.LATEST);
    assertThatThrownBy(() -> MAPPER.readValue("\"pending\"", BlockParameter.class))
        .isInstanceOf(JsonMappingException.class)
        .hasCauseInstanceOf(JsonCodecException.class)
        .hasMessageStartingWith("Invalid input ()");
    record Query(BlockParameter block, List<BigInteger> fees, L1BlockNumber l1) {}
    Query q =
        MAPPER.readValue("{\"block\":\"0x05\",\"fees\":[\"7\",9],\"l1\":\"12\"}", Query.class);
    assertThat(q.block()).isEqualTo(BlockParameter.hash(Fr.ofLong(5)));
    assertThat(q.fees()).containsExactly(BigInteger.valueOf(7), BigInteger.valueOf(9));
    assertThat(q.l1()).isEqualTo(L1BlockNumber.of(12));
    assertThat(MAPPER.writeValueAsString(q))
        .isEqualTo(
            "{\"block\":\"0x0000000000000000000000000000000000000000000000000000000000000005\","
                + "\"fees\":[\"7\",\"9\"],\"l1\":\"12\"}");
  }

  @Test
  void optionalParameter() {
    assertThat(JsonCodecs.parseOptionalBlockParameter(NODES.nullNode())).isEmpty();
    assertThat(JsonCodecs.parseOptionalBlockParameter(NODES.missingNode())).isEmpty();
    assertThat(JsonCodecs.parseOptionalBlockParameter(NODES.numberNode(3)))
        .contains(new BlockParameter.ByNumber(BlockNumber.of(3)));
  }

  @Test
  void hugeNumbersSaturate() {
    JsonNode big = NODES.numberNode(1e20);
    assertThat(JsonCodecs.parseBlockParameter(big))
        .isEqualTo(BlockParameter.number(Long.MAX_VALUE));
  }
}
