package io.quetzal.blockbuilder;

import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.util.List;

/**
 * The official {@code validateCheckpoint} ({@code @aztec/stdlib/src/checkpoint/validate.ts}):
 * structure (at least one and at most {@link #MAX_BLOCKS_PER_CHECKPOINT} blocks, the header's
 * lastArchiveRoot is the first block's, indexes 0..n-1, consecutive numbers, archive chaining,
 * every block's slot, timestamp, coinbase, feeRecipient and gasFees equal to the header's),
 * checkpoint limits (mana, DA gas ≤ 786 432, blob fields ≤ 6 × 4096, txs) and per-block limits
 * (mana, DA gas, txs). Failures throw {@link CheckpointValidationException} with the official
 * message. Stateless.
 */
public final class CheckpointValidator {
  /** {@code MAX_BLOCKS_PER_CHECKPOINT} (a deserialization cap). */
  public static final int MAX_BLOCKS_PER_CHECKPOINT = 72;

  /**
   * Optional limits; a negative value means "not checked".
   *
   * @param rollupManaLimit the checkpoint's mana limit (the Rollup's)
   * @param maxL2BlockGas the per-block mana limit
   * @param maxDaBlockGas the per-block DA gas limit
   * @param maxTxsPerCheckpoint the checkpoint's tx limit
   * @param maxTxsPerBlock the per-block tx limit
   */
  public record Limits(
      long rollupManaLimit,
      long maxL2BlockGas,
      long maxDaBlockGas,
      long maxTxsPerCheckpoint,
      long maxTxsPerBlock) {
    /** Only the unconditional checks. */
    public static final Limits NONE = new Limits(-1, -1, -1, -1, -1);
  }

  private CheckpointValidator() {}

  /** Validates structure, checkpoint limits and block limits, in the official order. */
  public static void validate(Checkpoint checkpoint, Limits limits) {
    validateStructure(checkpoint);
    validateCheckpointLimits(checkpoint, limits);
    validateBlockLimits(checkpoint, limits);
  }

  /** {@code validateCheckpointStructure}. */
  public static void validateStructure(Checkpoint checkpoint) {
    List<L2Block> blocks = checkpoint.blocks();
    CheckpointNumber number = checkpoint.number();
    CheckpointHeader header = checkpoint.header();
    SlotNumber slot = header.slotNumber();
    if (blocks.isEmpty()) {
      throw new CheckpointValidationException("Checkpoint has no blocks", number, slot);
    }
    if (blocks.size() > MAX_BLOCKS_PER_CHECKPOINT) {
      throw new CheckpointValidationException(
          "Checkpoint has "
              + blocks.size()
              + " blocks, exceeding limit of "
              + MAX_BLOCKS_PER_CHECKPOINT,
          number,
          slot);
    }
    if (!header.lastArchiveRoot().equals(blocks.get(0).header().lastArchive().root())) {
      throw new CheckpointValidationException(
          "Checkpoint lastArchiveRoot does not match first block's lastArchive root", number, slot);
    }
    for (int i = 0; i < blocks.size(); i++) {
      L2Block block = blocks.get(i);
      long bn = block.number().value();
      if (block.indexWithinCheckpoint() != i) {
        throw new CheckpointValidationException(
            "Block at index "
                + i
                + " has indexWithinCheckpoint "
                + block.indexWithinCheckpoint()
                + ", expected "
                + i,
            number,
            slot);
      }
      GlobalVariables gv = block.header().globalVariables();
      if (!gv.slotNumber().equals(slot)) {
        throw new CheckpointValidationException(
            "Block "
                + bn
                + " has slot "
                + gv.slotNumber().value()
                + ", expected "
                + slot.value()
                + " (all blocks must share the same slot)",
            number,
            slot);
      }
      if (!matchesGlobalVariables(header, gv)) {
        throw new CheckpointValidationException(
            "Block "
                + bn
                + " global variables (slot, timestamp, coinbase, feeRecipient, gasFees) do not"
                + " match checkpoint header",
            number,
            slot);
      }
      if (i > 0) {
        L2Block prev = blocks.get(i - 1);
        if (bn != prev.number().value() + 1) {
          throw new CheckpointValidationException(
              "Block numbers are not sequential: block at index "
                  + (i - 1)
                  + " has number "
                  + prev.number().value()
                  + ", block at index "
                  + i
                  + " has number "
                  + bn,
              number,
              slot);
        }
        if (!block.header().lastArchive().root().equals(prev.archive().root())) {
          throw new CheckpointValidationException(
              "Block "
                  + bn
                  + " lastArchive root does not match archive root of block "
                  + prev.number().value(),
              number,
              slot);
        }
      }
    }
  }

  /** {@code CheckpointHeader.matchesGlobalVariables}. */
  public static boolean matchesGlobalVariables(CheckpointHeader header, GlobalVariables gv) {
    return header.coinbase().equals(gv.coinbase())
        && header.feeRecipient().equals(gv.feeRecipient())
        && header.gasFees().equals(gv.gasFees())
        && header.slotNumber().equals(gv.slotNumber())
        && header.timestamp() == gv.timestamp();
  }

  private static void validateCheckpointLimits(Checkpoint checkpoint, Limits limits) {
    CheckpointNumber number = checkpoint.number();
    SlotNumber slot = checkpoint.header().slotNumber();
    if (limits.rollupManaLimit() >= 0) {
      long mana = 0;
      for (L2Block b : checkpoint.blocks()) {
        mana += b.header().totalManaUsed().toLongExact();
      }
      if (mana > limits.rollupManaLimit()) {
        throw new CheckpointValidationException(
            "Checkpoint mana cost " + mana + " exceeds rollup limit of " + limits.rollupManaLimit(),
            number,
            slot);
      }
    }
    long da = 0;
    for (L2Block b : checkpoint.blocks()) {
      da += CheckpointBuilder.daGasUsed(b);
    }
    if (da > CheckpointBuilder.MAX_PROCESSABLE_DA_GAS_PER_CHECKPOINT) {
      throw new CheckpointValidationException(
          "Checkpoint DA gas cost "
              + da
              + " exceeds limit of "
              + CheckpointBuilder.MAX_PROCESSABLE_DA_GAS_PER_CHECKPOINT,
          number,
          slot);
    }
    int fields = checkpoint.toBlobFields().size();
    int maxFields = Constants.BLOBS_PER_CHECKPOINT * Constants.FIELDS_PER_BLOB;
    if (fields > maxFields) {
      throw new CheckpointValidationException(
          "Checkpoint blob field count " + fields + " exceeds limit of " + maxFields, number, slot);
    }
    if (limits.maxTxsPerCheckpoint() >= 0) {
      long txs = 0;
      for (L2Block b : checkpoint.blocks()) {
        txs += b.txEffects().size();
      }
      if (txs > limits.maxTxsPerCheckpoint()) {
        throw new CheckpointValidationException(
            "Checkpoint tx count " + txs + " exceeds limit of " + limits.maxTxsPerCheckpoint(),
            number,
            slot);
      }
    }
  }

  private static void validateBlockLimits(Checkpoint checkpoint, Limits limits) {
    CheckpointNumber number = checkpoint.number();
    SlotNumber slot = checkpoint.header().slotNumber();
    if (limits.maxL2BlockGas() >= 0) {
      for (L2Block b : checkpoint.blocks()) {
        long gas = b.header().totalManaUsed().toLongExact();
        if (gas > limits.maxL2BlockGas()) {
          throw new CheckpointValidationException(
              "Block "
                  + b.number().value()
                  + " in checkpoint has L2 gas used "
                  + gas
                  + " exceeding limit of "
                  + limits.maxL2BlockGas(),
              number,
              slot);
        }
      }
    }
    if (limits.maxDaBlockGas() >= 0) {
      for (L2Block b : checkpoint.blocks()) {
        long gas = CheckpointBuilder.daGasUsed(b);
        if (gas > limits.maxDaBlockGas()) {
          throw new CheckpointValidationException(
              "Block "
                  + b.number().value()
                  + " in checkpoint has DA gas used "
                  + gas
                  + " exceeding limit of "
                  + limits.maxDaBlockGas(),
              number,
              slot);
        }
      }
    }
    if (limits.maxTxsPerBlock() >= 0) {
      for (L2Block b : checkpoint.blocks()) {
        int txs = b.txEffects().size();
        if (txs > limits.maxTxsPerBlock()) {
          throw new CheckpointValidationException(
              "Block "
                  + b.number().value()
                  + " in checkpoint has "
                  + txs
                  + " txs exceeding limit of "
                  + limits.maxTxsPerBlock(),
              number,
              slot);
        }
      }
    }
  }
}
