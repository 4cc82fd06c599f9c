package io.quetzal.kvstore;

/**
 * One key-value pair read from a database. The arrays must not be modified.
 *
 * @param key the key bytes
 * @param value the value bytes
 */
public record KvEntry(byte[] key, byte[] value) {}
