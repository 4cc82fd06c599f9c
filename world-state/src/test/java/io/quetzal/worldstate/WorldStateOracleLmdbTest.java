package io.quetzal.worldstate;

import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import java.nio.file.Path;

class WorldStateOracleLmdbTest extends WorldStateOracleContract {
  @Override
  KvStore newStore(Path dir) {
    return LmdbKvStore.open(dir, new LmdbConfig(1L << 30, 64, 32, Durability.NONE));
  }
}
