package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final leaves of an indexed tree after a batch or sequential insertion, computed directly
 * rather than by replaying the insertions one by one (the sync path needs no witnesses).
 *
 * <p>The result equals barretenberg's: in both modes the inserted keys end up in one ascending
 * chain with the existing ones, so each new key's successor is the next larger key of the union and
 * each existing leaf whose successor changes is the committed predecessor of a run of new keys. The
 * modes differ in which index a new key gets: a batch gives the value at position {@code i} index
 * {@code size + i} (empty values keep their position, so the tree grows by the batch length),
 * sequential insertion hands out {@code size, size + 1, ...} to keys in order of first appearance.
 * An existing key is an error for nullifiers and a payload update for public data; a key repeated
 * within a batch is an error, within a sequential insertion a second update.
 */
public final class IndexedUpdate {
  /** The tree size before and after. */
  public final long sizeBefore;

  public final long sizeAfter;

  /** Every leaf the insertion writes, by index (existing leaves changed and new leaves). */
  public final TreeMap<Long, IndexedLeaf> changed;

  /** The indices below {@link #sizeBefore} among {@link #changed}, ascending. */
  public final long[] updatedExisting;

  /** The new keys and their indices. */
  public final List<KeyIndex> newKeys;

  private IndexedUpdate(
      long sizeBefore,
      long sizeAfter,
      TreeMap<Long, IndexedLeaf> changed,
      long[] updatedExisting,
      List<KeyIndex> newKeys) {
    this.sizeBefore = sizeBefore;
    this.sizeAfter = sizeAfter;
    this.changed = changed;
    this.updatedExisting = updatedExisting;
    this.newKeys = newKeys;
  }

  private static final class Entry {
    final Fr key;
    final byte[] be;
    Fr value;
    long index;
    boolean isNew;

    Entry(Fr key, Fr value) {
      this.key = key;
      this.be = key.toBytes();
      this.value = value;
    }
  }

  /** The initial leaves of a tree, all written and indexed at genesis. */
  public static IndexedUpdate genesis(List<IndexedLeaf> leaves) {
    TreeMap<Long, IndexedLeaf> changed = new TreeMap<>();
    List<KeyIndex> keys = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      changed.put((long) i, leaves.get(i));
      keys.add(new KeyIndex(leaves.get(i).key(), i));
    }
    return new IndexedUpdate(0, leaves.size(), changed, new long[0], keys);
  }

  /** Batch insertion of {@code values} (key and payload; links ignored). */
  public static IndexedUpdate batch(LeafKind kind, TreeBase base, List<IndexedLeaf> values) {
    long size = base.size();
    long after = size + values.size();
    checkCapacity(kind, base.depth(), after);
    Map<Fr, Entry> seen = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (int pos = 0; pos < values.size(); pos++) {
      IndexedLeaf v = values.get(pos);
      if (kind.isEmpty(v.key(), v.value())) {
        continue;
      }
      Entry e = new Entry(v.key(), v.value());
      if (seen.putIfAbsent(v.key(), e) != null) {
        throw new TreeUpdateException(
            "Duplicate key not allowed in same batch, key value: "
                + v.key()
                + ", tree: "
                + kind.treeName());
      }
      e.index = size + pos;
      entries.add(e);
    }
    return finish(kind, base, size, after, entries, true);
  }

  /** Sequential insertion of {@code values}; empty values are skipped, as barretenberg does. */
  public static IndexedUpdate sequential(LeafKind kind, TreeBase base, List<IndexedLeaf> values) {
    long size = base.size();
    Map<Fr, Entry> seen = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (IndexedLeaf v : values) {
      if (kind.isEmpty(v.key(), v.value())) {
        continue;
      }
      Entry e = seen.get(v.key());
      if (e != null) {
        if (!kind.updateable()) {
          throw alreadyPresent(kind, v.key());
        }
        e.value = v.value();
        continue;
      }
      e = new Entry(v.key(), v.value());
      seen.put(v.key(), e);
      entries.add(e);
    }
    return finish(kind, base, size, -1, entries, false);
  }

  static TreeUpdateException alreadyPresent(LeafKind kind, Fr key) {
    return new TreeUpdateException(
        "Unable to insert values into tree "
            + kind.treeName()
            + " leaf type "
            + kind.leafTypeName()
            + " is not updateable and "
            + key
            + " is already present");
  }

  static void checkCapacity(LeafKind kind, int depth, long newSize) {
    long max = 1L << depth;
    if (newSize > max) {
      throw new TreeUpdateException(
          "Unable to insert values into tree "
              + kind.treeName()
              + " new size: "
              + newSize
              + " max size: "
              + max);
    }
  }

  private static IndexedUpdate finish(
      LeafKind kind, TreeBase base, long size, long after, List<Entry> entries, boolean batch) {
    // Resolve which keys exist, in key order (sequential: in order of first appearance for the
    // indices of new keys).
    List<Entry> fresh = new ArrayList<>();
    Map<Entry, KeyIndex> lowOf = new HashMap<>();
    TreeMap<Long, IndexedLeaf> changed = new TreeMap<>();
    long next = size;
    for (Entry e : entries) {
      KeyIndex low = base.floor(e.key);
      if (low == null) {
        throw new IllegalStateException("indexed tree has no leaf below " + e.key);
      }
      if (low.key().equals(e.key)) {
        if (!kind.updateable()) {
          throw alreadyPresent(kind, e.key);
        }
        IndexedLeaf current = current(base, changed, low.index());
        changed.put(low.index(), current.withValue(e.value));
        e.isNew = false;
        e.index = low.index();
      } else {
        e.isNew = true;
        if (!batch) {
          e.index = next++;
        }
        fresh.add(e);
        lowOf.put(e, low);
      }
    }
    if (!batch) {
      after = next;
      checkCapacity(kind, base.depth(), after);
    }
    fresh.sort((a, b) -> Arrays.compareUnsigned(a.be, b.be));
    List<KeyIndex> newKeys = new ArrayList<>(fresh.size());
    int i = 0;
    while (i < fresh.size()) {
      long lowIndex = lowOf.get(fresh.get(i)).index();
      int j = i;
      while (j + 1 < fresh.size() && lowOf.get(fresh.get(j + 1)).index() == lowIndex) {
        j++;
      }
      IndexedLeaf low = current(base, changed, lowIndex);
      changed.put(lowIndex, low.withNext(fresh.get(i).key, fresh.get(i).index));
      for (int k = i; k <= j; k++) {
        Entry e = fresh.get(k);
        Fr nk = k < j ? fresh.get(k + 1).key : low.nextKey();
        long ni = k < j ? fresh.get(k + 1).index : low.nextIndex();
        changed.put(e.index, new IndexedLeaf(e.key, e.value, nk, ni));
        newKeys.add(new KeyIndex(e.key, e.index));
      }
      i = j + 1;
    }
    long[] updated =
        changed.keySet().stream().mapToLong(Long::longValue).filter(x -> x < size).toArray();
    return new IndexedUpdate(size, after, changed, updated, newKeys);
  }

  private static IndexedLeaf current(TreeBase base, Map<Long, IndexedLeaf> changed, long index) {
    IndexedLeaf l = changed.get(index);
    if (l != null) {
      return l;
    }
    l = base.leaf(index);
    if (l == null) {
      throw new IllegalStateException("missing preimage of leaf " + index);
    }
    return l;
  }
}
