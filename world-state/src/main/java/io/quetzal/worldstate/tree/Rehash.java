package io.quetzal.worldstate.tree;

import io.quetzal.foundation.crypto.Poseidon2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Recomputes the nodes above a set of changed leaves, once each, level by level: at every level the
 * changed nodes are sorted by index, each parent is hashed from its two children, a child that did
 * not change is read from the tree (or is the empty subtree's hash when it lies beyond the old
 * size), and a parent of two empty children is the next empty hash without hashing. Large levels
 * are split into chunks hashed in parallel on a bounded {@link ForkJoinPool}.
 *
 * <p>This is the whole cost of applying a block: no per-insert witnesses, no repeated paths.
 */
public final class Rehash {
  /** Nodes that did not change, for sibling lookups. Called from pool threads when parallel. */
  @FunctionalInterface
  public interface Siblings {
    /** Copies node ({@code level}, {@code index}) to {@code out[oo..]}; {@code false} if absent. */
    boolean read(int level, long index, long[] out, int oo);
  }

  /** The changed nodes of one level, sorted by index; {@code hash} holds 4 limbs per node. */
  public static final class Level {
    public final int level;
    public final long[] index;
    public final long[] hash;
    public final int count;

    public Level(int level, long[] index, long[] hash, int count) {
      this.level = level;
      this.index = index;
      this.hash = hash;
      this.count = count;
    }
  }

  /** Levels below this many nodes are hashed on the calling thread. */
  static final int PARALLEL_THRESHOLD = 512;

  private Rehash() {}

  /**
   * Returns the changed nodes of every level, {@code result[l]} for level {@code l}, from the
   * leaves ({@code result[depth]}, the input) to the root ({@code result[0]}, one node).
   *
   * @param zeros the tree's empty hashes (and depth)
   * @param sizeBefore the tree size before the change: unchanged nodes at or beyond it are empty
   * @param leafIndex the changed leaf indices, strictly ascending
   * @param leafHash their new values, 4 limbs each
   * @param count how many leaves
   * @param siblings unchanged nodes
   * @param pool where to hash large levels in parallel, or {@code null}
   */
  public static Level[] run(
      ZeroHashes zeros,
      long sizeBefore,
      long[] leafIndex,
      long[] leafHash,
      int count,
      Siblings siblings,
      ForkJoinPool pool) {
    return run(zeros, sizeBefore, leafIndex, leafHash, count, siblings, pool, null);
  }

  /** {@link #run}, handing each level to {@code onLevel} (leaves first) as soon as it is known. */
  public static Level[] run(
      ZeroHashes zeros,
      long sizeBefore,
      long[] leafIndex,
      long[] leafHash,
      int count,
      Siblings siblings,
      ForkJoinPool pool,
      java.util.function.Consumer<Level> onLevel) {
    int depth = zeros.depth();
    Level[] levels = new Level[depth + 1];
    Level cur = new Level(depth, leafIndex, leafHash, count);
    levels[depth] = cur;
    if (count == 0) {
      throw new IllegalArgumentException("nothing to rehash");
    }
    if (onLevel != null) {
      onLevel.accept(cur);
    }
    for (int level = depth; level > 0; level--) {
      cur = up(zeros, sizeBefore, cur, siblings, pool);
      levels[level - 1] = cur;
      if (onLevel != null) {
        onLevel.accept(cur);
      }
    }
    return levels;
  }

  private static Level up(
      ZeroHashes zeros, long sizeBefore, Level child, Siblings siblings, ForkJoinPool pool) {
    int n = child.count;
    long[] pIndex = new long[n];
    long[] pHash = new long[4 * n];
    int parallelism = pool == null ? 1 : pool.getParallelism();
    if (n < PARALLEL_THRESHOLD || parallelism < 2) {
      int m = chunk(zeros, sizeBefore, child, 0, n, pIndex, pHash, 0, siblings);
      return new Level(child.level - 1, pIndex, pHash, m);
    }
    // Split at boundaries that do not separate two siblings.
    int chunks = Math.min(4 * parallelism, n / (PARALLEL_THRESHOLD / 4));
    int[] starts = new int[chunks + 1];
    for (int c = 0; c < chunks; c++) {
      int s = (int) ((long) n * c / chunks);
      if (s > 0 && (child.index[s] & 1) == 1 && child.index[s - 1] == child.index[s] - 1) {
        s++;
      }
      starts[c] = Math.max(s, c == 0 ? 0 : starts[c - 1]);
    }
    starts[chunks] = n;
    int[] produced = new int[chunks];
    List<RecursiveAction> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      final int ci = c;
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              produced[ci] =
                  chunk(
                      zeros,
                      sizeBefore,
                      child,
                      starts[ci],
                      starts[ci + 1],
                      pIndex,
                      pHash,
                      starts[ci],
                      siblings);
            }
          });
    }
    Parallel.invokeAll(pool, tasks);
    // Compact: chunk c wrote its parents at offset starts[c].
    int m = 0;
    for (int c = 0; c < chunks; c++) {
      int from = starts[c];
      int len = produced[c];
      if (from != m) {
        System.arraycopy(pIndex, from, pIndex, m, len);
        System.arraycopy(pHash, 4 * from, pHash, 4 * m, 4 * len);
      }
      m += len;
    }
    return new Level(child.level - 1, pIndex, pHash, m);
  }

  /**
   * Hashes the parents of children {@code [from, to)} into the outputs at {@code out}: first the
   * (left, right) inputs of every parent are gathered (reading unchanged siblings), then all
   * non-empty pairs are hashed in one batch ({@link Poseidon2#hashPairs}, vectorised when native).
   */
  private static int chunk(
      ZeroHashes zeros,
      long sizeBefore,
      Level child,
      int from,
      int to,
      long[] pIndex,
      long[] pHash,
      int out,
      Siblings siblings) {
    int level = child.level;
    int depth = zeros.depth();
    long[] zl = zeros.limbs();
    long[] idx = child.index;
    long[] h = child.hash;
    long[] pairs = new long[8 * (to - from)];
    int[] slot = new int[to - from];
    long[] tmp = new long[4];
    int o = out;
    int m = 0;
    int i = from;
    while (i < to) {
      long j = idx[i];
      int base = 8 * m;
      if ((j & 1) == 0) {
        System.arraycopy(h, 4 * i, pairs, base, 4);
        if (i + 1 < to && idx[i + 1] == j + 1) {
          System.arraycopy(h, 4 * (i + 1), pairs, base + 4, 4);
          i += 2;
        } else {
          sibling(zl, depth, level, j + 1, sizeBefore, siblings, tmp);
          System.arraycopy(tmp, 0, pairs, base + 4, 4);
          i += 1;
        }
      } else {
        sibling(zl, depth, level, j - 1, sizeBefore, siblings, tmp);
        System.arraycopy(tmp, 0, pairs, base, 4);
        System.arraycopy(h, 4 * i, pairs, base + 4, 4);
        i += 1;
      }
      pIndex[o] = j >>> 1;
      if (NodeHash.equal(pairs, base, zl, 4 * level)
          && NodeHash.equal(pairs, base + 4, zl, 4 * level)) {
        // two empty children: the parent is the next empty hash, no hashing
        System.arraycopy(zl, 4 * (level - 1), pHash, 4 * o, 4);
      } else {
        slot[m++] = o;
      }
      o++;
    }
    Poseidon2.hashPairs(pairs, 0, pairs, 0, m);
    for (int k = 0; k < m; k++) {
      System.arraycopy(pairs, 4 * k, pHash, 4 * slot[k], 4);
    }
    return o - out;
  }

  private static void sibling(
      long[] zl, int depth, int level, long index, long sizeBefore, Siblings s, long[] out) {
    if ((index << (depth - level)) >= sizeBefore || !s.read(level, index, out, 0)) {
      System.arraycopy(zl, 4 * level, out, 0, 4);
    }
  }
}
