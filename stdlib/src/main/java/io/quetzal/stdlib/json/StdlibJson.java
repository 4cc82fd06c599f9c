package io.quetzal.stdlib.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.json.JsonCodecException;
import io.quetzal.foundation.json.JsonCodecs;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.math.BigInteger;
import java.util.List;

/**
 * The official JSON forms of the stdlib values, as the node serves them ({@code jsonStringify}) and
 * as its zod schemas parse them. Field-like values are {@code 0x} + 64 hex digits, {@code bigint}s
 * decimal strings, UInt32s and block numbers JSON numbers; {@code GlobalVariables.slotNumber} is
 * written as a hex field (the official {@code toJSON}) and read as any slot number. Unknown members
 * are ignored when parsing (zod strips them; the node sometimes adds {@code "_cachedHash":{}}).
 * Stateless and thread-safe.
 */
public final class StdlibJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StdlibJson() {}

  // ---- writing

  public static ObjectNode toJson(AppendOnlyTreeSnapshot v) {
    ObjectNode o = F.objectNode();
    o.put("root", v.root().toString());
    o.put("nextAvailableLeafIndex", v.nextAvailableLeafIndex());
    return o;
  }

  public static ObjectNode toJson(PartialStateReference v) {
    ObjectNode o = F.objectNode();
    o.set("noteHashTree", toJson(v.noteHashTree()));
    o.set("nullifierTree", toJson(v.nullifierTree()));
    o.set("publicDataTree", toJson(v.publicDataTree()));
    return o;
  }

  public static ObjectNode toJson(StateReference v) {
    ObjectNode o = F.objectNode();
    o.set("l1ToL2MessageTree", toJson(v.l1ToL2MessageTree()));
    o.set("partial", toJson(v.partial()));
    return o;
  }

  public static ObjectNode toJson(GasFees v) {
    ObjectNode o = F.objectNode();
    o.put("feePerDaGas", v.feePerDaGas().toString());
    o.put("feePerL2Gas", v.feePerL2Gas().toString());
    return o;
  }

  public static ObjectNode toJson(GlobalVariables v) {
    ObjectNode o = F.objectNode();
    o.put("chainId", v.chainId().toString());
    o.put("version", v.version().toString());
    o.put("blockNumber", v.blockNumber().value());
    o.put("slotNumber", Fr.ofLong(v.slotNumber().value()).toString());
    o.put("timestamp", Long.toString(v.timestamp()));
    o.put("coinbase", v.coinbase().toString());
    o.put("feeRecipient", v.feeRecipient().toString());
    o.set("gasFees", toJson(v.gasFees()));
    return o;
  }

  public static ObjectNode toJson(BlockHeader v) {
    ObjectNode o = F.objectNode();
    o.set("lastArchive", toJson(v.lastArchive()));
    o.set("state", toJson(v.state()));
    o.put("spongeBlobHash", v.spongeBlobHash().toString());
    o.set("globalVariables", toJson(v.globalVariables()));
    o.put("totalFees", v.totalFees().toString());
    o.put("totalManaUsed", v.totalManaUsed().toString());
    return o;
  }

  public static ObjectNode toJson(PublicDataTreeLeaf v) {
    ObjectNode o = F.objectNode();
    o.put("slot", v.slot().toString());
    o.put("value", v.value().toString());
    return o;
  }

  public static ObjectNode toJson(NullifierLeafPreimage v) {
    ObjectNode o = F.objectNode();
    ObjectNode leaf = o.putObject("leaf");
    leaf.put("nullifier", v.nullifier().toString());
    o.put("nextKey", v.nextNullifier().toString());
    o.put("nextIndex", Long.toString(v.nextIndex()));
    return o;
  }

  public static ObjectNode toJson(PublicDataTreeLeafPreimage v) {
    ObjectNode o = F.objectNode();
    o.set("leaf", toJson(v.leaf()));
    o.put("nextKey", v.nextSlot().toString());
    o.put("nextIndex", Long.toString(v.nextIndex()));
    return o;
  }

  // ---- parsing

  public static AppendOnlyTreeSnapshot parseAppendOnlyTreeSnapshot(JsonNode n) {
    requireObject(n);
    return new AppendOnlyTreeSnapshot(
        JsonCodecs.parseFr(member(n, "root")),
        JsonCodecs.parseUInt32(member(n, "nextAvailableLeafIndex")));
  }

  public static PartialStateReference parsePartialStateReference(JsonNode n) {
    requireObject(n);
    return new PartialStateReference(
        parseAppendOnlyTreeSnapshot(member(n, "noteHashTree")),
        parseAppendOnlyTreeSnapshot(member(n, "nullifierTree")),
        parseAppendOnlyTreeSnapshot(member(n, "publicDataTree")));
  }

  public static StateReference parseStateReference(JsonNode n) {
    requireObject(n);
    return new StateReference(
        parseAppendOnlyTreeSnapshot(member(n, "l1ToL2MessageTree")),
        parsePartialStateReference(member(n, "partial")));
  }

  public static GasFees parseGasFees(JsonNode n) {
    requireObject(n);
    return new GasFees(
        JsonCodecs.parseBigInt(member(n, "feePerDaGas")),
        JsonCodecs.parseBigInt(member(n, "feePerL2Gas")));
  }

  public static GlobalVariables parseGlobalVariables(JsonNode n) {
    requireObject(n);
    BigInteger timestamp = JsonCodecs.parseBigInt(member(n, "timestamp"));
    if (timestamp.signum() < 0 || timestamp.bitLength() > 63) {
      throw JsonCodecException.error("timestamp out of range: " + timestamp);
    }
    return new GlobalVariables(
        JsonCodecs.parseFr(member(n, "chainId")),
        JsonCodecs.parseFr(member(n, "version")),
        JsonCodecs.parseBlockNumber(member(n, "blockNumber")),
        JsonCodecs.parseSlotNumber(member(n, "slotNumber")),
        timestamp.longValue(),
        JsonCodecs.parseEthAddress(member(n, "coinbase")),
        AztecAddress.fromField(JsonCodecs.parseAztecAddress(member(n, "feeRecipient"))),
        parseGasFees(member(n, "gasFees")));
  }

  public static BlockHeader parseBlockHeader(JsonNode n) {
    requireObject(n);
    return new BlockHeader(
        parseAppendOnlyTreeSnapshot(member(n, "lastArchive")),
        parseStateReference(member(n, "state")),
        JsonCodecs.parseFr(member(n, "spongeBlobHash")),
        parseGlobalVariables(member(n, "globalVariables")),
        JsonCodecs.parseFr(member(n, "totalFees")),
        JsonCodecs.parseFr(member(n, "totalManaUsed")));
  }

  public static PublicDataTreeLeaf parsePublicDataTreeLeaf(JsonNode n) {
    requireObject(n);
    return new PublicDataTreeLeaf(
        JsonCodecs.parseFr(member(n, "slot")), JsonCodecs.parseFr(member(n, "value")));
  }

  public static NullifierLeafPreimage parseNullifierLeafPreimage(JsonNode n) {
    requireObject(n);
    JsonNode leaf = member(n, "leaf");
    requireObject(leaf);
    return new NullifierLeafPreimage(
        JsonCodecs.parseFr(member(leaf, "nullifier")),
        JsonCodecs.parseFr(member(n, "nextKey")),
        index(member(n, "nextIndex")));
  }

  public static PublicDataTreeLeafPreimage parsePublicDataTreeLeafPreimage(JsonNode n) {
    requireObject(n);
    PublicDataTreeLeaf leaf = parsePublicDataTreeLeaf(member(n, "leaf"));
    return PublicDataTreeLeafPreimage.of(
        leaf, JsonCodecs.parseFr(member(n, "nextKey")), index(member(n, "nextIndex")));
  }

  private static long index(JsonNode n) {
    BigInteger v = JsonCodecs.parseBigInt(n);
    if (v.signum() < 0 || v.bitLength() > 63) {
      throw JsonCodecException.error("leaf index out of range: " + v);
    }
    return v.longValue();
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
