package io.quetzal.kvstore;

import java.nio.file.Path;

/** The contract with MDB_WRITEMAP and full durability, the world state's production setting. */
class LmdbWriteMapKvStoreTest extends KvStoreContract {
  @Override
  KvStore open(Path dir) {
    return LmdbKvStore.open(dir, LmdbConfig.DEFAULT.withMapSizeBytes(64L << 20).withWriteMap(true));
  }
}
