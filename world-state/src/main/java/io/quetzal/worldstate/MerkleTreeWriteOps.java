package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.List;

/**
 * Changes to a fork, with the official semantics and witnesses ({@code MerkleTreeWriteOperations}).
 * A rejected operation throws {@link TreeOperationException} and changes nothing.
 */
public interface MerkleTreeWriteOps extends MerkleTreeReadOps, AutoCloseable {
  /** Appends leaves to an append-only tree (note hashes, L1→L2 messages, archive). */
  void appendLeaves(MerkleTreeId id, List<Fr> leaves);

  /** Batch-inserts nullifiers (zeros are padding) as one subtree. */
  BatchInsertionResult<Fr, NullifierLeafPreimage> batchInsertNullifiers(
      List<Fr> nullifiers, int subtreeHeight);

  /** Batch-inserts public data leaves (existing slots are updated) as one subtree. */
  BatchInsertionResult<PublicDataTreeLeaf, PublicDataTreeLeafPreimage> batchInsertPublicData(
      List<PublicDataTreeLeaf> leaves, int subtreeHeight);

  /** Inserts public data writes one by one: updates existing slots, appends new ones. */
  SequentialInsertionResult<PublicDataTreeLeafPreimage> sequentialInsertPublicData(
      List<PublicDataTreeLeaf> writes);

  /** Inserts nullifiers one by one. */
  SequentialInsertionResult<NullifierLeafPreimage> sequentialInsertNullifiers(List<Fr> nullifiers);

  /**
   * Appends {@code header}'s hash to the archive, after checking that the fork's state equals the
   * header's (the official {@code updateArchive}).
   */
  void updateArchive(BlockHeader header);

  /** Starts a nested checkpoint. */
  void createCheckpoint();

  /** Keeps the changes since the last checkpoint. */
  void commitCheckpoint();

  /** Undoes the changes since the last checkpoint. */
  void revertCheckpoint();

  /** Keeps all changes and closes every checkpoint. */
  void commitAllCheckpoints();

  /** Undoes everything since the first open checkpoint. */
  void revertAllCheckpoints();

  /** Discards the fork. */
  @Override
  void close();
}
