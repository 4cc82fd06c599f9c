package io.quetzal.kvstore;

/**
 * A position in one database, read through the reader that opened it. Every move returns whether
 * the cursor now sits on an entry; {@link #key()} and {@link #value()} are only valid after a move
 * that returned {@code true}. A cursor is confined to one thread at a time and must be closed
 * before its reader.
 */
public interface KvCursor extends AutoCloseable {
  /** Moves to the first entry whose key is at or after {@code key}. */
  boolean seekCeiling(byte[] key);

  /** Moves to the last entry whose key is at or before {@code key}. */
  boolean seekFloor(byte[] key);

  /** Moves to the smallest key. */
  boolean first();

  /** Moves to the largest key. */
  boolean last();

  /** Moves to the next key; {@code false} at the end (the position is then undefined). */
  boolean next();

  /** Moves to the previous key; {@code false} at the start (the position is then undefined). */
  boolean prev();

  /** The current key; the caller must not modify the array. */
  byte[] key();

  /** The current value; the caller must not modify the array. */
  byte[] value();

  @Override
  void close();
}
