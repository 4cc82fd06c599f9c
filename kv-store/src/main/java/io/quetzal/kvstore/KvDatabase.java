package io.quetzal.kvstore;

/**
 * A named key-value database inside a {@link KvStore}: an ordered map from byte-string keys to
 * byte-string values, keys compared as unsigned bytes (lexicographically, shorter prefix first).
 * Handles are obtained from {@link KvStore#database(String)} and are only valid with the store that
 * made them.
 */
public interface KvDatabase {
  /** The database's name. */
  String name();
}
