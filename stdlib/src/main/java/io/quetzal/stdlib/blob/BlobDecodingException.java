package io.quetzal.stdlib.blob;

/**
 * Blob data that cannot be decoded: a bad marker, a count that runs past the data, a field at or
 * above the BN254 modulus, an invalid effect, bad file-store JSON. The message names the problem.
 * Callers (the archiver) treat the checkpoint as unreadable.
 */
public class BlobDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlobDecodingException(String message) {
    super(message);
  }

  public BlobDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
