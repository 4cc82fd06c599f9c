package io.quetzal.kvstore;

/**
 * A read-only view of the store as it was committed when the snapshot was opened; later commits are
 * invisible to it. Confined to one thread at a time (any thread, not only the opener); several
 * snapshots may be open at once on different threads. Close it promptly: an open snapshot keeps the
 * pages of its state from being reused.
 */
public interface ReadSnapshot extends KvReader, AutoCloseable {
  @Override
  void close();
}
