package io.quetzal.kvstore;

/**
 * Settings of an LMDB environment.
 *
 * @param mapSizeBytes the maximum size the store may reach (address space reserved, not disk used)
 * @param maxDatabases the maximum number of named databases
 * @param maxReaders the maximum number of concurrently open snapshots
 * @param durability how commits are flushed
 * @param writeMap MDB_WRITEMAP: the transaction writes straight into the memory map, so a commit
 *     flushes the map instead of writing out page copies (markedly cheaper commits for large random
 *     updates). The data file is then a sparse file as large as the map size; its disk usage is
 *     what was written.
 */
public record LmdbConfig(
    long mapSizeBytes, int maxDatabases, int maxReaders, Durability durability, boolean writeMap) {
  /** 64 GiB of address space, 64 databases, 126 readers, full durability, write map. */
  public static final LmdbConfig DEFAULT =
      new LmdbConfig(64L << 30, 64, 126, Durability.FULL, true);

  /** Without the write map. */
  public LmdbConfig(long mapSizeBytes, int maxDatabases, int maxReaders, Durability durability) {
    this(mapSizeBytes, maxDatabases, maxReaders, durability, false);
  }

  public LmdbConfig {
    if (mapSizeBytes < (1L << 20)) {
      throw new IllegalArgumentException(
          "mapSizeBytes must be at least 1 MiB, got " + mapSizeBytes);
    }
    if (maxDatabases < 1 || maxReaders < 1) {
      throw new IllegalArgumentException("maxDatabases and maxReaders must be positive");
    }
    if (durability == null) {
      throw new IllegalArgumentException("durability is required");
    }
  }

  /** A copy with another map size. */
  public LmdbConfig withMapSizeBytes(long bytes) {
    return new LmdbConfig(bytes, maxDatabases, maxReaders, durability, writeMap);
  }

  /** A copy with another durability. */
  public LmdbConfig withDurability(Durability d) {
    return new LmdbConfig(mapSizeBytes, maxDatabases, maxReaders, d, writeMap);
  }

  /** A copy with or without the write map. */
  public LmdbConfig withWriteMap(boolean on) {
    return new LmdbConfig(mapSizeBytes, maxDatabases, maxReaders, durability, on);
  }
}
