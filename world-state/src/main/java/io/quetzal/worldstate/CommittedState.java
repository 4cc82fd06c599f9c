package io.quetzal.worldstate;

import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.store.StoreReader;
import io.quetzal.worldstate.tree.TreeBase;

/** The committed state after one block. Thread-safe: every call reads its own snapshot. */
final class CommittedState extends ReadOps {
  CommittedState(WorldState ws, long block) {
    super(ws, block);
  }

  @Override
  TreeBase tree(StoreReader r, MerkleTreeId id) {
    return r.view(id, block);
  }

  @Override
  void checkUsable() {
    ws.checkOpen();
  }
}
