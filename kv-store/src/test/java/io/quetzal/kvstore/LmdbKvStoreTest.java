package io.quetzal.kvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LmdbKvStoreTest extends KvStoreContract {
  @Override
  KvStore open(Path dir) {
    return LmdbKvStore.open(dir, new LmdbConfig(64L << 20, 1024, 16, Durability.NONE));
  }

  @Test
  void committedDataSurvivesReopening() {
    put(a, "x", "persisted");
    store.close();
    store = open(dir);
    assertThat(get(store.database("a"), "x")).isEqualTo("persisted");
    assertThat(store.sizeOnDiskBytes()).isPositive();
  }

  @Test
  void fullMapAbortsTheTransactionWithATypedError() {
    store.close();
    store = LmdbKvStore.open(dir.resolve("small"), new LmdbConfig(1L << 20, 4, 4, Durability.NONE));
    KvDatabase db = store.database("d");
    store.write(
        txn -> {
          txn.put(db, new byte[] {1}, new byte[] {1});
          return null;
        });
    assertThatThrownBy(
            () ->
                store.write(
                    txn -> {
                      for (int i = 0; i < 10_000; i++) {
                        txn.put(db, new byte[] {2, (byte) (i >> 8), (byte) i}, new byte[1024]);
                      }
                      return null;
                    }))
        .isInstanceOf(KvStoreFullException.class)
        .hasMessageContaining("map size");
    try (ReadSnapshot s = store.snapshot()) {
      assertThat(s.get(db, new byte[] {1})).containsExactly(1);
      assertThat(s.ceiling(db, new byte[] {2})).isNull();
    }
  }

  @Test
  void configIsValidated() {
    assertThatThrownBy(() -> new LmdbConfig(1, 1, 1, Durability.FULL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LmdbConfig.DEFAULT.withMapSizeBytes(1L << 30).mapSizeBytes()).isEqualTo(1L << 30);
    assertThat(LmdbConfig.DEFAULT.withDurability(Durability.NONE).durability())
        .isEqualTo(Durability.NONE);
  }
}
