package io.quetzal.node;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.field.Fr;

/**
 * The chain tips ({@code L2Tips} of {@code @aztec/stdlib/block/l2_block_source}): the proposed
 * block, and the checkpointed, proven and finalized block with their checkpoint.
 */
public record L2Tips(BlockId proposed, TipId checkpointed, TipId proven, TipId finalized) {
  /**
   * The hash of the empty checkpoint header, the official {@code GENESIS_CHECKPOINT_HEADER_HASH}
   * ({@code CheckpointHeader.empty().hash()}), as the official node answers at checkpoint 0.
   */
  public static final Fr GENESIS_CHECKPOINT_HEADER_HASH =
      Fr.fromHexString("0x007802c95d2f1ade746d97350a18ddbfdb9f5bee2803436917a3cf3d6a685a3a");

  /** A block: number and hash. */
  public record BlockId(long number, Fr hash) {
    ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("number", number);
      o.put("hash", hash.toString());
      return o;
    }
  }

  /** A checkpoint: number and hash (of its header). */
  public record CheckpointId(long number, Fr hash) {
    ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("number", number);
      o.put("hash", hash.toString());
      return o;
    }
  }

  /** A tip: a block and the checkpoint holding it. */
  public record TipId(BlockId block, CheckpointId checkpoint) {
    ObjectNode toJson(boolean withNumber) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("block", block.toJson());
      o.set("checkpoint", checkpoint.toJson());
      if (withNumber) {
        o.put("number", block.number());
      }
      return o;
    }
  }

  /** Every tip at the genesis block, whose hash is the initial header's. */
  public static L2Tips genesis(Fr genesisBlockHash) {
    BlockId b = new BlockId(0, genesisBlockHash);
    TipId t = new TipId(b, new CheckpointId(0, GENESIS_CHECKPOINT_HEADER_HASH));
    return new L2Tips(b, t, t, t);
  }

  /** The official JSON object, exactly. */
  public ObjectNode toOfficialJson() {
    return toJson(false);
  }

  /**
   * The JSON the node answers: the official object plus {@code number} (the block number) on the
   * checkpointed, proven and finalized tips and a {@code latest} block (the proposed one), which
   * operators' scripts read ({@code jq -r ".result.proven.number"}). Clients parsing with the
   * official schema drop the extra keys.
   */
  public ObjectNode toJson() {
    return toJson(true);
  }

  private ObjectNode toJson(boolean extended) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("proposed", proposed.toJson());
    o.set("proven", proven.toJson(extended));
    o.set("finalized", finalized.toJson(extended));
    o.set("checkpointed", checkpointed.toJson(extended));
    if (extended) {
      o.set("latest", proposed.toJson());
    }
    return o;
  }
}
