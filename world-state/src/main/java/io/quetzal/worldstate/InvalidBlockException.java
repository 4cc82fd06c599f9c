package io.quetzal.worldstate;

/**
 * A block could not be applied as given (wrong number, too many effects, an empty public data
 * write, a duplicate or existing nullifier, a full tree); the store is unchanged.
 */
public final class InvalidBlockException extends WorldStateException {
  public InvalidBlockException(String message) {
    super(message);
  }

  public InvalidBlockException(String message, Throwable cause) {
    super(message, cause);
  }
}
