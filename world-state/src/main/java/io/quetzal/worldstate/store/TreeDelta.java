package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.IndexedUpdate;
import io.quetzal.worldstate.tree.KeyIndex;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.Parallel;
import io.quetzal.worldstate.tree.Rehash;
import io.quetzal.worldstate.tree.ZeroHashes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Everything one block changes in one tree, computed in memory and ready to be written: the changed
 * nodes of every level, the new leaf preimages, the new key index entries, the new root and size,
 * and which existing leaves changed (the block's changelog).
 */
public final class TreeDelta {
  public final MerkleTreeId id;
  public final long sizeBefore;
  public final long sizeAfter;
  public final Fr root;

  /** Changed nodes per level, or {@code null} when no node changed. */
  final Rehash.Level[] levels;

  final long[] leafIndex;
  final IndexedLeaf[] leaves;
  final List<KeyIndex> keys;
  final long[] updatedExisting;

  /** Whether the nodes and leaves were already handed to a {@link Sink}. */
  final boolean streamed;

  /**
   * Receives a delta's bulk output while it is computed, on the computing thread: the indexed
   * leaves with their hashes once hashed, then every level of nodes as soon as it is known.
   */
  public interface Sink {
    void leaves(MerkleTreeId id, long[] index, IndexedLeaf[] leaves, long[] hash);

    void level(MerkleTreeId id, long sizeBefore, Rehash.Level level);
  }

  private TreeDelta(
      MerkleTreeId id,
      long sizeBefore,
      long sizeAfter,
      Fr root,
      Rehash.Level[] levels,
      long[] leafIndex,
      IndexedLeaf[] leaves,
      List<KeyIndex> keys,
      long[] updatedExisting,
      boolean streamed) {
    this.id = id;
    this.streamed = streamed;
    this.sizeBefore = sizeBefore;
    this.sizeAfter = sizeAfter;
    this.root = root;
    this.levels = levels;
    this.leafIndex = leafIndex;
    this.leaves = leaves;
    this.keys = keys;
    this.updatedExisting = updatedExisting;
  }

  /** The number of nodes this delta writes (at most). */
  public int nodeCount() {
    int n = 0;
    if (levels != null) {
      for (Rehash.Level l : levels) {
        n += l.count;
      }
    }
    return n;
  }

  private static Fr rootOf(Rehash.Level[] levels, Fr rootBefore) {
    return levels == null ? rootBefore : Fr.fromMontgomeryLimbs(levels[0].hash, 0);
  }

  /**
   * Appending {@code values} to an append-only tree of size {@code sizeBefore} and root {@code
   * rootBefore}. Zero values are empty leaves: never stored, never hashed, never indexed.
   */
  public static TreeDelta append(
      MerkleTreeId id,
      long sizeBefore,
      Fr rootBefore,
      List<Fr> values,
      Rehash.Siblings siblings,
      ForkJoinPool pool) {
    return append(id, sizeBefore, rootBefore, values, siblings, pool, null);
  }

  /** {@link #append}, streaming the levels to {@code sink} (if not null). */
  public static TreeDelta append(
      MerkleTreeId id,
      long sizeBefore,
      Fr rootBefore,
      List<Fr> values,
      Rehash.Siblings siblings,
      ForkJoinPool pool,
      Sink sink) {
    long sizeAfter = sizeBefore + values.size();
    if (sizeAfter > (1L << id.height())) {
      throw new io.quetzal.worldstate.tree.TreeUpdateException(
          "Tree " + id + " is full: new size " + sizeAfter);
    }
    int n = 0;
    for (Fr v : values) {
      if (!v.isZero()) {
        n++;
      }
    }
    long[] idx = new long[n];
    long[] hash = new long[4 * n];
    List<KeyIndex> keys = new ArrayList<>(n);
    Set<Fr> seen = new HashSet<>();
    int m = 0;
    for (int i = 0; i < values.size(); i++) {
      Fr v = values.get(i);
      if (v.isZero()) {
        continue;
      }
      idx[m] = sizeBefore + i;
      v.writeMontgomeryLimbs(hash, 4 * m);
      if (seen.add(v)) {
        keys.add(new KeyIndex(v, sizeBefore + i));
      }
      m++;
    }
    Rehash.Level[] levels =
        n == 0
            ? null
            : Rehash.run(
                ZeroHashes.of(id.height()),
                sizeBefore,
                idx,
                hash,
                n,
                siblings,
                pool,
                sink == null ? null : l -> sink.level(id, sizeBefore, l));
    return new TreeDelta(
        id,
        sizeBefore,
        sizeAfter,
        rootOf(levels, rootBefore),
        levels,
        null,
        null,
        keys,
        new long[0],
        sink != null);
  }

  /**
   * The final leaves {@code u} of an indexed tree written and rehashed. At genesis every leaf is
   * hashed; afterwards an empty leaf's value is zero (barretenberg's rule).
   */
  public static TreeDelta indexed(
      MerkleTreeId id,
      LeafKind kind,
      IndexedUpdate u,
      Fr rootBefore,
      Rehash.Siblings siblings,
      ForkJoinPool pool,
      boolean genesis) {
    return indexed(id, kind, u, rootBefore, siblings, pool, genesis, null);
  }

  /** {@link #indexed}, streaming the leaves and the levels above them to {@code sink}. */
  public static TreeDelta indexed(
      MerkleTreeId id,
      LeafKind kind,
      IndexedUpdate u,
      Fr rootBefore,
      Rehash.Siblings siblings,
      ForkJoinPool pool,
      boolean genesis,
      Sink sink) {
    int n = u.changed.size();
    long[] idx = new long[n];
    IndexedLeaf[] leaves = new IndexedLeaf[n];
    int i = 0;
    for (Map.Entry<Long, IndexedLeaf> e : u.changed.entrySet()) {
      idx[i] = e.getKey();
      leaves[i] = e.getValue();
      i++;
    }
    long[] hash = new long[4 * n];
    Parallel.forRange(
        pool,
        n,
        256,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            if (genesis) {
              kind.hash(leaves[k], hash, 4 * k);
            } else {
              kind.leafValue(leaves[k], hash, 4 * k);
            }
          }
        });
    if (sink != null && n > 0) {
      sink.leaves(id, idx, leaves, hash);
    }
    Rehash.Level[] levels =
        n == 0
            ? null
            : Rehash.run(
                ZeroHashes.of(id.height()),
                u.sizeBefore,
                idx,
                hash,
                n,
                siblings,
                pool,
                sink == null
                    ? null
                    : l -> {
                      if (l.level < id.height()) {
                        sink.level(id, u.sizeBefore, l);
                      }
                    });
    return new TreeDelta(
        id,
        u.sizeBefore,
        u.sizeAfter,
        rootOf(levels, rootBefore),
        levels,
        idx,
        leaves,
        u.newKeys,
        u.updatedExisting,
        sink != null);
  }
}
