package io.quetzal.archiver;

/** A checkpoint could not be retrieved or rebuilt (the message says which and why). */
public final class CheckpointRetrievalException extends RuntimeException {
  public CheckpointRetrievalException(String message, Throwable cause) {
    super(message, cause);
  }

  public CheckpointRetrievalException(String message) {
    super(message);
  }
}
