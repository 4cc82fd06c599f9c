package io.quetzal.node;

import io.quetzal.archiver.L1Synchronizer;
import io.quetzal.ethereum.blobs.BlobClientConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the node runs its archiver ({@code --archiver}).
 *
 * @param blobs where blobs come from (file stores, beacon API)
 * @param pollInterval the pause between L1 polls when idle ({@code ARCHIVER_POLLING_INTERVAL_MS})
 * @param options the synchronizer's batch sizes and parallelism
 */
public record ArchiverSetup(
    BlobClientConfig blobs, Duration pollInterval, L1Synchronizer.Options options) {
  public ArchiverSetup {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(options, "options");
  }

  /** The official batch sizes and parallelism. */
  public static ArchiverSetup defaults(BlobClientConfig blobs, Duration pollInterval) {
    return new ArchiverSetup(blobs, pollInterval, L1Synchronizer.Options.defaults());
  }
}
