package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/**
 * A leaf, its index and its sibling path (leaf level first) at the moment it was read.
 *
 * @param index the leaf index
 * @param leaf the leaf preimage ({@link IndexedLeaf#EMPTY} for an empty position)
 * @param siblingPath the siblings from the leaf level up, {@code depth} of them
 */
public record Witness(long index, IndexedLeaf leaf, List<Fr> siblingPath) {
  public Witness {
    siblingPath = List.copyOf(siblingPath);
  }
}
