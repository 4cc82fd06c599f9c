package io.quetzal.stdlib.trees;

import io.quetzal.stdlib.Constants;

/** The five Aztec trees, with their official numeric ids and heights. */
public enum MerkleTreeId {
  NULLIFIER_TREE(Constants.NULLIFIER_TREE_ID, Constants.NULLIFIER_TREE_HEIGHT),
  NOTE_HASH_TREE(Constants.NOTE_HASH_TREE_ID, Constants.NOTE_HASH_TREE_HEIGHT),
  PUBLIC_DATA_TREE(Constants.PUBLIC_DATA_TREE_ID, Constants.PUBLIC_DATA_TREE_HEIGHT),
  L1_TO_L2_MESSAGE_TREE(Constants.L1_TO_L2_MESSAGE_TREE_ID, Constants.L1_TO_L2_MSG_TREE_HEIGHT),
  ARCHIVE(Constants.ARCHIVE_TREE_ID, Constants.ARCHIVE_HEIGHT);

  private final int id;
  private final int height;

  MerkleTreeId(int id, int height) {
    this.id = id;
    this.height = height;
  }

  /** The official numeric id (0 to 4). */
  public int id() {
    return id;
  }

  /** The tree's depth: a leaf's sibling path has this many nodes. */
  public int height() {
    return height;
  }

  /** Whether the tree is an indexed (low-leaf linked) tree. */
  public boolean isIndexed() {
    return this == NULLIFIER_TREE || this == PUBLIC_DATA_TREE;
  }

  /** The tree with the given official id. */
  public static MerkleTreeId fromId(int id) {
    for (MerkleTreeId t : values()) {
      if (t.id == id) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown MerkleTreeId " + id);
  }
}
