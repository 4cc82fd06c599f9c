package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.KvCursor;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.WriteTxn;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.LeafKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removing blocks from the versioned store, inside the caller's write transaction. A block's
 * written keys are derived from its changelog (the existing leaves it changed) and its size range
 * (the leaves it appended): every ancestor of those leaves got a new version at that block.
 *
 * <ul>
 *   <li>{@link #unwind} drops the newest block: exactly the versions it wrote, its new key index
 *       entries, its metadata and changelog.
 *   <li>{@link #prune} drops the oldest block's state: every version that the next block
 *       superseded, so reads at any later block are unchanged, plus the oldest block's metadata.
 * </ul>
 */
public final class History {
  private History() {}

  /** Removes {@code block}, which must be the newest stored block. */
  public static void unwind(WriteTxn txn, StoreLayout layout, long block) {
    StoreReader r = StoreReader.over(layout, txn);
    try {
      for (MerkleTreeId id : MerkleTreeId.values()) {
        unwindTree(txn, layout, r, id, block);
      }
    } finally {
      r.close();
    }
  }

  private static void unwindTree(
      WriteTxn txn, StoreLayout layout, StoreReader r, MerkleTreeId id, long block) {
    StoreLayout.TreeDbs dbs = layout.tree(id);
    BlockMeta now = r.blockMeta(id, block);
    BlockMeta prev = r.blockMeta(id, block - 1);
    if (now == null || prev == null) {
      throw new IllegalStateException("block " + block + " of " + id + " is not stored");
    }
    long[] updated = r.changes(block, id);
    LeafKind kind = StoreReader.kindOf(id);
    int depth = id.height();
    // key index entries of the appended leaves (only if they still point into the removed range)
    long[] tmp = new long[4];
    List<byte[]> keyDeletes = new ArrayList<>();
    for (long i = prev.size(); i < now.size(); i++) {
      Fr key;
      if (kind != null) {
        IndexedLeaf leaf = r.leaf(id, kind, i, block);
        key = leaf == null ? null : leaf.key();
      } else {
        key = r.node(id, depth, i, block, tmp, 0) ? Fr.fromMontgomeryLimbs(tmp, 0) : null;
      }
      if (key != null && !key.isZero()) {
        Long at = r.findAny(id, key);
        if (at != null && at >= prev.size()) {
          keyDeletes.add(StoreLayout.fieldKey(key));
        }
      }
    }
    for (byte[] k : keyDeletes) {
      txn.delete(dbs.keys(), k);
    }
    long[][] nodes = ancestors(depth, updated, prev.size(), now.size(), true);
    for (int level = 0; level <= depth; level++) {
      for (long i : nodes[level]) {
        txn.delete(dbs.nodes(), StoreLayout.nodeKey(level, i, block));
      }
    }
    if (kind != null) {
      for (long i : nodes[depth]) {
        txn.delete(dbs.leaves(), StoreLayout.leafKey(i, block));
      }
    }
    txn.delete(dbs.blocks(), StoreLayout.blockKey(block));
    txn.delete(layout.changes(), StoreLayout.changeKey(block, id));
  }

  /**
   * Removes the state of {@code block} (the oldest stored), deleting every version older than
   * {@code block + 1} of a key that {@code block + 1} wrote.
   */
  public static void prune(WriteTxn txn, StoreLayout layout, long block) {
    StoreReader r = StoreReader.over(layout, txn);
    try {
      for (MerkleTreeId id : MerkleTreeId.values()) {
        pruneTree(txn, layout, r, id, block);
      }
    } finally {
      r.close();
    }
  }

  private static void pruneTree(
      WriteTxn txn, StoreLayout layout, StoreReader r, MerkleTreeId id, long block) {
    StoreLayout.TreeDbs dbs = layout.tree(id);
    BlockMeta old = r.blockMeta(id, block);
    BlockMeta next = r.blockMeta(id, block + 1);
    if (old == null || next == null) {
      throw new IllegalStateException(
          "blocks " + block + ".." + (block + 1) + " of " + id + " are not stored");
    }
    long[] updated = r.changes(block + 1, id);
    int depth = id.height();
    // Appended leaves have no older versions; only ancestors straddling the old end may.
    long[][] nodes = ancestors(depth, updated, old.size(), next.size(), false);
    List<byte[]> deletes = new ArrayList<>();
    try (KvCursor c = txn.cursor(dbs.nodes())) {
      for (int level = 0; level <= depth; level++) {
        for (long i : nodes[level]) {
          olderVersions(c, StoreLayout.nodeKey(level, i, block + 1), 7, block + 1, deletes);
        }
      }
    }
    delete(txn, dbs.nodes(), deletes);
    if (dbs.leaves() != null && updated.length > 0) {
      try (KvCursor c = txn.cursor(dbs.leaves())) {
        for (long i : updated) {
          olderVersions(c, StoreLayout.leafKey(i, block + 1), 6, block + 1, deletes);
        }
      }
      delete(txn, dbs.leaves(), deletes);
    }
    txn.delete(dbs.blocks(), StoreLayout.blockKey(block));
    txn.delete(layout.changes(), StoreLayout.changeKey(block + 1, id));
  }

  /**
   * Collects the versions older than {@code newer} of the key at {@code seek}, but only if a
   * version exactly at {@code newer} exists (otherwise the older ones are still the newest).
   */
  private static void olderVersions(
      KvCursor c, byte[] seek, int prefix, long newer, List<byte[]> out) {
    if (!c.seekCeiling(seek)
        || !StoreLayout.samePrefix(c.key(), seek, prefix)
        || StoreLayout.versionOf(c.key()) != newer) {
      return;
    }
    while (c.next() && StoreLayout.samePrefix(c.key(), seek, prefix)) {
      out.add(c.key());
    }
  }

  private static void delete(WriteTxn txn, KvDatabase db, List<byte[]> keys) {
    for (byte[] k : keys) {
      txn.delete(db, k);
    }
    keys.clear();
  }

  /**
   * The nodes above the leaves {@code updated} and {@code [from, to)}, per level (sorted, unique).
   * With {@code wholeRange == false} only the range's leftmost ancestor per level that also covers
   * leaves below {@code from} is included.
   */
  static long[][] ancestors(int depth, long[] updated, long from, long to, boolean wholeRange) {
    long[][] out = new long[depth + 1][];
    long[] cur = merge(updated, wholeRange ? from : to, to);
    out[depth] = cur;
    for (int level = depth - 1; level >= 0; level--) {
      int shift = depth - level;
      long[] parents = new long[cur.length + 1];
      int n = 0;
      for (long i : cur) {
        long p = i >>> 1;
        if (n == 0 || parents[n - 1] != p) {
          parents[n++] = p;
        }
      }
      if (!wholeRange && to > from) {
        long straddling = from >>> shift;
        if ((straddling << shift) < from
            && (n == 0 || Arrays.binarySearch(parents, 0, n, straddling) < 0)) {
          parents[n++] = straddling;
          Arrays.sort(parents, 0, n);
        }
      }
      cur = Arrays.copyOf(parents, n);
      out[level] = cur;
    }
    return out;
  }

  private static long[] merge(long[] sorted, long from, long to) {
    long[] out = new long[sorted.length + (int) Math.max(0, to - from)];
    int n = 0;
    int i = 0;
    long r = from;
    while (i < sorted.length || r < to) {
      long next;
      if (r >= to || (i < sorted.length && sorted[i] < r)) {
        next = sorted[i++];
      } else {
        next = r++;
      }
      if (n == 0 || out[n - 1] != next) {
        out[n++] = next;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
