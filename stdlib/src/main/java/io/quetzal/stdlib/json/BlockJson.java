package io.quetzal.stdlib.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.json.JsonCodecException;
import io.quetzal.foundation.json.JsonCodecs;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.RevertCode;
import io.quetzal.stdlib.tx.TxEffect;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The official JSON of tx effects, blocks and checkpoints, as {@code node_getTxEffect}, {@code
 * node_getBlock} and {@code node_getCheckpoints} answer them.
 *
 * <p>Quirks kept: {@code revertCode} is a number; {@code transactionFee} a hex field; private and
 * contract-class logs carry all their padded fields ({@code fields} of a class log is an object
 * {@code {fields:[3023]}}); a checkpoint header's {@code slotNumber} is a number and {@code
 * timestamp} a decimal string; {@code feeAssetPriceModifier} a decimal string. The node's {@code
 * getBlock}/{@code getCheckpoints} headers carry a stray {@code "_cachedHash":{}} (a serialized
 * promise of the cached header hash): {@link #toJson(L2Block)} writes it for byte-equal answers,
 * {@link #toJson(L2Block, boolean)} chooses. Parsing ignores unknown members. Stateless,
 * thread-safe.
 */
public final class BlockJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private BlockJson() {}

  // ---- writing

  public static ObjectNode toJson(PublicDataWrite v) {
    ObjectNode o = F.objectNode();
    o.put("leafSlot", v.leafSlot().toString());
    o.put("value", v.value().toString());
    return o;
  }

  public static ObjectNode toJson(PrivateLog v) {
    ObjectNode o = F.objectNode();
    o.set("fields", frs(v.fields()));
    o.put("emittedLength", v.emittedLength());
    return o;
  }

  public static ObjectNode toJson(PublicLog v) {
    ObjectNode o = F.objectNode();
    o.put("contractAddress", v.contractAddress().toString());
    o.set("fields", frs(v.fields()));
    return o;
  }

  public static ObjectNode toJson(ContractClassLog v) {
    ObjectNode o = F.objectNode();
    o.put("contractAddress", v.contractAddress().toString());
    o.putObject("fields").set("fields", frs(v.fields()));
    o.put("emittedLength", v.emittedLength());
    return o;
  }

  public static ObjectNode toJson(TxEffect v) {
    ObjectNode o = F.objectNode();
    o.put("revertCode", v.revertCode().code());
    o.put("txHash", v.txHash().toString());
    o.put("transactionFee", v.transactionFee().toString());
    o.set("noteHashes", frs(v.noteHashes()));
    o.set("nullifiers", frs(v.nullifiers()));
    o.set("l2ToL1Msgs", frs(v.l2ToL1Msgs()));
    o.set("publicDataWrites", array(v.publicDataWrites(), BlockJson::toJson));
    o.set("privateLogs", array(v.privateLogs(), BlockJson::toJson));
    o.set("publicLogs", array(v.publicLogs(), BlockJson::toJson));
    o.set("contractClassLogs", array(v.contractClassLogs(), BlockJson::toJson));
    return o;
  }

  /**
   * {@code node_getTxEffect}'s answer: {@code {l2BlockHash, l2BlockNumber, txIndexInBlock, data}}.
   */
  public static ObjectNode txEffectInBlock(
      TxEffect v, Fr blockHash, BlockNumber blockNumber, int txIndexInBlock) {
    ObjectNode o = F.objectNode();
    o.put("l2BlockHash", blockHash.toString());
    o.put("l2BlockNumber", blockNumber.value());
    o.put("txIndexInBlock", txIndexInBlock);
    o.set("data", toJson(v));
    return o;
  }

  public static ObjectNode toJson(Body v) {
    ObjectNode o = F.objectNode();
    o.set("txEffects", array(v.txEffects(), BlockJson::toJson));
    return o;
  }

  /** The block as the node serves it, header with the {@code "_cachedHash":{}} quirk. */
  public static ObjectNode toJson(L2Block v) {
    return toJson(v, true);
  }

  public static ObjectNode toJson(L2Block v, boolean cachedHashQuirk) {
    ObjectNode o = F.objectNode();
    o.set("archive", StdlibJson.toJson(v.archive()));
    ObjectNode header = StdlibJson.toJson(v.header());
    if (cachedHashQuirk) {
      header.putObject("_cachedHash");
    }
    o.set("header", header);
    o.set("body", toJson(v.body()));
    o.put("checkpointNumber", v.checkpointNumber().value());
    o.put("indexWithinCheckpoint", v.indexWithinCheckpoint());
    return o;
  }

  public static ObjectNode toJson(CheckpointHeader v) {
    ObjectNode o = F.objectNode();
    o.put("lastArchiveRoot", v.lastArchiveRoot().toString());
    o.put("blockHeadersHash", v.blockHeadersHash().toString());
    o.put("blobsHash", v.blobsHash().toString());
    o.put("inHash", v.inHash().toString());
    o.put("epochOutHash", v.epochOutHash().toString());
    o.put("slotNumber", v.slotNumber().value());
    o.put("timestamp", Long.toString(v.timestamp()));
    o.put("coinbase", v.coinbase().toString());
    o.put("feeRecipient", v.feeRecipient().toString());
    o.set("gasFees", StdlibJson.toJson(v.gasFees()));
    o.put("totalManaUsed", v.totalManaUsed().toString());
    return o;
  }

  /** The checkpoint as the node serves it (block headers with the {@code _cachedHash} quirk). */
  public static ObjectNode toJson(Checkpoint v) {
    return toJson(v, true);
  }

  public static ObjectNode toJson(Checkpoint v, boolean cachedHashQuirk) {
    ObjectNode o = F.objectNode();
    o.set("archive", StdlibJson.toJson(v.archive()));
    o.set("header", toJson(v.header()));
    ArrayNode blocks = o.putArray("blocks");
    v.blocks().forEach(b -> blocks.add(toJson(b, cachedHashQuirk)));
    o.put("number", v.number().value());
    o.put("feeAssetPriceModifier", v.feeAssetPriceModifier().toString());
    return o;
  }

  // ---- parsing

  public static PublicDataWrite parsePublicDataWrite(JsonNode n) {
    requireObject(n);
    return new PublicDataWrite(
        JsonCodecs.parseFr(member(n, "leafSlot")), JsonCodecs.parseFr(member(n, "value")));
  }

  public static PrivateLog parsePrivateLog(JsonNode n) {
    requireObject(n);
    return wrap(
        () -> new PrivateLog(parseFrs(member(n, "fields")), smallInt(member(n, "emittedLength"))));
  }

  public static PublicLog parsePublicLog(JsonNode n) {
    requireObject(n);
    return new PublicLog(
        AztecAddress.fromField(JsonCodecs.parseAztecAddress(member(n, "contractAddress"))),
        parseFrs(member(n, "fields")));
  }

  public static ContractClassLog parseContractClassLog(JsonNode n) {
    requireObject(n);
    JsonNode fields = member(n, "fields");
    requireObject(fields);
    return wrap(
        () ->
            new ContractClassLog(
                AztecAddress.fromField(JsonCodecs.parseAztecAddress(member(n, "contractAddress"))),
                parseFrs(member(fields, "fields")),
                smallInt(member(n, "emittedLength"))));
  }

  public static TxEffect parseTxEffect(JsonNode n) {
    requireObject(n);
    RevertCode code = wrap(() -> RevertCode.fromCode(smallInt(member(n, "revertCode"))));
    Fr txHash = JsonCodecs.parseTxHash(member(n, "txHash"));
    Fr fee = JsonCodecs.parseFr(member(n, "transactionFee"));
    List<Fr> noteHashes = parseFrs(member(n, "noteHashes"));
    List<Fr> nullifiers = parseFrs(member(n, "nullifiers"));
    List<Fr> msgs = parseFrs(member(n, "l2ToL1Msgs"));
    List<PublicDataWrite> writes =
        parseArray(member(n, "publicDataWrites"), BlockJson::parsePublicDataWrite);
    List<PrivateLog> privateLogs = parseArray(member(n, "privateLogs"), BlockJson::parsePrivateLog);
    List<PublicLog> publicLogs = parseArray(member(n, "publicLogs"), BlockJson::parsePublicLog);
    List<ContractClassLog> classLogs =
        parseArray(member(n, "contractClassLogs"), BlockJson::parseContractClassLog);
    return wrap(
        () ->
            new TxEffect(
                code,
                txHash,
                fee,
                noteHashes,
                nullifiers,
                msgs,
                writes,
                privateLogs,
                publicLogs,
                classLogs));
  }

  public static Body parseBody(JsonNode n) {
    requireObject(n);
    return new Body(parseArray(member(n, "txEffects"), BlockJson::parseTxEffect));
  }

  public static L2Block parseL2Block(JsonNode n) {
    requireObject(n);
    return wrap(
        () ->
            new L2Block(
                StdlibJson.parseAppendOnlyTreeSnapshot(member(n, "archive")),
                StdlibJson.parseBlockHeader(member(n, "header")),
                parseBody(member(n, "body")),
                JsonCodecs.parseCheckpointNumber(member(n, "checkpointNumber")),
                smallInt(member(n, "indexWithinCheckpoint"))));
  }

  public static CheckpointHeader parseCheckpointHeader(JsonNode n) {
    requireObject(n);
    BigInteger ts = JsonCodecs.parseBigInt(member(n, "timestamp"));
    if (ts.signum() < 0 || ts.bitLength() > 63) {
      throw JsonCodecException.error("timestamp out of range: " + ts);
    }
    return wrap(
        () ->
            new CheckpointHeader(
                JsonCodecs.parseFr(member(n, "lastArchiveRoot")),
                JsonCodecs.parseFr(member(n, "blockHeadersHash")),
                JsonCodecs.parseFr(member(n, "blobsHash")),
                JsonCodecs.parseFr(member(n, "inHash")),
                JsonCodecs.parseFr(member(n, "epochOutHash")),
                JsonCodecs.parseSlotNumber(member(n, "slotNumber")),
                ts.longValue(),
                JsonCodecs.parseEthAddress(member(n, "coinbase")),
                AztecAddress.fromField(JsonCodecs.parseAztecAddress(member(n, "feeRecipient"))),
                StdlibJson.parseGasFees(member(n, "gasFees")),
                JsonCodecs.parseFr(member(n, "totalManaUsed"))));
  }

  public static Checkpoint parseCheckpoint(JsonNode n) {
    requireObject(n);
    return wrap(
        () ->
            new Checkpoint(
                StdlibJson.parseAppendOnlyTreeSnapshot(member(n, "archive")),
                parseCheckpointHeader(member(n, "header")),
                parseArray(member(n, "blocks"), BlockJson::parseL2Block),
                JsonCodecs.parseCheckpointNumber(member(n, "number")),
                JsonCodecs.parseBigInt(member(n, "feeAssetPriceModifier"))));
  }

  // ---- helpers

  private static ArrayNode frs(List<Fr> fields) {
    ArrayNode a = F.arrayNode(fields.size());
    fields.forEach(f -> a.add(f.toString()));
    return a;
  }

  private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> writer) {
    ArrayNode a = F.arrayNode(items.size());
    items.forEach(i -> a.add(writer.apply(i)));
    return a;
  }

  private static List<Fr> parseFrs(JsonNode n) {
    return parseArray(n, JsonCodecs::parseFr);
  }

  private static <T> List<T> parseArray(JsonNode n, Function<JsonNode, T> parser) {
    if (!n.isArray()) {
      throw JsonCodecException.validation(
          new JsonCodecException.Issue("invalid_type", "Expected array", List.of()));
    }
    List<T> out = new ArrayList<>(n.size());
    n.forEach(e -> out.add(parser.apply(e)));
    return out;
  }

  private static int smallInt(JsonNode n) {
    long v = JsonCodecs.parseInteger(n);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw JsonCodecException.error("number out of range: " + v);
    }
    return (int) v;
  }

  /** Turns a model invariant failure into a JSON error. */
  private static <T> T wrap(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw JsonCodecException.error(e.getMessage());
    }
  }

  private static void requireObject(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw JsonCodecException.validation(
          new JsonCodecException.Issue("invalid_type", "Expected object", List.of()));
    }
  }

  private static JsonNode member(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw JsonCodecException.validation(
          new JsonCodecException.Issue("invalid_type", "Required", List.of(name)));
    }
    return v;
  }
}
