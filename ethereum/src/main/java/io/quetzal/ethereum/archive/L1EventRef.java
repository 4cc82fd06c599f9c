package io.quetzal.ethereum.archive;

import java.util.OptionalLong;

/**
 * Where an L1 log is.
 *
 * @param blockNumber L1 block number
 * @param blockHash L1 block hash
 * @param txHash hash of the transaction that emitted it
 * @param logIndex index of the log in the block
 * @param removed true when the node reports the log as removed by a reorg
 * @param blockTimestamp the block's timestamp in seconds, when the node includes it in logs ({@code
 *     blockTimestamp}: anvil and recent execution clients do), so no block fetch is needed
 */
public record L1EventRef(
    long blockNumber,
    Bytes32 blockHash,
    Bytes32 txHash,
    long logIndex,
    boolean removed,
    OptionalLong blockTimestamp) {
  public L1EventRef {
    java.util.Objects.requireNonNull(blockTimestamp, "blockTimestamp");
  }

  /** A reference without the block timestamp. */
  public L1EventRef(
      long blockNumber, Bytes32 blockHash, Bytes32 txHash, long logIndex, boolean removed) {
    this(blockNumber, blockHash, txHash, logIndex, removed, OptionalLong.empty());
  }
}
