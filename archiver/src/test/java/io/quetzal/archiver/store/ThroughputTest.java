package io.quetzal.archiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough cost of {@code addCheckpoints} on LMDB for 531 checkpoints (the sync target is ≥ 80
 * checkpoints/s end to end), one transaction per checkpoint as the synchronizer writes them. Prints
 * the figures (no time is asserted: performance is measured, not tested); asserts that every
 * checkpoint was stored.
 */
class ThroughputTest {
  @TempDir Path dir;

  @Test
  void addCheckpointsCost() {
    List<PublishedCheckpoint> empty = Chains.synthetic(5, null, 531, 1, 0);
    List<PublishedCheckpoint> busy = Chains.synthetic(6, null, 531, 1, 4);
    for (Durability d : List.of(Durability.FULL, Durability.NONE)) {
      double e = measure(dir.resolve("e" + d), empty, d);
      double b = measure(dir.resolve("b" + d), busy, d);
      System.out.printf(
          "addCheckpoints on LMDB (%s): %.3f ms per empty checkpoint, %.3f ms per checkpoint"
              + " of 4 txs with logs%n",
          d, e, b);
    }
  }

  private static double measure(Path path, List<PublishedCheckpoint> chain, Durability d) {
    LmdbConfig cfg = new LmdbConfig(1L << 30, 64, 32, d, true);
    List<Double> runs = new ArrayList<>();
    try (LmdbKvStore kv = LmdbKvStore.open(path, cfg)) {
      ArchiverStore s = new ArchiverStore(kv, ArchiverStoreContract.GENESIS);
      // warm-up on the first 100, then time the rest
      for (PublishedCheckpoint pc : chain.subList(0, 100)) {
        s.addCheckpoints(List.of(pc));
      }
      long t0 = System.nanoTime();
      for (PublishedCheckpoint pc : chain.subList(100, chain.size())) {
        s.addCheckpoints(List.of(pc));
      }
      runs.add((System.nanoTime() - t0) / 1e6 / (chain.size() - 100));
      assertThat(s.latestCheckpointNumber()).isEqualTo(chain.size());
    }
    return runs.get(0);
  }
}
