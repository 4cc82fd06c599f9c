package io.quetzal.blockbuilder;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.worldstate.MerkleTreeWriteOps;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one tx's effects into a fork as the official {@code insertSideEffects}
 * (block-building-helpers): note hashes zero-padded to 64 and appended; nullifiers zero-padded to
 * 64 and batch-inserted as one subtree of height 6 (a duplicate throws); public data writes
 * inserted one by one, unpadded (an empty write throws). Stateless.
 */
public final class SideEffects {
  private SideEffects() {}

  /** Inserts {@code effect} into {@code fork}. */
  public static void insert(MerkleTreeWriteOps fork, TxEffect effect) {
    fork.appendLeaves(
        MerkleTreeId.NOTE_HASH_TREE, padded(effect.noteHashes(), Constants.MAX_NOTE_HASHES_PER_TX));
    fork.batchInsertNullifiers(
        padded(effect.nullifiers(), Constants.MAX_NULLIFIERS_PER_TX),
        Constants.NULLIFIER_SUBTREE_HEIGHT);
    List<PublicDataTreeLeaf> writes = new ArrayList<>(effect.publicDataWrites().size());
    for (PublicDataWrite w : effect.publicDataWrites()) {
      if (w.isEmpty()) {
        throw new IllegalArgumentException("Empty public data write in tx " + effect.txHash());
      }
      writes.add(new PublicDataTreeLeaf(w.leafSlot(), w.value()));
    }
    if (!writes.isEmpty()) {
      fork.sequentialInsertPublicData(writes);
    }
  }

  static List<Fr> padded(List<Fr> values, int size) {
    if (values.size() > size) {
      throw new IllegalArgumentException(values.size() + " values exceed the maximum " + size);
    }
    List<Fr> out = new ArrayList<>(size);
    out.addAll(values);
    while (out.size() < size) {
      out.add(Fr.ZERO);
    }
    return out;
  }
}
