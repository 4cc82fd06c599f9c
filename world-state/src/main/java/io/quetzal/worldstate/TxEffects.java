package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import java.util.List;

/**
 * What one transaction changes in the trees, unpadded, as in its tx effect: note hashes and
 * nullifiers (at most 64 each, padded with zeros to 64 when applied), and public data writes (leaf
 * slot and value, inserted one by one in this order).
 *
 * @param noteHashes the note hashes
 * @param nullifiers the nullifiers
 * @param publicDataWrites the public data writes
 */
public record TxEffects(
    List<Fr> noteHashes, List<Fr> nullifiers, List<PublicDataTreeLeaf> publicDataWrites) {
  public TxEffects {
    noteHashes = List.copyOf(noteHashes);
    nullifiers = List.copyOf(nullifiers);
    publicDataWrites = List.copyOf(publicDataWrites);
  }
}
