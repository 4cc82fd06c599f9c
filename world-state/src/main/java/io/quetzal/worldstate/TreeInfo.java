package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;

/**
 * A tree's root, size and depth.
 *
 * @param id the tree
 * @param root the root
 * @param size the number of leaves (next free index)
 * @param depth the depth
 */
public record TreeInfo(MerkleTreeId id, Fr root, long size, int depth) {
  public AppendOnlyTreeSnapshot snapshot() {
    return new AppendOnlyTreeSnapshot(root, size);
  }
}
