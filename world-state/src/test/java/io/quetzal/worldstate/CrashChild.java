package io.quetzal.worldstate;

import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.LmdbConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link CrashSafetyTest} kills: opens the world state in a directory and applies the
 * deterministic random blocks after the latest one it finds, printing {@code applied N} after each
 * commit, until block {@code last}.
 *
 * <pre>java ... io.quetzal.worldstate.CrashChild DIR SEED LAST</pre>
 */
public final class CrashChild {
  private CrashChild() {}

  static final LmdbConfig LMDB = new LmdbConfig(1L << 30, 64, 32, Durability.FULL, true);

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    long last = Long.parseLong(args[2]);
    RandomBlocks blocks = new RandomBlocks(seed, CrashSafetyTest.MAX_TXS);
    try (WorldState ws =
        WorldState.open(
            dir, LMDB, WorldStateConfig.defaults().archive().withThreads(2), List.of())) {
      System.out.println("opened " + ws.status().unfinalizedBlockNumber());
      System.out.flush();
      for (long b = ws.status().unfinalizedBlockNumber() + 1; b <= last; b++) {
        ws.applyBlock(blocks.block(ws, b));
        System.out.println("applied " + b);
        System.out.flush();
      }
    }
    System.out.println("done");
  }
}
