package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.KvStore;
import io.quetzal.stdlib.trees.MerkleTreeId;
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
 * Kills a child JVM that is applying blocks with SIGKILL ({@link Process#destroyForcibly} on Linux)
 * at varying points, 20 times over one store, and checks after each kill that the store reopens
 * exactly at a block boundary with the state of a clean replay of the same blocks.
 */
class CrashSafetyTest {
  static final int MAX_TXS = 3;
  static final int ROUNDS = 20;
  static final long SEED = 20260101L;

  @TempDir Path dir;

  @Test
  void aKilledWriterLeavesTheStoreAtABlockBoundary() throws Exception {
    Path store = dir.resolve("ws");
    SplittableRandom r = new SplittableRandom(SEED);
    // the clean replay, one block at a time as the killed store advances
    KvStore refKv = new InMemoryKvStore();
    WorldState reference =
        WorldState.open(refKv, WorldStateConfig.defaults().archive().withThreads(2), List.of());
    RandomBlocks blocks = new RandomBlocks(SEED, MAX_TXS);
    long last = 0;
    int killedMidway = 0;
    try (refKv;
        reference) {
      for (int round = 0; round < ROUNDS; round++) {
        // wait for 0..2 commits after opening, then kill: mostly mid-block, sometimes while opening
        int commits = r.nextInt(3);
        boolean finished = runAndKill(store, last + 40, commits);
        if (!finished) {
          killedMidway++;
        }
        try (WorldState ws =
            WorldState.open(
                store,
                CrashChild.LMDB,
                WorldStateConfig.defaults().archive().withThreads(2),
                List.of())) {
          long latest = ws.status().unfinalizedBlockNumber();
          assertThat(latest).as("round %d", round).isGreaterThanOrEqualTo(last);
          while (reference.status().unfinalizedBlockNumber() < latest) {
            reference.applyBlock(
                blocks.block(reference, reference.status().unfinalizedBlockNumber() + 1));
          }
          for (MerkleTreeId id : MerkleTreeId.values()) {
            assertThat(ws.committed().treeInfo(id))
                .as("round %d %s", round, id)
                .isEqualTo(reference.committed().treeInfo(id));
          }
          assertThat(ws.committed().siblingPath(MerkleTreeId.PUBLIC_DATA_TREE, 127))
              .isEqualTo(reference.committed().siblingPath(MerkleTreeId.PUBLIC_DATA_TREE, 127));
          if (latest > 0) {
            assertThat(ws.at(latest - 1).stateReference())
                .isEqualTo(reference.at(latest - 1).stateReference());
          }
          last = latest;
        }
      }
    }
    assertThat(last).as("blocks committed across all rounds").isGreaterThanOrEqualTo(ROUNDS / 2);
    assertThat(killedMidway).isEqualTo(ROUNDS);
  }

  /** Starts the child, waits for {@code commits} commits, kills it; true if it ran to the end. */
  private static boolean runAndKill(Path store, long lastBlock, int commits)
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
            Long.toString(lastBlock)));
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
