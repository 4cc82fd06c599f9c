package io.quetzal.blockbuilder;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.worldstate.MerkleTreeWriteOps;
import java.util.List;
import java.util.Objects;

/**
 * Executes txs for one block on the builder's fork (the official {@code PublicProcessor.process}
 * slot): it writes every processed tx's effects into {@code fork} (note hashes, nullifiers, public
 * data, in block order) and returns the processed txs. The builder runs it inside a fork checkpoint
 * and reverts everything if it throws or too few txs were processed.
 *
 * <p>{@link #preprocessed} is the processor for txs whose effects are already known (the first
 * sequencer version, tests, and replays of recorded blocks).
 */
@FunctionalInterface
public interface TxProcessor {
  /** Processes txs for a block with {@code globals} within {@code limits}. */
  Result process(MerkleTreeWriteOps fork, GlobalVariables globals, BlockLimits limits);

  /**
   * What processing gave.
   *
   * @param processed the txs that go in the block, in order; their effects are in the fork
   * @param failed the txs that were dropped (to remove from the pool)
   */
  record Result(List<ProcessedTx> processed, List<FailedTx> failed) {
    public Result {
      processed = List.copyOf(processed);
      failed = List.copyOf(failed);
    }
  }

  /**
   * A tx that could not be included.
   *
   * @param txHash its hash
   * @param reason why
   */
  record FailedTx(Fr txHash, String reason) {
    public FailedTx {
      Objects.requireNonNull(txHash, "txHash");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A processor that inserts the given, already-processed txs' effects ({@link SideEffects#insert})
   * in order, ignoring {@code limits} (the checkpoint is validated afterwards).
   */
  static TxProcessor preprocessed(List<? extends ProcessedTx> txs) {
    List<ProcessedTx> copy = List.copyOf(txs);
    return (fork, globals, limits) -> {
      for (ProcessedTx tx : copy) {
        SideEffects.insert(fork, tx.txEffect());
      }
      return new Result(copy, List.of());
    };
  }
}
