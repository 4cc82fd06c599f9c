package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;

/**
 * What differs between the two indexed trees: the hash inputs, what counts as an empty leaf,
 * whether an existing key may be updated, and the storage encoding of a preimage.
 *
 * <p>Hash inputs as barretenberg's {@code indexed_leaf.hpp}: nullifier {@code [nullifier, nextKey,
 * nextIndex]}, public data {@code [slot, value, nextSlot, nextIndex]}. An <em>empty</em> leaf
 * (nullifier zero; slot and value zero) hashes to zero wherever a leaf is written after genesis,
 * also as barretenberg does; genesis leaves are always hashed.
 */
public enum LeafKind {
  NULLIFIER("NullifierTree", "NullifierLeafValue", false),
  PUBLIC_DATA("PublicDataTree", "PublicDataLeafValue", true);

  private final String treeName;
  private final String leafTypeName;
  private final boolean updateable;

  LeafKind(String treeName, String leafTypeName, boolean updateable) {
    this.treeName = treeName;
    this.leafTypeName = leafTypeName;
    this.updateable = updateable;
  }

  /** The official tree name used in error messages. */
  public String treeName() {
    return treeName;
  }

  /** The official leaf type name used in error messages. */
  public String leafTypeName() {
    return leafTypeName;
  }

  /** Whether inserting an existing key updates its payload (public data) or fails (nullifiers). */
  public boolean updateable() {
    return updateable;
  }

  /** Whether a leaf with this key and payload is the empty leaf. */
  public boolean isEmpty(Fr key, Fr value) {
    return this == NULLIFIER ? key.isZero() : key.isZero() && value.isZero();
  }

  /** The hash of the preimage, unconditionally (genesis leaves). */
  public void hash(IndexedLeaf leaf, long[] out, int oo) {
    Fr nextIndex = Fr.ofLong(leaf.nextIndex());
    if (this == NULLIFIER) {
      NodeHash.three(leaf.key(), leaf.nextKey(), nextIndex, out, oo);
    } else {
      NodeHash.four(leaf.key(), leaf.value(), leaf.nextKey(), nextIndex, out, oo);
    }
  }

  /** The value a written leaf takes in the tree: zero for an empty leaf, else its hash. */
  public void leafValue(IndexedLeaf leaf, long[] out, int oo) {
    if (isEmpty(leaf.key(), leaf.value())) {
      out[oo] = 0;
      out[oo + 1] = 0;
      out[oo + 2] = 0;
      out[oo + 3] = 0;
    } else {
      hash(leaf, out, oo);
    }
  }

  /** The value a written leaf takes in the tree. */
  public Fr leafValue(IndexedLeaf leaf) {
    long[] t = new long[4];
    leafValue(leaf, t, 0);
    return Fr.fromMontgomeryLimbs(t, 0);
  }

  /** Storage encoding: key, [value,] nextKey as 32 big-endian bytes each, then nextIndex (8). */
  public byte[] encode(IndexedLeaf leaf) {
    int fields = this == NULLIFIER ? 2 : 3;
    byte[] out = new byte[32 * fields + 8];
    leaf.key().writeTo(out, 0);
    int o = 32;
    if (this == PUBLIC_DATA) {
      leaf.value().writeTo(out, o);
      o += 32;
    }
    leaf.nextKey().writeTo(out, o);
    o += 32;
    long n = leaf.nextIndex();
    for (int i = 7; i >= 0; i--) {
      out[o + i] = (byte) n;
      n >>>= 8;
    }
    return out;
  }

  /** Decodes {@link #encode}. */
  public IndexedLeaf decode(byte[] b) {
    Fr key = Fr.fromBytes(b, 0);
    int o = 32;
    Fr value = Fr.ZERO;
    if (this == PUBLIC_DATA) {
      value = Fr.fromBytes(b, o);
      o += 32;
    }
    Fr nextKey = Fr.fromBytes(b, o);
    o += 32;
    long n = 0;
    for (int i = 0; i < 8; i++) {
      n = (n << 8) | (b[o + i] & 0xff);
    }
    return new IndexedLeaf(key, value, nextKey, n);
  }
}
