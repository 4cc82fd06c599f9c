package io.quetzal.archiver.store;

/** A write the store refuses (out-of-order or inconsistent data); nothing was written. */
public final class ArchiverStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArchiverStoreException(String message) {
    super(message);
  }
}
