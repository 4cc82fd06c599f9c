package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import io.quetzal.worldstate.store.StoreReader;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.KeyIndex;
import io.quetzal.worldstate.tree.TreeBase;
import io.quetzal.worldstate.tree.ZeroHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read operations over some state, each on its own short store snapshot: subclasses say which
 * block they read and what lies on top of it.
 */
abstract class ReadOps implements MerkleTreeReadOps {
  final WorldState ws;
  final long block;

  ReadOps(WorldState ws, long block) {
    this.ws = ws;
    this.block = block;
  }

  /** The tree as this state sees it, over a reader opened for this call. */
  abstract TreeBase tree(StoreReader r, MerkleTreeId id);

  /** Throws if this state can no longer be read. */
  abstract void checkUsable();

  <T> T read(Function<StoreReader, T> f) {
    checkUsable();
    try (StoreReader r = ws.openReader()) {
      ws.checkHolds(r, block);
      return f.apply(r);
    }
  }

  @Override
  public long blockNumber() {
    return block;
  }

  static Fr nodeOrZero(TreeBase t, int level, long index) {
    long[] out = new long[4];
    if (!t.node(level, index, out, 0)) {
      return ZeroHashes.of(t.depth()).at(level);
    }
    return Fr.fromMontgomeryLimbs(out, 0);
  }

  static TreeInfo info(MerkleTreeId id, TreeBase t) {
    return new TreeInfo(id, nodeOrZero(t, 0, 0), t.size(), id.height());
  }

  @Override
  public TreeInfo treeInfo(MerkleTreeId id) {
    return read(r -> info(id, tree(r, id)));
  }

  @Override
  public StateReference stateReference() {
    return read(
        r ->
            new StateReference(
                snap(r, MerkleTreeId.L1_TO_L2_MESSAGE_TREE),
                new PartialStateReference(
                    snap(r, MerkleTreeId.NOTE_HASH_TREE),
                    snap(r, MerkleTreeId.NULLIFIER_TREE),
                    snap(r, MerkleTreeId.PUBLIC_DATA_TREE))));
  }

  private AppendOnlyTreeSnapshot snap(StoreReader r, MerkleTreeId id) {
    return info(id, tree(r, id)).snapshot();
  }

  static void checkIndex(MerkleTreeId id, long index) {
    if (index < 0 || index >= (1L << id.height())) {
      throw new IllegalArgumentException("leaf index " + index + " out of range for " + id);
    }
  }

  static List<Fr> path(TreeBase t, long index) {
    List<Fr> out = new ArrayList<>(t.depth());
    long i = index;
    for (int level = t.depth(); level > 0; level--) {
      out.add(nodeOrZero(t, level, i ^ 1));
      i >>>= 1;
    }
    return out;
  }

  @Override
  public List<Fr> siblingPath(MerkleTreeId id, long index) {
    checkIndex(id, index);
    return read(r -> path(tree(r, id), index));
  }

  @Override
  public Optional<Long> findLeafIndex(MerkleTreeId id, Fr leaf) {
    if (!id.isIndexed() && leaf.isZero()) {
      return Optional.empty();
    }
    return read(r -> Optional.ofNullable(tree(r, id).find(leaf)));
  }

  @Override
  public List<Optional<Long>> findLeafIndices(MerkleTreeId id, List<Fr> leaves) {
    return read(
        r -> {
          TreeBase t = tree(r, id);
          List<Optional<Long>> out = new ArrayList<>(leaves.size());
          for (Fr leaf : leaves) {
            out.add(
                !id.isIndexed() && leaf.isZero()
                    ? Optional.empty()
                    : Optional.ofNullable(t.find(leaf)));
          }
          return out;
        });
  }

  @Override
  public Fr leafValue(MerkleTreeId id, long index) {
    if (id.isIndexed()) {
      throw new IllegalArgumentException(id + " is indexed: read its leaf preimages");
    }
    checkIndex(id, index);
    return read(r -> nodeOrZero(tree(r, id), id.height(), index));
  }

  private Optional<IndexedLeaf> preimage(MerkleTreeId id, long index) {
    checkIndex(id, index);
    return read(
        r -> {
          TreeBase t = tree(r, id);
          IndexedLeaf leaf = t.leaf(index);
          // an empty position inside the tree reads as the empty preimage, past the end as nothing
          return Optional.ofNullable(leaf == null && index < t.size() ? IndexedLeaf.EMPTY : leaf);
        });
  }

  @Override
  public Optional<NullifierLeafPreimage> nullifierPreimage(long index) {
    return preimage(MerkleTreeId.NULLIFIER_TREE, index).map(IndexedLeaf::toNullifier);
  }

  @Override
  public Optional<PublicDataTreeLeafPreimage> publicDataPreimage(long index) {
    return preimage(MerkleTreeId.PUBLIC_DATA_TREE, index).map(IndexedLeaf::toPublicData);
  }

  @Override
  public LowLeaf lowLeaf(MerkleTreeId id, Fr key) {
    if (!id.isIndexed()) {
      throw new IllegalArgumentException(id + " is not an indexed tree");
    }
    return read(
        r -> {
          KeyIndex k = tree(r, id).floor(key);
          if (k == null) {
            throw new IllegalStateException("no leaf at or below " + key + " in " + id);
          }
          return new LowLeaf(k.index(), k.key().equals(key));
        });
  }
}
