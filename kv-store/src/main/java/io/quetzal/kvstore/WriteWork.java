package io.quetzal.kvstore;

/**
 * Work done inside the store's write transaction; see {@link KvStore#write(WriteWork)}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface WriteWork<T> {
  /** Reads and writes through {@code txn}; throwing aborts the transaction. */
  T apply(WriteTxn txn);
}
