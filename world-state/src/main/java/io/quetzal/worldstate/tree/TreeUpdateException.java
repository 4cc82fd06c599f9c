package io.quetzal.worldstate.tree;

/**
 * A tree refused an update (a duplicate or already present key, a full tree); nothing was changed.
 * Messages follow the official world state's wording.
 */
public class TreeUpdateException extends RuntimeException {
  public TreeUpdateException(String message) {
    super(message);
  }
}
