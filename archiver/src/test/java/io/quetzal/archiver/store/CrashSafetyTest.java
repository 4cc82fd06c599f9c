package io.quetzal.archiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.tx.TxEffect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM appending checkpoints with SIGKILL at varying points, over one store, and
 * checks after each kill that the store reopens at a checkpoint boundary, every index agreeing with
 * the blocks, and equal (every database, byte for byte) to a clean in-memory build of as many
 * checkpoints.
 */
class CrashSafetyTest {
  static final int BLOCKS = 2;
  static final int TXS = 3;
  static final int ROUNDS = 8;
  static final long SEED = 20260202L;

  @TempDir Path dir;

  @Test
  void aKilledWriterLeavesTheStoreAtACheckpointBoundary() throws Exception {
    Path path = dir.resolve("archiver");
    SplittableRandom r = new SplittableRandom(SEED);
    List<PublishedCheckpoint> chain = new ArrayList<>();
    long last = 0;
    int killedMidway = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int commits = r.nextInt(1, 6);
      if (!runAndKill(path, last + 200, commits)) {
        killedMidway++;
      }
      try (LmdbKvStore kv = LmdbKvStore.open(path, CrashChild.LMDB)) {
        ArchiverStore s = new ArchiverStore(kv, ArchiverStoreContract.GENESIS);
        long n = s.latestCheckpointNumber();
        assertThat(n).as("round %d", round).isGreaterThanOrEqualTo(last);
        while (chain.size() < n) {
          chain.addAll(
              Chains.synthetic(SEED, chain.isEmpty() ? null : chain.getLast(), 1, BLOCKS, TXS));
        }
        // a checkpoint boundary: the blocks are exactly those of checkpoints 1..n
        assertThat(s.latestBlockNumber()).isEqualTo(n * BLOCKS);
        for (long b = 1; b <= n * BLOCKS; b++) {
          L2Block block = s.block(b);
          assertThat(s.blockByHash(block.hash())).isEqualTo(block);
          assertThat(s.blockByArchive(block.archive().root())).isEqualTo(block);
          for (int t = 0; t < block.txEffects().size(); t++) {
            TxEffect e = block.txEffects().get(t);
            IndexedTxEffect ie = s.txEffect(e.txHash());
            assertThat(ie.blockNumber()).isEqualTo(b);
            assertThat(ie.txIndexInBlock()).isEqualTo(t);
          }
        }
        // byte-for-byte equal to a clean build
        try (KvStore ref = new InMemoryKvStore()) {
          ArchiverStore rs = new ArchiverStore(ref, ArchiverStoreContract.GENESIS);
          if (n > 0) {
            rs.addCheckpoints(chain.subList(0, (int) n));
          }
          assertThat(Chains.dump(kv)).as("round %d", round).isEqualTo(Chains.dump(ref));
        }
        last = n;
      }
    }
    assertThat(last).isGreaterThanOrEqualTo(ROUNDS);
    assertThat(killedMidway).isEqualTo(ROUNDS);
  }

  private static boolean runAndKill(Path store, long lastCheckpoint, int commits)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Xshare:auto", "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            store.toString(),
            Long.toString(SEED),
            Long.toString(lastCheckpoint)));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    boolean finished = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      int seen = -1; // the "opened" line counts as the first event
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("done")) {
          finished = true;
          break;
        }
        seen++;
        if (seen >= commits) {
          break;
        }
      }
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    return finished;
  }
}
