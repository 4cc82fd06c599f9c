package io.quetzal.ethereum.blobs;

/**
 * A blob source answered something unusable (bad JSON, a file that is not snappy, a wrong
 * commitment) or blobs are missing. The message names the source by scheme, host and port only
 * (paths and queries may carry API keys) and says what is wrong.
 */
public class BlobSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlobSourceException(String message) {
    super(message);
  }

  public BlobSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
