package io.quetzal.kvstore;

import java.nio.file.Path;

class InMemoryKvStoreTest extends KvStoreContract {
  @Override
  KvStore open(Path dir) {
    return new InMemoryKvStore();
  }
}
