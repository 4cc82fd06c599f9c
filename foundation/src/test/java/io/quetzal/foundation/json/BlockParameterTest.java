package io.quetzal.foundation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.L1BlockNumber;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
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

  @Provide
  Arbitrary<BigInteger> hashes() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, Fr.MODULUS.subtract(BigInteger.ONE));
  }

  @Property(tries = 200, seed = "4120412")
  void numbersRoundTripThroughJson(@ForAll @LongRange(min = 0, max = 1L << 53) long n)
      throws Exception {
    BlockParameter p = BlockParameter.number(n);
    String json = MAPPER.writeValueAsString(p);
    assertThat(json).isEqualTo(Long.toString(n));
    assertThat(MAPPER.readValue(json, BlockParameter.class)).isEqualTo(p);
    // A decimal string is a hash, never a number.
    assertThat(JsonCodecs.parseBlockParameter(NODES.textNode(Long.toString(n))))
        .isEqualTo(BlockParameter.hash(Fr.ofLong(n)));
  }

  @Property(tries = 200, seed = "4120412")
  void hashesRoundTripThroughJson(@ForAll("hashes") BigInteger h) throws Exception {
    BlockParameter p = BlockParameter.hash(Fr.fromBigInteger(h));
    String json = MAPPER.writeValueAsString(p);
    assertThat(json).matches("\"0x[0-9a-f]{64}\"");
    assertThat(MAPPER.readValue(json, BlockParameter.class)).isEqualTo(p);
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
