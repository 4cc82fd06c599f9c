package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash of an empty subtree at every level of a tree of a given depth: zero at the leaf level
 * ({@code depth}), {@code poseidon2(z, z)} of the level below everywhere above. Computed once per
 * depth and shared; immutable.
 */
public final class ZeroHashes {
  private static final ConcurrentHashMap<Integer, ZeroHashes> CACHE = new ConcurrentHashMap<>();

  private final int depth;
  private final long[] limbs;

  private ZeroHashes(int depth) {
    this.depth = depth;
    this.limbs = new long[4 * (depth + 1)];
    for (int level = depth - 1; level >= 0; level--) {
      NodeHash.pair(limbs, 4 * (level + 1), limbs, 4 * (level + 1), limbs, 4 * level);
    }
  }

  /** The zero hashes of a tree of {@code depth} levels below the root. */
  public static ZeroHashes of(int depth) {
    if (depth < 1 || depth > 63) {
      throw new IllegalArgumentException("tree depth out of range: " + depth);
    }
    return CACHE.computeIfAbsent(depth, ZeroHashes::new);
  }

  public int depth() {
    return depth;
  }

  /** The limb array: level {@code l}'s zero hash sits at offset {@code 4 * l}. Do not modify. */
  public long[] limbs() {
    return limbs;
  }

  /** Copies level {@code level}'s zero hash to {@code out[oo..]}. */
  public void copy(int level, long[] out, int oo) {
    System.arraycopy(limbs, 4 * level, out, oo, 4);
  }

  /** Whether the value at {@code v[vo..]} is level {@code level}'s zero hash. */
  public boolean isZero(int level, long[] v, int vo) {
    return NodeHash.equal(limbs, 4 * level, v, vo);
  }

  /** Level {@code level}'s zero hash. */
  public Fr at(int level) {
    return Fr.fromMontgomeryLimbs(limbs, 4 * level);
  }

  /** The root of the empty tree. */
  public Fr emptyRoot() {
    return at(0);
  }
}
