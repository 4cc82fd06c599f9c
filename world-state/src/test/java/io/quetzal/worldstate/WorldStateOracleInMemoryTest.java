package io.quetzal.worldstate;

import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.KvStore;
import java.nio.file.Path;

class WorldStateOracleInMemoryTest extends WorldStateOracleContract {
  @Override
  KvStore newStore(Path dir) {
    return new InMemoryKvStore();
  }
}
