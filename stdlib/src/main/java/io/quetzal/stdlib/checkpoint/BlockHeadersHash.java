package io.quetzal.stdlib.checkpoint;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint header's {@code blockHeadersHash}: the root of the unbalanced Poseidon2 tree over
 * the checkpoint's block header hashes, as the rollup circuits merge blocks. The leaves split from
 * the right into power-of-two subtrees (one per set bit of the count, smallest first); each subtree
 * is a balanced tree of {@code poseidon2([left, right])}, and the subtree roots are folded as
 * {@code poseidon2([subtree, accumulated])}, right to left. One leaf is its own root; none gives 0.
 *
 * <p>Because each header hash covers the block's state roots and its {@code spongeBlobHash} (a hash
 * of all its blob fields), equality with the L1 header authenticates a checkpoint's blob data
 * against the proposer's calldata.
 */
public final class BlockHeadersHash {
  private BlockHeadersHash() {}

  /** The hash over {@code blocks}' header hashes. */
  public static Fr of(List<L2Block> blocks) {
    List<Fr> leaves = new ArrayList<>(blocks.size());
    for (L2Block b : blocks) {
      leaves.add(b.hash());
    }
    return root(leaves);
  }

  /** The unbalanced Poseidon2 root of {@code leaves}. */
  public static Fr root(List<Fr> leaves) {
    int remaining = leaves.size();
    if (remaining == 0) {
      return Fr.ZERO;
    }
    if (remaining == 1) {
      return leaves.get(0);
    }
    Fr root = null;
    for (int subtree = 1; remaining > 1; subtree <<= 1) {
      if ((remaining & subtree) != 0) {
        Fr sub = balanced(leaves.subList(remaining - subtree, remaining));
        root = root == null ? sub : Poseidon2.hashPair(sub, root);
        remaining -= subtree;
      }
    }
    return root;
  }

  private static Fr balanced(List<Fr> leaves) {
    List<Fr> nodes = new ArrayList<>(leaves);
    while (nodes.size() > 1) {
      List<Fr> up = new ArrayList<>(nodes.size() / 2);
      for (int i = 0; i < nodes.size(); i += 2) {
        up.add(Poseidon2.hashPair(nodes.get(i), nodes.get(i + 1)));
      }
      nodes = up;
    }
    return nodes.get(0);
  }
}
