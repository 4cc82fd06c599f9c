package io.quetzal.worldstate.store;

import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.WriteTxn;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.KeyIndex;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.Rehash;
import io.quetzal.worldstate.tree.ZeroHashes;
import java.util.List;

/**
 * Writes a block's {@link TreeDelta}s as version {@code block}, inside the caller's transaction.
 */
public final class BlockWriter {
  private BlockWriter() {}

  /** Writes the deltas of {@code block} and the new chain state. */
  public static void write(
      WriteTxn txn, StoreLayout layout, long block, List<TreeDelta> deltas, ChainState state) {
    StoreLayout.checkBlock(block);
    for (TreeDelta d : deltas) {
      writeTree(txn, layout, block, d);
    }
    txn.put(layout.meta(), ChainState.KEY, state.encode());
  }

  /** Records which blocks the store holds. */
  public static void writeChainState(WriteTxn txn, StoreLayout layout, ChainState state) {
    txn.put(layout.meta(), ChainState.KEY, state.encode());
  }

  /**
   * Writes one tree's delta as version {@code block}: its nodes and leaves unless they were
   * streamed already (then {@link #writeLevel} and {@link #writeLeaves} did), then its key index
   * entries, root and size, and changelog.
   */
  public static void writeTree(WriteTxn txn, StoreLayout layout, long block, TreeDelta d) {
    StoreLayout.checkBlock(block);
    StoreLayout.TreeDbs dbs = layout.tree(d.id);
    if (!d.streamed) {
      if (d.leaves != null && d.leaves.length > 0) {
        writeLeaves(txn, layout, block, d.id, d.leafIndex, d.leaves, d.levels[d.id.height()].hash);
      }
      if (d.levels != null) {
        for (Rehash.Level l : d.levels) {
          if (d.leaves == null || l.level < d.id.height()) {
            writeLevel(txn, layout, block, d.id, d.sizeBefore, l);
          }
        }
      }
    }
    for (KeyIndex k : d.keys) {
      txn.put(dbs.keys(), StoreLayout.fieldKey(k.key()), StoreLayout.long8(k.index()));
    }
    txn.put(dbs.blocks(), StoreLayout.blockKey(block), new BlockMeta(d.root, d.sizeAfter).encode());
    if (d.updatedExisting.length > 0) {
      byte[] packed = new byte[8 * d.updatedExisting.length];
      for (int i = 0; i < d.updatedExisting.length; i++) {
        System.arraycopy(StoreLayout.long8(d.updatedExisting[i]), 0, packed, 8 * i, 8);
      }
      txn.put(layout.changes(), StoreLayout.changeKey(block, d.id), packed);
    }
  }

  /**
   * Writes one level of changed nodes. Nodes of empty subtrees in space the tree never used are
   * skipped: they never had a stored version and read as the empty hash.
   */
  public static void writeLevel(
      WriteTxn txn,
      StoreLayout layout,
      long block,
      MerkleTreeId id,
      long sizeBefore,
      Rehash.Level l) {
    int depth = id.height();
    ZeroHashes zeros = ZeroHashes.of(depth);
    KvDatabase nodes = layout.tree(id).nodes();
    int level = l.level;
    int shift = depth - level;
    for (int i = 0; i < l.count; i++) {
      long index = l.index[i];
      if ((index << shift) >= sizeBefore && zeros.isZero(level, l.hash, 4 * i)) {
        continue;
      }
      txn.put(
          nodes, StoreLayout.nodeKey(level, index, block), StoreLayout.limbBytes(l.hash, 4 * i));
    }
  }

  /**
   * Writes indexed leaves: the preimage followed by the leaf's value in the tree (so the leaf level
   * of an indexed tree needs no node entries of its own).
   */
  public static void writeLeaves(
      WriteTxn txn,
      StoreLayout layout,
      long block,
      MerkleTreeId id,
      long[] index,
      IndexedLeaf[] leaves,
      long[] hash) {
    LeafKind kind = StoreReader.kindOf(id);
    KvDatabase db = layout.tree(id).leaves();
    for (int i = 0; i < leaves.length; i++) {
      byte[] pre = kind.encode(leaves[i]);
      byte[] value = new byte[pre.length + 32];
      System.arraycopy(pre, 0, value, 0, pre.length);
      System.arraycopy(StoreLayout.limbBytes(hash, 4 * i), 0, value, pre.length, 32);
      txn.put(db, StoreLayout.leafKey(index[i], block), value);
    }
  }
}
