package io.quetzal.kvstore;

/** A storage failure: the environment could not be opened, is full, closed, or failed an I/O. */
public class KvStoreException extends RuntimeException {
  public KvStoreException(String message) {
    super(message);
  }

  public KvStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
