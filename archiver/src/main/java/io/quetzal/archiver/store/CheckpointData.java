package io.quetzal.archiver.store;

import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.util.List;

/**
 * A stored checkpoint without its blocks (the official {@code CheckpointData}, minus {@code
 * checkpointOutHash}, which is not stored yet).
 *
 * @param number the checkpoint number
 * @param header the checkpoint header
 * @param archive the archive after its last block
 * @param feeAssetPriceModifier the proposer's fee oracle input
 * @param startBlock the number of its first block
 * @param blockCount how many blocks it has
 * @param l1 where it was published
 * @param attestations the committee attestations
 */
public record CheckpointData(
    long number,
    CheckpointHeader header,
    AppendOnlyTreeSnapshot archive,
    java.math.BigInteger feeAssetPriceModifier,
    long startBlock,
    int blockCount,
    L1PublishedData l1,
    List<CommitteeAttestation> attestations) {
  public CheckpointData {
    attestations = List.copyOf(attestations);
  }

  /** The number of its last block. */
  public long lastBlock() {
    return startBlock + blockCount - 1;
  }
}
