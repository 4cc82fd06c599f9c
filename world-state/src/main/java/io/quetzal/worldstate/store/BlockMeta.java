package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;

/**
 * A tree's root and size after a block.
 *
 * @param root the root
 * @param size the number of leaves
 */
public record BlockMeta(Fr root, long size) {
  byte[] encode() {
    long[] limbs = new long[4];
    root.writeMontgomeryLimbs(limbs, 0);
    byte[] out = new byte[40];
    System.arraycopy(StoreLayout.limbBytes(limbs, 0), 0, out, 0, 32);
    System.arraycopy(StoreLayout.long8(size), 0, out, 32, 8);
    return out;
  }

  static BlockMeta decode(byte[] b) {
    long[] limbs = new long[4];
    StoreLayout.readLimbs(b, 0, limbs, 0);
    return new BlockMeta(Fr.fromMontgomeryLimbs(limbs, 0), StoreLayout.long8(b, 32));
  }
}
