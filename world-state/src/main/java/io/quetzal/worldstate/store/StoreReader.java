package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.KvCursor;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.KvReader;
import io.quetzal.kvstore.ReadSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.KeyIndex;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.TreeBase;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the stored trees as of any retained block through one {@link KvReader} (a snapshot it owns,
 * or the writer's transaction), reusing one cursor per database. Confined to one thread; close it
 * to release the cursors (and the snapshot, if owned).
 */
public final class StoreReader implements AutoCloseable {
  private final StoreLayout layout;
  private final KvReader reader;
  private final ReadSnapshot owned;
  private final Map<KvDatabase, KvCursor> cursors = new HashMap<>();

  private StoreReader(StoreLayout layout, KvReader reader, ReadSnapshot owned) {
    this.layout = layout;
    this.reader = reader;
    this.owned = owned;
  }

  /** A reader over a new snapshot of the latest commit. */
  public static StoreReader open(StoreLayout layout) {
    ReadSnapshot s = layout.kv().snapshot();
    return new StoreReader(layout, s, s);
  }

  /** A reader over {@code reader}, which the caller keeps open longer than this. */
  public static StoreReader over(StoreLayout layout, KvReader reader) {
    return new StoreReader(layout, reader, null);
  }

  public StoreLayout layout() {
    return layout;
  }

  private KvCursor cursor(KvDatabase db) {
    return cursors.computeIfAbsent(db, reader::cursor);
  }

  /** Which blocks are stored, or {@code null} for a store never initialised. */
  public ChainState chainState() {
    byte[] b = reader.get(layout.meta(), ChainState.KEY);
    return b == null ? null : ChainState.decode(b);
  }

  /** A stored configuration value, or {@code null}. */
  public byte[] metaValue(byte[] key) {
    return reader.get(layout.meta(), key);
  }

  /** The tree's root and size after {@code block}, or {@code null} if not stored. */
  public BlockMeta blockMeta(MerkleTreeId id, long block) {
    byte[] b = reader.get(layout.tree(id).blocks(), StoreLayout.blockKey(block));
    return b == null ? null : BlockMeta.decode(b);
  }

  /**
   * The node's newest version at or before {@code block}; {@code false} if none. The leaf level of
   * an indexed tree is read from the leaf entries, which carry the leaf's value.
   */
  public boolean node(MerkleTreeId id, int level, long index, long block, long[] out, int oo) {
    if (level == id.height() && id.isIndexed()) {
      byte[] seek = StoreLayout.leafKey(index, block);
      KvCursor c = cursor(layout.tree(id).leaves());
      if (!c.seekCeiling(seek) || !StoreLayout.samePrefix(c.key(), seek, 6)) {
        return false;
      }
      byte[] v = c.value();
      StoreLayout.readLimbs(v, v.length - 32, out, oo);
      return true;
    }
    byte[] seek = StoreLayout.nodeKey(level, index, block);
    KvCursor c = cursor(layout.tree(id).nodes());
    if (!c.seekCeiling(seek)) {
      return false;
    }
    byte[] k = c.key();
    if (!StoreLayout.samePrefix(k, seek, 7)) {
      return false;
    }
    StoreLayout.readLimbs(c.value(), 0, out, oo);
    return true;
  }

  /** The leaf preimage's newest version at or before {@code block}, or {@code null}. */
  public IndexedLeaf leaf(MerkleTreeId id, LeafKind kind, long index, long block) {
    byte[] seek = StoreLayout.leafKey(index, block);
    KvCursor c = cursor(layout.tree(id).leaves());
    if (!c.seekCeiling(seek) || !StoreLayout.samePrefix(c.key(), seek, 6)) {
      return null;
    }
    return kind.decode(c.value());
  }

  /** The largest stored key at or below {@code key} whose leaf index is below {@code size}. */
  public KeyIndex floor(MerkleTreeId id, Fr key, long size) {
    KvCursor c = cursor(layout.tree(id).keys());
    for (boolean ok = c.seekFloor(StoreLayout.fieldKey(key)); ok; ok = c.prev()) {
      long index = StoreLayout.long8(c.value(), 0);
      if (index < size) {
        return new KeyIndex(Fr.fromBytes(c.key()), index);
      }
    }
    return null;
  }

  /** The index stored for {@code key} if it is below {@code size}. */
  public Long find(MerkleTreeId id, Fr key, long size) {
    byte[] v = reader.get(layout.tree(id).keys(), StoreLayout.fieldKey(key));
    if (v == null) {
      return null;
    }
    long index = StoreLayout.long8(v, 0);
    return index < size ? index : null;
  }

  /** The stored index for {@code key}, whatever the size. */
  Long findAny(MerkleTreeId id, Fr key) {
    byte[] v = reader.get(layout.tree(id).keys(), StoreLayout.fieldKey(key));
    return v == null ? null : StoreLayout.long8(v, 0);
  }

  /** The existing-leaf indices {@code block} changed in tree {@code id}. */
  public long[] changes(long block, MerkleTreeId id) {
    byte[] b = reader.get(layout.changes(), StoreLayout.changeKey(block, id));
    if (b == null) {
      return new long[0];
    }
    long[] out = new long[b.length / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = StoreLayout.long8(b, 8 * i);
    }
    return out;
  }

  /** A view of tree {@code id} as of {@code block}, which must be stored. */
  public TreeBase view(MerkleTreeId id, long block) {
    BlockMeta m = blockMeta(id, block);
    if (m == null) {
      throw new IllegalStateException("no state of " + id + " stored for block " + block);
    }
    return new StoredTree(this, id, block, m);
  }

  @Override
  public void close() {
    for (KvCursor c : cursors.values()) {
      c.close();
    }
    cursors.clear();
    if (owned != null) {
      owned.close();
    }
  }

  /** One tree at one block through a reader. */
  public static final class StoredTree implements TreeBase {
    private final StoreReader r;
    private final MerkleTreeId id;
    private final long block;
    private final BlockMeta meta;
    private final LeafKind kind;

    StoredTree(StoreReader r, MerkleTreeId id, long block, BlockMeta meta) {
      this.r = r;
      this.id = id;
      this.block = block;
      this.meta = meta;
      this.kind = kindOf(id);
    }

    public Fr root() {
      return meta.root();
    }

    public long block() {
      return block;
    }

    @Override
    public int depth() {
      return id.height();
    }

    @Override
    public long size() {
      return meta.size();
    }

    @Override
    public boolean node(int level, long index, long[] out, int oo) {
      if ((index << (id.height() - level)) >= meta.size()) {
        return false;
      }
      return r.node(id, level, index, block, out, oo);
    }

    @Override
    public IndexedLeaf leaf(long index) {
      if (kind == null || index >= meta.size()) {
        return null;
      }
      return r.leaf(id, kind, index, block);
    }

    @Override
    public KeyIndex floor(Fr key) {
      return r.floor(id, key, meta.size());
    }

    @Override
    public Long find(Fr key) {
      return r.find(id, key, meta.size());
    }
  }

  /** The leaf kind of an indexed tree, {@code null} for append-only trees. */
  public static LeafKind kindOf(MerkleTreeId id) {
    return switch (id) {
      case NULLIFIER_TREE -> LeafKind.NULLIFIER;
      case PUBLIC_DATA_TREE -> LeafKind.PUBLIC_DATA;
      default -> null;
    };
  }
}
