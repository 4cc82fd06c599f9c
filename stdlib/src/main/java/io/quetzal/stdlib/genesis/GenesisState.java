package io.quetzal.stdlib.genesis;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.ArrayList;
import java.util.List;

/**
 * The world state's genesis, computed without a tree store: the initial tree snapshots, the genesis
 * block header ({@code BlockHeader.empty(initialState)}) and the genesis archive root (the archive
 * tree holding that header's hash at index 0). Trees hash nodes as {@code poseidon2([left, right])}
 * with zero as the empty leaf; an indexed leaf is the hash of its preimage. Meant as an independent
 * check of module {@code world-state} and for tools (e.g. to print the genesis root); a few hundred
 * hashes per call. Stateless.
 */
public final class GenesisState {
  private GenesisState() {}

  /** The initial state of the four state trees, given the public-data prefill. */
  public static StateReference initialStateReference(List<PublicDataTreeLeaf> prefilled) {
    List<Fr> nullifierHashes = new ArrayList<>();
    for (NullifierLeafPreimage p : IndexedTreeGenesis.nullifierLeaves()) {
      nullifierHashes.add(p.hash());
    }
    List<Fr> publicDataHashes = new ArrayList<>();
    for (PublicDataTreeLeafPreimage p : IndexedTreeGenesis.publicDataLeaves(prefilled)) {
      publicDataHashes.add(p.hash());
    }
    return new StateReference(
        snapshot(List.of(), Constants.L1_TO_L2_MSG_TREE_HEIGHT),
        new PartialStateReference(
            snapshot(List.of(), Constants.NOTE_HASH_TREE_HEIGHT),
            snapshot(nullifierHashes, Constants.NULLIFIER_TREE_HEIGHT),
            snapshot(publicDataHashes, Constants.PUBLIC_DATA_TREE_HEIGHT)));
  }

  /** The genesis block header. */
  public static BlockHeader initialHeader(List<PublicDataTreeLeaf> prefilled) {
    return BlockHeader.empty(initialStateReference(prefilled));
  }

  /** The archive snapshot at genesis: one leaf, the genesis header's hash. */
  public static AppendOnlyTreeSnapshot genesisArchive(List<PublicDataTreeLeaf> prefilled) {
    return snapshot(List.of(initialHeader(prefilled).hash()), Constants.ARCHIVE_HEIGHT);
  }

  /** The genesis archive root (the value the rollup contract is deployed with). */
  public static Fr genesisArchiveRoot(List<PublicDataTreeLeaf> prefilled) {
    return genesisArchive(prefilled).root();
  }

  /** The snapshot of a tree of {@code height} whose first leaves are {@code leaves}. */
  static AppendOnlyTreeSnapshot snapshot(List<Fr> leaves, int height) {
    return new AppendOnlyTreeSnapshot(root(leaves, height), leaves.size());
  }

  /** The root of a tree of {@code height} with {@code leaves} at indices 0.. and zeros after. */
  public static Fr root(List<Fr> leaves, int height) {
    List<Fr> level = new ArrayList<>(leaves);
    Fr zero = Fr.ZERO;
    for (int h = 0; h < height; h++) {
      List<Fr> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        Fr right = i + 1 < level.size() ? level.get(i + 1) : zero;
        next.add(Poseidon2.hash(level.get(i), right));
      }
      zero = Poseidon2.hash(zero, zero);
      level = next;
    }
    return level.isEmpty() ? zero : level.get(0);
  }
}
