package io.quetzal.foundation.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.L1BlockNumber;
import io.quetzal.foundation.types.SlotNumber;
import java.io.IOException;
import java.math.BigInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Jackson serializers and deserializers for the official JSON-RPC encodings:
 *
 * <ul>
 *   <li>{@code Fr}, {@code Fq}: {@code "0x"} + 64 lower-case hex digits;
 *   <li>{@code EthAddress}: {@code "0x"} + 40 lower-case hex digits;
 *   <li>{@code EthSignature}: its official string form;
 *   <li>{@code BlockNumber}, {@code CheckpointNumber}, {@code EpochNumber}, {@code SlotNumber}:
 *       JSON numbers;
 *   <li>{@code L1BlockNumber} and every {@code BigInteger}: decimal strings (the official {@code
 *       bigint} encoding);
 *   <li>{@code byte[]}: standard base64 with padding;
 *   <li>{@link BlockParameter}: a number, {@code "latest"} or a hash.
 * </ul>
 *
 * Deserializers apply the rules of {@link JsonCodecs}; a refused value surfaces as a {@link
 * JsonMappingException} whose cause is the {@link JsonCodecException}. As usual in Jackson, a JSON
 * {@code null} becomes Java {@code null} without reaching them. Registering the module is
 * thread-safe and so is the resulting mapper.
 */
public final class QuetzalJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public QuetzalJsonModule() {
    super("QuetzalJsonModule");
    add(Fr.class, (v, g) -> write(g, v.toString()), JsonCodecs::parseFr);
    add(Fq.class, (v, g) -> write(g, v.toString()), JsonCodecs::parseFq);
    add(EthAddress.class, (v, g) -> write(g, v.toString()), JsonCodecs::parseEthAddress);
    add(EthSignature.class, (v, g) -> write(g, v.toString()), JsonCodecs::parseSignature);
    add(BlockNumber.class, (v, g) -> writeNumber(g, v.value()), JsonCodecs::parseBlockNumber);
    add(
        CheckpointNumber.class,
        (v, g) -> writeNumber(g, v.value()),
        JsonCodecs::parseCheckpointNumber);
    add(EpochNumber.class, (v, g) -> writeNumber(g, v.value()), JsonCodecs::parseEpochNumber);
    add(SlotNumber.class, (v, g) -> writeNumber(g, v.value()), JsonCodecs::parseSlotNumber);
    add(
        L1BlockNumber.class,
        (v, g) -> write(g, Long.toString(v.value())),
        JsonCodecs::parseL1BlockNumber);
    add(BigInteger.class, (v, g) -> write(g, v.toString()), JsonCodecs::parseBigInt);
    add(byte[].class, (v, g) -> write(g, JsonCodecs.bufferToJson(v)), JsonCodecs::parseBuffer);
    add(
        BlockParameter.class,
        (v, g) -> {
          switch (v) {
            case BlockParameter.ByNumber n -> writeNumber(g, n.number().value());
            case BlockParameter.ByHash h -> write(g, h.hash().toString());
            case BlockParameter.Latest l -> write(g, "latest");
          }
        },
        JsonCodecs::parseBlockParameter);
  }

  /** A new {@link ObjectMapper} with this module registered. */
  public static ObjectMapper newMapper() {
    return new ObjectMapper().registerModule(new QuetzalJsonModule());
  }

  private <T> void add(
      Class<T> type, BiConsumer<T, JsonGenerator> writer, Function<JsonNode, T> parser) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) {
            writer.accept(value, gen);
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            try {
              return parser.apply(node);
            } catch (JsonCodecException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }
        });
  }

  private static void write(JsonGenerator g, String s) {
    try {
      g.writeString(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeNumber(JsonGenerator g, long n) {
    try {
      g.writeNumber(n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
