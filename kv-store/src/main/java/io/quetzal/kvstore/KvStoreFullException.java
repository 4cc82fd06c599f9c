package io.quetzal.kvstore;

/**
 * The store reached its configured map size; the transaction was aborted and nothing of it was
 * written. Reopen with a larger map size.
 */
public final class KvStoreFullException extends KvStoreException {
  public KvStoreFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
