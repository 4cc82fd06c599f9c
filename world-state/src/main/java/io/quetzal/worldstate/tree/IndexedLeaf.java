package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.Objects;

/**
 * A leaf preimage of either indexed tree, in one shape: the key (nullifier or slot), the payload
 * ({@code value}, always zero in the nullifier tree) and the link to the next larger key.
 *
 * @param key the leaf's key
 * @param value the payload (public data value; zero for nullifiers)
 * @param nextKey the next larger key in the tree, zero for the largest
 * @param nextIndex the index of {@code nextKey}'s leaf, zero for the largest
 */
public record IndexedLeaf(Fr key, Fr value, Fr nextKey, long nextIndex) {
  public IndexedLeaf {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(nextKey, "nextKey");
    if (nextIndex < 0) {
      throw new IllegalArgumentException("nextIndex must be non-negative");
    }
  }

  /** The all-zero preimage of an empty position. */
  public static final IndexedLeaf EMPTY = new IndexedLeaf(Fr.ZERO, Fr.ZERO, Fr.ZERO, 0);

  /** A copy pointing at another next leaf. */
  public IndexedLeaf withNext(Fr key, long index) {
    return new IndexedLeaf(this.key, value, key, index);
  }

  /** A copy with another payload. */
  public IndexedLeaf withValue(Fr v) {
    return new IndexedLeaf(key, v, nextKey, nextIndex);
  }

  public NullifierLeafPreimage toNullifier() {
    return new NullifierLeafPreimage(key, nextKey, nextIndex);
  }

  public PublicDataTreeLeafPreimage toPublicData() {
    return new PublicDataTreeLeafPreimage(key, value, nextKey, nextIndex);
  }

  public static IndexedLeaf of(NullifierLeafPreimage p) {
    return new IndexedLeaf(p.nullifier(), Fr.ZERO, p.nextNullifier(), p.nextIndex());
  }

  public static IndexedLeaf of(PublicDataTreeLeafPreimage p) {
    return new IndexedLeaf(p.slot(), p.value(), p.nextSlot(), p.nextIndex());
  }

  /** A new leaf for a public data write, not yet linked. */
  public static IndexedLeaf of(PublicDataTreeLeaf w) {
    return new IndexedLeaf(w.slot(), w.value(), Fr.ZERO, 0);
  }
}
