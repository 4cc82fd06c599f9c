package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;

/**
 * Read access to one tree as of one state (a committed block, or a fork's view): node values, leaf
 * preimages and the key index. Implementations are confined to one thread unless stated otherwise.
 */
public interface TreeBase {
  /** The tree depth (leaves sit at level {@code depth}, the root at level 0). */
  int depth();

  /** The number of leaves (the next free index). */
  long size();

  /**
   * Copies the node at ({@code level}, {@code index}) to {@code out[oo..]} and returns {@code
   * true}, or returns {@code false} when no value is stored (the node is then the empty subtree's
   * hash).
   */
  boolean node(int level, long index, long[] out, int oo);

  /** The preimage of indexed leaf {@code index}, or {@code null} if there is none. */
  IndexedLeaf leaf(long index);

  /** The largest key at or below {@code key} among the leaves, or {@code null}. */
  KeyIndex floor(Fr key);

  /** The index of the leaf with key (indexed trees) or value (append-only trees) {@code key}. */
  Long find(Fr key);
}
