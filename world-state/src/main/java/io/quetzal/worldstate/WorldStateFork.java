package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import io.quetzal.worldstate.store.StoreReader;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.OverlayTree;
import io.quetzal.worldstate.tree.TreeBase;
import io.quetzal.worldstate.tree.TreeUpdateException;
import io.quetzal.worldstate.tree.Witness;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A writable overlay on the committed state of one block, for building blocks: changes live in
 * memory (one {@link OverlayTree} per tree) and are never written to the store; nested checkpoints
 * commit or revert them. Reads see the base block through a fresh store snapshot per call, so a
 * fork stays valid until its base block is unwound or pruned (then {@link ForkClosedException}).
 *
 * <p>Not thread-safe: use a fork from one thread at a time.
 */
public final class WorldStateFork extends ReadOps implements MerkleTreeWriteOps {
  private final OverlayTree[] trees = new OverlayTree[MerkleTreeId.values().length];
  private volatile String closedReason;

  WorldStateFork(WorldState ws, long block, long[] sizes) {
    super(ws, block);
    for (MerkleTreeId id : MerkleTreeId.values()) {
      trees[id.ordinal()] =
          new OverlayTree(treeName(id), id.height(), StoreReader.kindOf(id), sizes[id.ordinal()]);
    }
  }

  static String treeName(MerkleTreeId id) {
    return switch (id) {
      case NULLIFIER_TREE -> "NullifierTree";
      case NOTE_HASH_TREE -> "NoteHashTree";
      case PUBLIC_DATA_TREE -> "PublicDataTree";
      case L1_TO_L2_MESSAGE_TREE -> "L1ToL2MessageTree";
      case ARCHIVE -> "ArchiveTree";
    };
  }

  @Override
  TreeBase tree(StoreReader r, MerkleTreeId id) {
    return trees[id.ordinal()].view(r.view(id, block));
  }

  @Override
  void checkUsable() {
    String reason = closedReason;
    if (reason != null) {
      throw new ForkClosedException("fork at block " + block + " is closed: " + reason);
    }
    ws.checkOpen();
  }

  void invalidate(String reason) {
    if (closedReason == null) {
      closedReason = reason;
    }
  }

  @Override
  public void close() {
    invalidate("closed by its owner");
    ws.forgetFork(this);
  }

  private <T> T write(MerkleTreeId id, Function<TreeBase, T> op) {
    return read(
        r -> {
          try {
            return op.apply(r.view(id, block));
          } catch (TreeUpdateException e) {
            throw new TreeOperationException(e.getMessage(), e);
          }
        });
  }

  private OverlayTree t(MerkleTreeId id) {
    return trees[id.ordinal()];
  }

  @Override
  public void appendLeaves(MerkleTreeId id, List<Fr> leaves) {
    if (id.isIndexed()) {
      throw new IllegalArgumentException("appendLeaves is for append-only trees, not " + id);
    }
    write(
        id,
        base -> {
          t(id).append(base, leaves);
          return null;
        });
  }

  private static <P> List<LeafWitness<P>> witnesses(
      List<Witness> ws, Function<IndexedLeaf, P> convert) {
    List<LeafWitness<P>> out = new ArrayList<>(ws.size());
    for (Witness w : ws) {
      out.add(new LeafWitness<>(w.index(), convert.apply(w.leaf()), w.siblingPath()));
    }
    return out;
  }

  private static List<Long> boxed(long[] a) {
    List<Long> out = new ArrayList<>(a.length);
    for (long v : a) {
      out.add(v);
    }
    return out;
  }

  @Override
  public BatchInsertionResult<Fr, NullifierLeafPreimage> batchInsertNullifiers(
      List<Fr> nullifiers, int subtreeHeight) {
    List<IndexedLeaf> leaves =
        nullifiers.stream().map(n -> new IndexedLeaf(n, Fr.ZERO, Fr.ZERO, 0)).toList();
    OverlayTree.BatchResult r =
        write(
            MerkleTreeId.NULLIFIER_TREE,
            base -> t(MerkleTreeId.NULLIFIER_TREE).batchInsert(base, leaves, subtreeHeight));
    return new BatchInsertionResult<>(
        r.sortedNewLeaves().stream().map(IndexedLeaf::key).toList(),
        boxed(r.sortedNewLeavesIndexes()),
        r.newSubtreeSiblingPath(),
        witnesses(r.lowLeavesWitnessData(), IndexedLeaf::toNullifier));
  }

  @Override
  public BatchInsertionResult<PublicDataTreeLeaf, PublicDataTreeLeafPreimage> batchInsertPublicData(
      List<PublicDataTreeLeaf> leaves, int subtreeHeight) {
    List<IndexedLeaf> values = leaves.stream().map(IndexedLeaf::of).toList();
    OverlayTree.BatchResult r =
        write(
            MerkleTreeId.PUBLIC_DATA_TREE,
            base -> t(MerkleTreeId.PUBLIC_DATA_TREE).batchInsert(base, values, subtreeHeight));
    return new BatchInsertionResult<>(
        r.sortedNewLeaves().stream().map(l -> new PublicDataTreeLeaf(l.key(), l.value())).toList(),
        boxed(r.sortedNewLeavesIndexes()),
        r.newSubtreeSiblingPath(),
        witnesses(r.lowLeavesWitnessData(), IndexedLeaf::toPublicData));
  }

  @Override
  public SequentialInsertionResult<PublicDataTreeLeafPreimage> sequentialInsertPublicData(
      List<PublicDataTreeLeaf> writes) {
    List<IndexedLeaf> values = writes.stream().map(IndexedLeaf::of).toList();
    OverlayTree.SequentialResult r =
        write(
            MerkleTreeId.PUBLIC_DATA_TREE,
            base -> t(MerkleTreeId.PUBLIC_DATA_TREE).sequentialInsert(base, values));
    return new SequentialInsertionResult<>(
        witnesses(r.lowLeavesWitnessData(), IndexedLeaf::toPublicData),
        witnesses(r.insertionWitnessData(), IndexedLeaf::toPublicData));
  }

  @Override
  public SequentialInsertionResult<NullifierLeafPreimage> sequentialInsertNullifiers(
      List<Fr> nullifiers) {
    List<IndexedLeaf> values =
        nullifiers.stream().map(n -> new IndexedLeaf(n, Fr.ZERO, Fr.ZERO, 0)).toList();
    OverlayTree.SequentialResult r =
        write(
            MerkleTreeId.NULLIFIER_TREE,
            base -> t(MerkleTreeId.NULLIFIER_TREE).sequentialInsert(base, values));
    return new SequentialInsertionResult<>(
        witnesses(r.lowLeavesWitnessData(), IndexedLeaf::toNullifier),
        witnesses(r.insertionWitnessData(), IndexedLeaf::toNullifier));
  }

  @Override
  public void updateArchive(BlockHeader header) {
    StateReference mine = stateReference();
    if (!mine.equals(header.state())) {
      throw new TreeOperationException(
          "Can't update archive tree: Block state does not match world state");
    }
    appendLeaves(MerkleTreeId.ARCHIVE, List.of(header.hash()));
  }

  private void eachTree(java.util.function.Consumer<OverlayTree> f) {
    checkUsable();
    for (OverlayTree t : trees) {
      f.accept(t);
    }
  }

  @Override
  public void createCheckpoint() {
    eachTree(OverlayTree::checkpoint);
  }

  private void requireCheckpoint() {
    if (trees[0].checkpointDepth() == 0) {
      throw new TreeOperationException("no checkpoint is open");
    }
  }

  @Override
  public void commitCheckpoint() {
    checkUsable();
    requireCheckpoint();
    eachTree(OverlayTree::commitCheckpoint);
  }

  @Override
  public void revertCheckpoint() {
    checkUsable();
    requireCheckpoint();
    eachTree(OverlayTree::revertCheckpoint);
  }

  @Override
  public void commitAllCheckpoints() {
    checkUsable();
    while (trees[0].checkpointDepth() > 0) {
      eachTree(OverlayTree::commitCheckpoint);
    }
  }

  @Override
  public void revertAllCheckpoints() {
    checkUsable();
    while (trees[0].checkpointDepth() > 0) {
      eachTree(OverlayTree::revertCheckpoint);
    }
  }

  /** The number of open checkpoints. */
  public int checkpointDepth() {
    return trees[0].checkpointDepth();
  }
}
