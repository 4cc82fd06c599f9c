package io.quetzal.archiver.store;

import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class LmdbArchiverStoreTest extends ArchiverStoreContract {
  static final LmdbConfig LMDB = new LmdbConfig(1L << 30, 64, 32, Durability.NONE, true);
  @TempDir Path dir;
  private final AtomicInteger n = new AtomicInteger();

  @Override
  KvStore newKv() {
    return LmdbKvStore.open(dir.resolve("s" + n.incrementAndGet()), LMDB);
  }
}
