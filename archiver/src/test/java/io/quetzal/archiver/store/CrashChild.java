package io.quetzal.archiver.store;

import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import java.nio.file.Path;

/**
 * The process {@link CrashSafetyTest} kills: opens the store in a directory and appends the
 * deterministic synthetic checkpoints after the latest one, one transaction each, printing {@code
 * added N} after each commit, until checkpoint {@code last}.
 *
 * <pre>java ... io.quetzal.archiver.store.CrashChild DIR SEED LAST</pre>
 */
public final class CrashChild {
  static final LmdbConfig LMDB = new LmdbConfig(1L << 30, 64, 32, Durability.FULL, true);

  private CrashChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    long last = Long.parseLong(args[2]);
    try (LmdbKvStore kv = LmdbKvStore.open(dir, LMDB)) {
      ArchiverStore s = new ArchiverStore(kv, ArchiverStoreContract.GENESIS);
      long n = s.latestCheckpointNumber();
      System.out.println("opened " + n);
      System.out.flush();
      PublishedCheckpoint prev = n == 0 ? null : s.checkpoint(n);
      for (long c = n + 1; c <= last; c++) {
        PublishedCheckpoint next =
            Chains.synthetic(seed, prev, 1, CrashSafetyTest.BLOCKS, CrashSafetyTest.TXS).get(0);
        s.addCheckpoints(java.util.List.of(next));
        prev = next;
        System.out.println("added " + c);
        System.out.flush();
      }
    }
    System.out.println("done");
  }
}
