package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.KvStore;
import io.quetzal.stdlib.trees.MerkleTreeId;
import java.util.Locale;

/**
 * The world state's databases and key encodings inside one {@link KvStore} (one LMDB environment,
 * so one write transaction covers a whole block).
 *
 * <pre>
 * per tree T (nullifier, note_hash, public_data, l1_to_l2, archive):
 *   T.nodes   level(1) index(6) ~block(4)  -> node hash, 32 bytes (Montgomery limbs, LE)
 *   T.leaves  index(6) ~block(4)           -> preimage (key, [value,] nextKey: 32 BE each;
 *                                             nextIndex: 8) then the leaf's value in the tree (32,
 *                                             Montgomery)                      (indexed trees only)
 *   T.keys    key or leaf value (32, BE)   -> leaf index (8)        (zero values not indexed)
 *   T.blocks  block(4)                     -> root (32, Montgomery) size (8)
 * changes     block(4) tree(1)             -> indices of existing leaves the block changed (8 each)
 * meta        "state"   -> latest(8) finalized(8) oldest(8)
 *             "config"  -> SHA-256 of the format version, tree heights and genesis prefill
 *             "genesis" -> the initial state reference (Aztec buffer)
 * </pre>
 *
 * <p>The leaf level of an indexed tree has no {@code nodes} entries: its values live with the
 * preimages, which saves one write per changed leaf. Node hashes are stored as Montgomery limbs
 * because they are only ever read back into the hashing kernels.
 *
 * <p>{@code ~block} is {@code 0xffffffff - block}, so versions of one node sort newest first and
 * one seek to (level, index, ~B) lands on the newest version at or before block B. Numbers are
 * big-endian so keys sort numerically. Empty subtrees are never stored: an absent node is the empty
 * hash of its level.
 */
public final class StoreLayout {
  /** Bumped whenever the layout changes. */
  public static final int FORMAT_VERSION = 1;

  /** One tree's databases. */
  public record TreeDbs(
      MerkleTreeId id, KvDatabase nodes, KvDatabase leaves, KvDatabase keys, KvDatabase blocks) {}

  private final KvStore kv;
  private final TreeDbs[] trees = new TreeDbs[MerkleTreeId.values().length];
  private final KvDatabase changes;
  private final KvDatabase meta;

  public StoreLayout(KvStore kv) {
    this.kv = kv;
    for (MerkleTreeId id : MerkleTreeId.values()) {
      String p = id.name().toLowerCase(Locale.ROOT).replace("_tree", "");
      trees[id.ordinal()] =
          new TreeDbs(
              id,
              kv.database(p + ".nodes"),
              id.isIndexed() ? kv.database(p + ".leaves") : null,
              kv.database(p + ".keys"),
              kv.database(p + ".blocks"));
    }
    changes = kv.database("changes");
    meta = kv.database("meta");
  }

  public KvStore kv() {
    return kv;
  }

  public TreeDbs tree(MerkleTreeId id) {
    return trees[id.ordinal()];
  }

  public KvDatabase changes() {
    return changes;
  }

  public KvDatabase meta() {
    return meta;
  }

  // -----------------------------------------------------------------------------------------------
  // Keys

  static final long MAX_BLOCK = 0xffff_ffffL;

  static void checkBlock(long block) {
    if (block < 0 || block > MAX_BLOCK) {
      throw new IllegalArgumentException("block number out of range: " + block);
    }
  }

  /** (level, index, ~block): 11 bytes. */
  public static byte[] nodeKey(int level, long index, long block) {
    byte[] k = new byte[11];
    k[0] = (byte) level;
    put48(k, 1, index);
    put32(k, 7, MAX_BLOCK - block);
    return k;
  }

  /** (index, ~block): 10 bytes. */
  public static byte[] leafKey(long index, long block) {
    byte[] k = new byte[10];
    put48(k, 0, index);
    put32(k, 6, MAX_BLOCK - block);
    return k;
  }

  public static byte[] blockKey(long block) {
    byte[] k = new byte[4];
    put32(k, 0, block);
    return k;
  }

  public static byte[] changeKey(long block, MerkleTreeId id) {
    byte[] k = new byte[5];
    put32(k, 0, block);
    k[4] = (byte) id.id();
    return k;
  }

  public static byte[] fieldKey(Fr value) {
    return value.toBytes();
  }

  /** The block of a node or leaf key. */
  static long versionOf(byte[] key) {
    return MAX_BLOCK - get32(key, key.length - 4);
  }

  static void put48(byte[] b, int o, long v) {
    if (v < 0 || v >= (1L << 48)) {
      throw new IllegalArgumentException("index out of range: " + v);
    }
    for (int i = 5; i >= 0; i--) {
      b[o + i] = (byte) v;
      v >>>= 8;
    }
  }

  static void put32(byte[] b, int o, long v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  static long get32(byte[] b, int o) {
    return ((b[o] & 0xffL) << 24)
        | ((b[o + 1] & 0xffL) << 16)
        | ((b[o + 2] & 0xffL) << 8)
        | (b[o + 3] & 0xffL);
  }

  static byte[] long8(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  static long long8(byte[] b, int o) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[o + i] & 0xff);
    }
    return v;
  }

  /** Montgomery limbs to 32 bytes (little-endian limbs, little-endian bytes). */
  static byte[] limbBytes(long[] limbs, int off) {
    byte[] b = new byte[32];
    for (int l = 0; l < 4; l++) {
      long v = limbs[off + l];
      for (int i = 0; i < 8; i++) {
        b[8 * l + i] = (byte) v;
        v >>>= 8;
      }
    }
    return b;
  }

  static void readLimbs(byte[] b, int bo, long[] out, int oo) {
    for (int l = 0; l < 4; l++) {
      long v = 0;
      for (int i = 7; i >= 0; i--) {
        v = (v << 8) | (b[bo + 8 * l + i] & 0xff);
      }
      out[oo + l] = v;
    }
  }

  static boolean samePrefix(byte[] a, byte[] b, int len) {
    for (int i = 0; i < len; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }
}
