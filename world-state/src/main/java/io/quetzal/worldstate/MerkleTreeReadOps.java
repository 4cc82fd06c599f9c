package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the five trees as of one state: a committed block ({@link WorldState#at}) or a fork. The
 * official {@code MerkleTreeReadOperations}.
 */
public interface MerkleTreeReadOps {
  /** The block this state is based on. */
  long blockNumber();

  /** A tree's root, size and depth. */
  TreeInfo treeInfo(MerkleTreeId id);

  /** The state reference (all trees but the archive). */
  StateReference stateReference();

  /** The sibling path of leaf {@code index}, leaf level first ({@code depth} siblings). */
  List<Fr> siblingPath(MerkleTreeId id, long index);

  /**
   * The index of a leaf: by value in the append-only trees (zero is never found), by key in the
   * indexed trees (the nullifier; the slot in the public data tree, whatever its value).
   */
  Optional<Long> findLeafIndex(MerkleTreeId id, Fr leaf);

  /** {@link #findLeafIndex} for several leaves. */
  default List<Optional<Long>> findLeafIndices(MerkleTreeId id, List<Fr> leaves) {
    return leaves.stream().map(l -> findLeafIndex(id, l)).toList();
  }

  /** An append-only tree's leaf value (zero for an empty position). */
  Fr leafValue(MerkleTreeId id, long index);

  /**
   * The nullifier tree leaf at {@code index}: empty past the end; the all-zero preimage for an
   * empty (padding) position inside the tree, as the official world state answers.
   */
  Optional<NullifierLeafPreimage> nullifierPreimage(long index);

  /** The public data tree leaf at {@code index}, as {@link #nullifierPreimage}. */
  Optional<PublicDataTreeLeafPreimage> publicDataPreimage(long index);

  /** The leaf holding {@code key} in an indexed tree, or the one with the largest smaller key. */
  LowLeaf lowLeaf(MerkleTreeId id, Fr key);
}
