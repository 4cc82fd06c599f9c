package io.quetzal.worldstate;

/** The fork was closed, or its base block was unwound, pruned or the world state closed. */
public final class ForkClosedException extends WorldStateException {
  public ForkClosedException(String message) {
    super(message);
  }
}
