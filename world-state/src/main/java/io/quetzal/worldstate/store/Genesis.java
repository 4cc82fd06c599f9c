package io.quetzal.worldstate.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.genesis.IndexedTreeGenesis;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.IndexedUpdate;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.ZeroHashes;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Block 0: the 128 initial leaves of each indexed tree (public data with the prefill in the last
 * positions, see {@link IndexedTreeGenesis}), empty note hash and message trees, and the archive
 * holding the hash of the empty header over that initial state.
 */
public final class Genesis {
  private Genesis() {}

  /** The deltas of block 0, in tree-id order; the archive's leaf is the initial header hash. */
  public static List<TreeDelta> deltas(List<PublicDataTreeLeaf> prefilled, ForkJoinPool pool) {
    TreeDelta nullifiers =
        TreeDelta.indexed(
            MerkleTreeId.NULLIFIER_TREE,
            LeafKind.NULLIFIER,
            IndexedUpdate.genesis(
                IndexedTreeGenesis.nullifierLeaves().stream().map(IndexedLeaf::of).toList()),
            Fr.ZERO,
            (l, i, o, oo) -> false,
            pool,
            true);
    TreeDelta publicData =
        TreeDelta.indexed(
            MerkleTreeId.PUBLIC_DATA_TREE,
            LeafKind.PUBLIC_DATA,
            IndexedUpdate.genesis(
                IndexedTreeGenesis.publicDataLeaves(prefilled).stream()
                    .map(IndexedLeaf::of)
                    .toList()),
            Fr.ZERO,
            (l, i, o, oo) -> false,
            pool,
            true);
    TreeDelta noteHashes = empty(MerkleTreeId.NOTE_HASH_TREE);
    TreeDelta messages = empty(MerkleTreeId.L1_TO_L2_MESSAGE_TREE);
    StateReference initial =
        new StateReference(
            snapshot(messages),
            new PartialStateReference(
                snapshot(noteHashes), snapshot(nullifiers), snapshot(publicData)));
    Fr headerHash = BlockHeader.empty(initial).hash();
    TreeDelta archive =
        TreeDelta.append(
            MerkleTreeId.ARCHIVE,
            0,
            ZeroHashes.of(MerkleTreeId.ARCHIVE.height()).emptyRoot(),
            List.of(headerHash),
            (l, i, o, oo) -> false,
            pool);
    return List.of(nullifiers, noteHashes, publicData, messages, archive);
  }

  private static TreeDelta empty(MerkleTreeId id) {
    return TreeDelta.append(
        id, 0, ZeroHashes.of(id.height()).emptyRoot(), List.of(), (l, i, o, oo) -> false, null);
  }

  private static AppendOnlyTreeSnapshot snapshot(TreeDelta d) {
    return new AppendOnlyTreeSnapshot(d.root, d.sizeAfter);
  }
}
