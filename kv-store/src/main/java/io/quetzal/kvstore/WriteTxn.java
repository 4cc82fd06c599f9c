package io.quetzal.kvstore;

/**
 * The single write transaction of a {@link KvStore}, handed to {@link WriteWork}. Reads see the
 * committed state plus this transaction's own writes. Everything becomes visible to new snapshots
 * at once when the work returns, or nothing does when it throws. Confined to the calling thread.
 */
public interface WriteTxn extends KvReader {
  /** Stores {@code value} under {@code key}, replacing any previous value. */
  void put(KvDatabase db, byte[] key, byte[] value);

  /** Removes {@code key}; returns whether it was present. */
  boolean delete(KvDatabase db, byte[] key);
}
