package io.quetzal.node;

import io.quetzal.archiver.L1Synchronizer;
import io.quetzal.ethereum.blobs.BlobClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the node runs its archiver ({@code --archiver}).
 *
 * @param blobs where blobs come from (file stores, beacon API)
 * @param pollInterval the pause between L1 polls when idle ({@code ARCHIVER_POLLING_INTERVAL_MS})
 * @param options the synchronizer's batch sizes and parallelism
 * @param debugRpcUrls {@code ETHEREUM_DEBUG_HOSTS}: the hosts asked for {@code trace_transaction}
 *     and {@code debug_traceTransaction} when a proposal's calldata is wrapped in an unknown
 *     contract; empty to ask the L1 hosts themselves (as the official node)
 */
public record ArchiverSetup(
    BlobClientConfig blobs,
    Duration pollInterval,
    L1Synchronizer.Options options,
    List<URI> debugRpcUrls) {
  public ArchiverSetup {
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(options, "options");
    debugRpcUrls = List.copyOf(debugRpcUrls);
  }

  /** The official batch sizes and parallelism, tracing on the L1 hosts. */
  public static ArchiverSetup defaults(BlobClientConfig blobs, Duration pollInterval) {
    return new ArchiverSetup(blobs, pollInterval, L1Synchronizer.Options.defaults(), List.of());
  }

  /** The same with {@code ETHEREUM_DEBUG_HOSTS}. */
  public ArchiverSetup withDebugRpcUrls(List<URI> urls) {
    return new ArchiverSetup(blobs, pollInterval, options, urls);
  }
}
