package io.quetzal.worldstate;

/**
 * A fork operation was rejected (for example a duplicate or existing nullifier, a full tree, a
 * header whose state differs from the fork's); the fork is unchanged.
 */
public final class TreeOperationException extends WorldStateException {
  public TreeOperationException(String message, Throwable cause) {
    super(message, cause);
  }

  public TreeOperationException(String message) {
    super(message);
  }
}
