package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One tree of a fork: the changes made on top of a committed state, kept in memory, with
 * barretenberg's per-operation semantics and witnesses (appendLeaves, batchInsert with low-leaf
 * witnesses and the new subtree's sibling path, sequentialInsert with low-leaf and insertion
 * witnesses) and nested checkpoints (an undo log: revert replays it back to the checkpoint, commit
 * forgets the checkpoint).
 *
 * <p>The committed state is passed to each call as a {@link TreeBase} (a fresh store snapshot per
 * call). A failed operation leaves the tree as it was. Not thread-safe: a fork is used by one
 * thread at a time.
 */
public final class OverlayTree {
  private static final int NODE = 0;
  private static final int LEAF = 1;
  private static final int KEY = 2;
  private static final int SIZE = 3;

  private record Undo(int what, long k, Fr key, Object old) {}

  private final String name;
  private final int depth;
  private final ZeroHashes zeros;
  private final LeafKind kind;
  private long size;
  private final Map<Long, long[]> nodes = new HashMap<>();
  private final Map<Long, IndexedLeaf> leaves = new HashMap<>();
  private final TreeMap<Fr, Long> keys = new TreeMap<>();
  private final List<Undo> undo = new ArrayList<>();
  private final List<Integer> marks = new ArrayList<>();

  /**
   * @param name the tree's official name (for messages)
   * @param depth the tree depth
   * @param kind the leaf kind of an indexed tree, {@code null} for an append-only tree
   * @param baseSize the committed size it starts from
   */
  public OverlayTree(String name, int depth, LeafKind kind, long baseSize) {
    this.name = name;
    this.depth = depth;
    this.zeros = ZeroHashes.of(depth);
    this.kind = kind;
    this.size = baseSize;
  }

  public long size() {
    return size;
  }

  public int depth() {
    return depth;
  }

  // -----------------------------------------------------------------------------------------------
  // Checkpoints

  /** Starts a nested checkpoint. */
  public void checkpoint() {
    marks.add(undo.size());
  }

  /** Keeps the changes since the last checkpoint (they now belong to the enclosing one). */
  public void commitCheckpoint() {
    if (marks.isEmpty()) {
      throw new IllegalStateException("no checkpoint to commit");
    }
    marks.remove(marks.size() - 1);
    if (marks.isEmpty()) {
      undo.clear();
    }
  }

  /** Undoes the changes since the last checkpoint. */
  public void revertCheckpoint() {
    if (marks.isEmpty()) {
      throw new IllegalStateException("no checkpoint to revert");
    }
    int mark = marks.remove(marks.size() - 1);
    for (int i = undo.size() - 1; i >= mark; i--) {
      Undo u = undo.remove(i);
      switch (u.what) {
        case NODE -> restore(nodes, u.k, (long[]) u.old);
        case LEAF -> restore(leaves, u.k, (IndexedLeaf) u.old);
        case KEY -> {
          if (u.old == null) {
            keys.remove(u.key);
          } else {
            keys.put(u.key, (Long) u.old);
          }
        }
        default -> size = u.k;
      }
    }
  }

  /** The number of open checkpoints. */
  public int checkpointDepth() {
    return marks.size();
  }

  private static <V> void restore(Map<Long, V> m, long k, V old) {
    if (old == null) {
      m.remove(k);
    } else {
      m.put(k, old);
    }
  }

  private boolean logging() {
    return !marks.isEmpty();
  }

  private static long nodeKey(int level, long index) {
    return ((long) level << 56) | index;
  }

  private void putNode(int level, long index, long[] src, int so) {
    long k = nodeKey(level, index);
    long[] v = Arrays.copyOfRange(src, so, so + 4);
    long[] old = nodes.put(k, v);
    if (logging()) {
      undo.add(new Undo(NODE, k, null, old));
    }
  }

  private void putLeaf(long index, IndexedLeaf leaf) {
    IndexedLeaf old = leaves.put(index, leaf);
    if (logging()) {
      undo.add(new Undo(LEAF, index, null, old));
    }
  }

  private void putKey(Fr key, long index) {
    Long old = keys.put(key, index);
    if (logging()) {
      undo.add(new Undo(KEY, 0, key, old));
    }
  }

  private void setSize(long s) {
    if (logging()) {
      undo.add(new Undo(SIZE, size, null, null));
    }
    size = s;
  }

  // -----------------------------------------------------------------------------------------------
  // Reads

  /** This tree's current state over {@code base}. */
  public TreeBase view(TreeBase base) {
    return new TreeBase() {
      @Override
      public int depth() {
        return depth;
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public boolean node(int level, long index, long[] out, int oo) {
        long[] v = nodes.get(nodeKey(level, index));
        if (v != null) {
          System.arraycopy(v, 0, out, oo, 4);
          return true;
        }
        return base.node(level, index, out, oo);
      }

      @Override
      public IndexedLeaf leaf(long index) {
        IndexedLeaf l = leaves.get(index);
        return l != null ? l : base.leaf(index);
      }

      @Override
      public KeyIndex floor(Fr key) {
        Map.Entry<Fr, Long> o = keys.floorEntry(key);
        KeyIndex b = base.floor(key);
        if (o == null) {
          return b;
        }
        if (b == null || o.getKey().compareTo(b.key()) >= 0) {
          return new KeyIndex(o.getKey(), o.getValue());
        }
        return b;
      }

      @Override
      public Long find(Fr key) {
        Long i = keys.get(key);
        return i != null ? i : base.find(key);
      }
    };
  }

  private static void nodeOrZero(TreeBase v, ZeroHashes z, int level, long index, long[] out) {
    if (!v.node(level, index, out, 0)) {
      z.copy(level, out, 0);
    }
  }

  /** The current root. */
  public Fr root(TreeBase base) {
    long[] t = new long[4];
    nodeOrZero(view(base), zeros, 0, 0, t);
    return Fr.fromMontgomeryLimbs(t, 0);
  }

  /** The sibling path of leaf {@code index}, leaf level first. */
  public List<Fr> siblingPath(TreeBase base, long index) {
    return pathOf(view(base), depth, index);
  }

  /** The siblings of node ({@code fromLevel}, {@code index}) up to the root. */
  private List<Fr> pathOf(TreeBase v, int fromLevel, long index) {
    List<Fr> out = new ArrayList<>(fromLevel);
    long[] t = new long[4];
    long i = index;
    for (int level = fromLevel; level > 0; level--) {
      nodeOrZero(v, zeros, level, i ^ 1, t);
      out.add(Fr.fromMontgomeryLimbs(t, 0));
      i >>>= 1;
    }
    return out;
  }

  // -----------------------------------------------------------------------------------------------
  // Writes

  /** Appends leaf values (append-only trees): barretenberg's appendLeaves. */
  public void append(TreeBase base, List<Fr> values) {
    if (values.isEmpty()) {
      return;
    }
    long start = size;
    long end = start + values.size();
    if (end > (1L << depth)) {
      throw new TreeUpdateException("Tree is full");
    }
    TreeBase v = view(base);
    long[] idx = new long[values.size()];
    long[] hash = new long[4 * values.size()];
    Set<Fr> first = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      idx[i] = start + i;
      values.get(i).writeMontgomeryLimbs(hash, 4 * i);
      Fr value = values.get(i);
      if (!value.isZero() && first.add(value) && !keys.containsKey(value)) {
        putKey(value, start + i);
      }
    }
    writeLevels(Rehash.run(zeros, start, idx, hash, idx.length, v::node, null));
    setSize(end);
  }

  private void writeLevels(Rehash.Level[] levels) {
    for (Rehash.Level l : levels) {
      for (int i = 0; i < l.count; i++) {
        putNode(l.level, l.index[i], l.hash, 4 * i);
      }
    }
  }

  /** Writes leaf {@code index} and rehashes its path; returns the path (unchanged by the write). */
  private List<Fr> updateLeaf(TreeBase v, long index, IndexedLeaf leaf) {
    long[] h = new long[4];
    kind.leafValue(leaf, h, 0);
    putLeaf(index, leaf);
    List<Fr> path = new ArrayList<>(depth);
    long[] sib = new long[4];
    long i = index;
    putNode(depth, i, h, 0);
    for (int level = depth; level > 0; level--) {
      nodeOrZero(v, zeros, level, i ^ 1, sib);
      path.add(Fr.fromMontgomeryLimbs(sib, 0));
      if ((i & 1) == 0) {
        NodeHash.pair(h, 0, sib, 0, h, 0);
      } else {
        NodeHash.pair(sib, 0, h, 0, h, 0);
      }
      i >>>= 1;
      putNode(level - 1, i, h, 0);
    }
    return path;
  }

  private IndexedLeaf currentLeaf(TreeBase v, long index) {
    IndexedLeaf l = v.leaf(index);
    if (l == null) {
      throw new TreeUpdateException(
          "Unable to insert values into tree "
              + name
              + " failed to get leaf pre-image by hash for index "
              + index);
    }
    return l;
  }

  /** The result of {@link #batchInsert}. */
  public record BatchResult(
      List<IndexedLeaf> sortedNewLeaves,
      long[] sortedNewLeavesIndexes,
      List<Fr> newSubtreeSiblingPath,
      List<Witness> lowLeavesWitnessData) {}

  /** The result of {@link #sequentialInsert}. */
  public record SequentialResult(
      List<Witness> lowLeavesWitnessData, List<Witness> insertionWitnessData) {}

  /** Batch insertion of a subtree of indexed leaves, with barretenberg's witnesses. */
  public BatchResult batchInsert(TreeBase base, List<IndexedLeaf> values, int subtreeHeight) {
    requireIndexed();
    checkpoint();
    try {
      BatchResult r = doBatchInsert(view(base), values, subtreeHeight);
      commitCheckpoint();
      return r;
    } catch (RuntimeException e) {
      revertCheckpoint();
      throw e;
    }
  }

  private BatchResult doBatchInsert(TreeBase v, List<IndexedLeaf> values, int subtreeHeight) {
    int n = values.size();
    long start = size;
    IndexedUpdate.checkCapacity(kind, depth, start + n);
    Integer[] order = new Integer[n];
    byte[][] be = new byte[n][];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      be[i] = values.get(i).key().toBytes();
    }
    // descending by key, ties by position
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Arrays.compareUnsigned(be[b], be[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    Set<Fr> unique = new HashSet<>();
    IndexedLeaf[] appended = new IndexedLeaf[n];
    Arrays.fill(appended, IndexedLeaf.EMPTY);
    List<long[]> updateIdx = new ArrayList<>();
    List<IndexedLeaf[]> updates = new ArrayList<>();
    Map<Long, IndexedLeaf> cached = new HashMap<>();
    for (int o = 0; o < n; o++) {
      int pos = order[o];
      IndexedLeaf value = values.get(pos);
      if (kind.isEmpty(value.key(), value.value())) {
        continue;
      }
      Fr key = value.key();
      if (!unique.add(key)) {
        throw new TreeUpdateException(
            "Duplicate key not allowed in same batch, key value: " + key + ", tree: " + name);
      }
      KeyIndex low = v.floor(key);
      IndexedLeaf lowLeaf =
          cached.containsKey(low.index()) ? cached.get(low.index()) : currentLeaf(v, low.index());
      long newIndex = start + pos;
      IndexedLeaf updated;
      if (!low.key().equals(key)) {
        appended[pos] = new IndexedLeaf(key, value.value(), lowLeaf.nextKey(), lowLeaf.nextIndex());
        updated = lowLeaf.withNext(key, newIndex);
        putKey(key, newIndex);
      } else if (kind.updateable()) {
        updated = new IndexedLeaf(key, value.value(), lowLeaf.nextKey(), lowLeaf.nextIndex());
      } else {
        throw IndexedUpdate.alreadyPresent(kind, key);
      }
      cached.put(low.index(), updated);
      updateIdx.add(new long[] {low.index()});
      updates.add(new IndexedLeaf[] {lowLeaf, updated});
    }
    List<Witness> witnesses = new ArrayList<>(n);
    for (int u = 0; u < updates.size(); u++) {
      long idx = updateIdx.get(u)[0];
      List<Fr> path = updateLeaf(v, idx, updates.get(u)[1]);
      witnesses.add(new Witness(idx, updates.get(u)[0], path));
    }
    List<Fr> zeroPath = Collections.nCopies(depth, Fr.ZERO);
    while (witnesses.size() < n) {
      witnesses.add(new Witness(0, IndexedLeaf.EMPTY, zeroPath));
    }
    List<Fr> subtreePath = pathOf(v, depth - subtreeHeight, start >>> subtreeHeight);
    // append the new leaves as one subtree
    if (n > 0) {
      long[] idx = new long[n];
      long[] hash = new long[4 * n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (!appended[i].equals(IndexedLeaf.EMPTY)) {
          putLeaf(start + i, appended[i]);
          idx[m] = start + i;
          kind.leafValue(appended[i], hash, 4 * m);
          m++;
        }
      }
      if (m > 0) {
        writeLevels(Rehash.run(zeros, start, idx, hash, m, v::node, null));
      }
      setSize(start + n);
    }
    List<IndexedLeaf> sorted = new ArrayList<>(n);
    long[] sortedIdx = new long[n];
    for (int o = 0; o < n; o++) {
      sorted.add(values.get(order[o]));
      sortedIdx[o] = order[o];
    }
    return new BatchResult(sorted, sortedIdx, subtreePath, witnesses);
  }

  /** Sequential insertion with low-leaf and insertion witnesses per inserted value. */
  public SequentialResult sequentialInsert(TreeBase base, List<IndexedLeaf> values) {
    requireIndexed();
    checkpoint();
    try {
      SequentialResult r = doSequentialInsert(view(base), values);
      commitCheckpoint();
      return r;
    } catch (RuntimeException e) {
      revertCheckpoint();
      throw e;
    }
  }

  private SequentialResult doSequentialInsert(TreeBase v, List<IndexedLeaf> values) {
    List<Witness> low = new ArrayList<>();
    List<Witness> insertion = new ArrayList<>();
    List<Fr> zeroPath = Collections.nCopies(depth, Fr.ZERO);
    for (IndexedLeaf value : values) {
      if (kind.isEmpty(value.key(), value.value())) {
        continue;
      }
      Fr key = value.key();
      KeyIndex lowKey = v.floor(key);
      IndexedLeaf lowLeaf = currentLeaf(v, lowKey.index());
      if (!lowKey.key().equals(key)) {
        long newIndex = size;
        IndexedUpdate.checkCapacity(kind, depth, newIndex + 1);
        IndexedLeaf fresh =
            new IndexedLeaf(key, value.value(), lowLeaf.nextKey(), lowLeaf.nextIndex());
        List<Fr> lowPath = updateLeaf(v, lowKey.index(), lowLeaf.withNext(key, newIndex));
        low.add(new Witness(lowKey.index(), lowLeaf, lowPath));
        putKey(key, newIndex);
        setSize(newIndex + 1);
        List<Fr> insPath = updateLeaf(v, newIndex, fresh);
        insertion.add(new Witness(newIndex, IndexedLeaf.EMPTY, insPath));
      } else if (kind.updateable()) {
        IndexedLeaf replaced = lowLeaf.withValue(value.value());
        List<Fr> lowPath = updateLeaf(v, lowKey.index(), replaced);
        low.add(new Witness(lowKey.index(), lowLeaf, lowPath));
        insertion.add(new Witness(0, IndexedLeaf.EMPTY, zeroPath));
      } else {
        throw IndexedUpdate.alreadyPresent(kind, key);
      }
    }
    return new SequentialResult(low, insertion);
  }

  private void requireIndexed() {
    if (kind == null) {
      throw new UnsupportedOperationException(name + " is not an indexed tree");
    }
  }
}
