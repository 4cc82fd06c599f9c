package io.quetzal.worldstate;

/** The state of the requested block is not held: newer than the latest, pruned, or unwound. */
public final class BlockNotAvailableException extends WorldStateException {
  public BlockNotAvailableException(String message) {
    super(message);
  }
}
