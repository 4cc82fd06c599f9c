package io.quetzal.worldstate;

/** A world-state operation failed; the store is unchanged. */
public class WorldStateException extends RuntimeException {
  public WorldStateException(String message) {
    super(message);
  }

  public WorldStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
