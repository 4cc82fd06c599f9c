package io.quetzal.worldstate;

/**
 * World-state settings.
 *
 * @param historyToKeep how many finalized blocks of history to keep readable ({@code
 *     WS_NUM_HISTORIC_CHECKPOINTS}; each block counts as its own checkpoint until checkpoints are
 *     modelled); {@code 0} or less keeps everything (archive mode)
 * @param threads the size of the bounded hashing pool
 */
public record WorldStateConfig(int historyToKeep, int threads) {
  /** The official default number of historic checkpoints kept. */
  public static final int DEFAULT_HISTORY = 64;

  public WorldStateConfig {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** 64 blocks of history, min(cores, 16) hashing threads (as the official world state). */
  public static WorldStateConfig defaults() {
    return new WorldStateConfig(
        DEFAULT_HISTORY, Math.min(16, Runtime.getRuntime().availableProcessors()));
  }

  /** Keeps all history. */
  public WorldStateConfig archive() {
    return new WorldStateConfig(0, threads);
  }

  public WorldStateConfig withHistoryToKeep(int blocks) {
    return new WorldStateConfig(blocks, threads);
  }

  public WorldStateConfig withThreads(int n) {
    return new WorldStateConfig(historyToKeep, n);
  }

  /** Whether all history is kept. */
  public boolean isArchive() {
    return historyToKeep <= 0;
  }
}
