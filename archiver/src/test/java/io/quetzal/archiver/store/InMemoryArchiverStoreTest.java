package io.quetzal.archiver.store;

import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.KvStore;

class InMemoryArchiverStoreTest extends ArchiverStoreContract {
  @Override
  KvStore newKv() {
    return new InMemoryKvStore();
  }
}
