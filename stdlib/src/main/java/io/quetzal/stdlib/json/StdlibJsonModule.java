package io.quetzal.stdlib.json;

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
import io.quetzal.foundation.json.JsonCodecException;
import io.quetzal.foundation.json.JsonCodecs;
import io.quetzal.foundation.json.QuetzalJsonModule;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.TxEffect;
import java.io.IOException;
import java.util.function.Function;

/**
 * Jackson serializers and deserializers for the stdlib values, with the rules of {@link
 * StdlibJson}. Register it beside foundation's {@link QuetzalJsonModule} (see {@link #newMapper}).
 * A refused value surfaces as a {@link JsonMappingException} caused by the {@link
 * JsonCodecException}. Thread-safe once registered.
 */
public final class StdlibJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public StdlibJsonModule() {
    super("StdlibJsonModule");
    add(
        AztecAddress.class,
        a -> JsonNodes.text(a.toString()),
        n -> AztecAddress.fromField(JsonCodecs.parseAztecAddress(n)));
    add(AppendOnlyTreeSnapshot.class, StdlibJson::toJson, StdlibJson::parseAppendOnlyTreeSnapshot);
    add(PartialStateReference.class, StdlibJson::toJson, StdlibJson::parsePartialStateReference);
    add(StateReference.class, StdlibJson::toJson, StdlibJson::parseStateReference);
    add(GasFees.class, StdlibJson::toJson, StdlibJson::parseGasFees);
    add(GlobalVariables.class, StdlibJson::toJson, StdlibJson::parseGlobalVariables);
    add(BlockHeader.class, StdlibJson::toJson, StdlibJson::parseBlockHeader);
    add(PublicDataTreeLeaf.class, StdlibJson::toJson, StdlibJson::parsePublicDataTreeLeaf);
    add(NullifierLeafPreimage.class, StdlibJson::toJson, StdlibJson::parseNullifierLeafPreimage);
    add(
        PublicDataTreeLeafPreimage.class,
        StdlibJson::toJson,
        StdlibJson::parsePublicDataTreeLeafPreimage);
    add(PublicDataWrite.class, BlockJson::toJson, BlockJson::parsePublicDataWrite);
    add(PrivateLog.class, BlockJson::toJson, BlockJson::parsePrivateLog);
    add(PublicLog.class, BlockJson::toJson, BlockJson::parsePublicLog);
    add(ContractClassLog.class, BlockJson::toJson, BlockJson::parseContractClassLog);
    add(TxEffect.class, BlockJson::toJson, BlockJson::parseTxEffect);
    add(Body.class, BlockJson::toJson, BlockJson::parseBody);
    add(L2Block.class, BlockJson::toJson, BlockJson::parseL2Block);
    add(CheckpointHeader.class, BlockJson::toJson, BlockJson::parseCheckpointHeader);
    add(Checkpoint.class, BlockJson::toJson, BlockJson::parseCheckpoint);
  }

  /** A new mapper with foundation's and this module registered. */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new QuetzalJsonModule())
        .registerModule(new StdlibJsonModule());
  }

  private <T> void add(Class<T> type, Function<T, JsonNode> writer, Function<JsonNode, T> parser) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeTree(writer.apply(value));
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
            } catch (IllegalArgumentException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }
        });
  }

  private static final class JsonNodes {
    private JsonNodes() {}

    static JsonNode text(String s) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }
  }
}
