package io.quetzal.kvstore;

import java.util.Arrays;
import java.util.function.BiPredicate;

/**
 * Read access to a consistent state of a {@link KvStore}: a committed snapshot ({@link
 * ReadSnapshot}) or the state seen inside a write transaction ({@link WriteTxn}, which includes its
 * own writes).
 */
public interface KvReader {
  /** The value stored under {@code key}, or {@code null}. */
  byte[] get(KvDatabase db, byte[] key);

  /** A cursor over {@code db}; close it before this reader. */
  KvCursor cursor(KvDatabase db);

  /** The first entry with a key at or after {@code key}, or {@code null}. */
  default KvEntry ceiling(KvDatabase db, byte[] key) {
    try (KvCursor c = cursor(db)) {
      return c.seekCeiling(key) ? new KvEntry(c.key(), c.value()) : null;
    }
  }

  /** The last entry with a key at or before {@code key}, or {@code null}. */
  default KvEntry floor(KvDatabase db, byte[] key) {
    try (KvCursor c = cursor(db)) {
      return c.seekFloor(key) ? new KvEntry(c.key(), c.value()) : null;
    }
  }

  /**
   * Visits the entries with {@code from <= key < toExclusive} in key order ({@code toExclusive ==
   * null} means to the end) until the visitor returns {@code false}.
   */
  default void forEach(
      KvDatabase db, byte[] from, byte[] toExclusive, BiPredicate<byte[], byte[]> visitor) {
    try (KvCursor c = cursor(db)) {
      for (boolean ok = c.seekCeiling(from); ok; ok = c.next()) {
        byte[] k = c.key();
        if (toExclusive != null && Arrays.compareUnsigned(k, toExclusive) >= 0) {
          return;
        }
        if (!visitor.test(k, c.value())) {
          return;
        }
      }
    }
  }
}
