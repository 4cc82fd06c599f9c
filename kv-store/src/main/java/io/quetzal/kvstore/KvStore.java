package io.quetzal.kvstore;

/**
 * A transactional, ordered key-value store made of named {@link KvDatabase}s: {@link LmdbKvStore}
 * in production, {@link InMemoryKvStore} in tests; both pass the same contract suite.
 *
 * <p>Concurrency: one writer at a time ({@link #write} and {@link #commit} serialize on an internal
 * lock and run the work on the calling thread), any number of concurrent {@link #snapshot()}
 * readers, each seeing the state committed when it was opened.
 */
public interface KvStore extends AutoCloseable {
  /**
   * The database named {@code name}, created empty if it does not exist yet. Open the databases
   * before the snapshots and transactions that use them: a reader refuses a database opened after
   * it began (LMDB's rule, enforced by both implementations).
   */
  KvDatabase database(String name);

  /** A read-only view of the latest committed state. */
  ReadSnapshot snapshot();

  /**
   * Runs {@code work} in the write transaction and commits when it returns; if it throws, the
   * transaction is aborted (nothing is written) and the exception propagates.
   */
  <T> T write(WriteWork<T> work);

  /** Applies {@code batch} atomically. */
  default void commit(WriteBatch batch) {
    write(
        txn -> {
          batch.applyTo(txn);
          return null;
        });
  }

  /** Bytes the store occupies on disk (0 for an in-memory store). */
  long sizeOnDiskBytes();

  /** Closes the store; open snapshots must be closed first. Idempotent. */
  @Override
  void close();
}
