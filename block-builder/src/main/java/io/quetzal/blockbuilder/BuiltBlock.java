package io.quetzal.blockbuilder;

import io.quetzal.stdlib.block.L2Block;
import java.util.List;
import java.util.Objects;

/**
 * The result of building a block (the official {@code BuildBlockInCheckpointResult} without
 * timings).
 *
 * @param block the block, already part of the checkpoint
 * @param processed the txs in it, in order
 * @param failed the txs processing dropped
 */
public record BuiltBlock(
    L2Block block, List<ProcessedTx> processed, List<TxProcessor.FailedTx> failed) {
  public BuiltBlock {
    Objects.requireNonNull(block, "block");
    processed = List.copyOf(processed);
    failed = List.copyOf(failed);
  }
}
