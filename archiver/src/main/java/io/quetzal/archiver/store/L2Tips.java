package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;

/**
 * The chain tips ({@code node_getL2Tips}): the latest block, and for checkpointed, proven and
 * finalized the block and its checkpoint. Number 0 carries the genesis block hash and the hash of
 * the empty checkpoint header.
 *
 * @param proposed the latest block
 * @param checkpointed the last checkpointed block and its checkpoint
 * @param proven the last proven block and its checkpoint
 * @param finalized the last finalized block and its checkpoint
 */
public record L2Tips(BlockId proposed, Tip checkpointed, Tip proven, Tip finalized) {

  /** A block by number and hash. */
  public record BlockId(long number, Fr hash) {}

  /** A checkpoint by number and header hash. */
  public record CheckpointId(long number, Fr hash) {}

  /** A tip: a block and the checkpoint holding it. */
  public record Tip(BlockId block, CheckpointId checkpoint) {}
}
