package io.quetzal.archiver.store;

import io.quetzal.ethereum.archive.Bytes32;
import java.util.Objects;

/**
 * Where a checkpoint was published on L1 (the official {@code L1PublishedData}); JSON in {@code
 * node_getCheckpoints}: {@code {blockNumber, timestamp, blockHash}} with decimal strings.
 *
 * @param blockNumber the L1 block number
 * @param timestamp the L1 block timestamp, in seconds
 * @param blockHash the L1 block hash
 */
public record L1PublishedData(long blockNumber, long timestamp, Bytes32 blockHash) {
  public L1PublishedData {
    Objects.requireNonNull(blockHash, "blockHash");
  }
}
