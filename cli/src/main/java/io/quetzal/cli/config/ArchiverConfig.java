package io.quetzal.cli.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The archiver: how it polls L1 and where it finds blobs besides the consensus client.
 *
 * @param pollingIntervalMs time between L1 polls
 * @param batchSize L2 blocks fetched per request
 * @param maxLogs most logs returned by one public-logs query
 * @param blobFileStoreUrls file stores to read blobs from, tried in order
 * @param blobFileStoreUploadUrl file store to upload blobs to
 * @param blobArchiveApiUrl a blob archive API (Blobscan, https only, as the official client) for
 *     blobs past the beacon window
 */
public record ArchiverConfig(
    int pollingIntervalMs,
    int batchSize,
    int maxLogs,
    List<URI> blobFileStoreUrls,
    Optional<URI> blobFileStoreUploadUrl,
    Optional<URI> blobArchiveApiUrl) {

  public static final int DEFAULT_POLLING_INTERVAL_MS = 500;
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final int DEFAULT_MAX_LOGS = 1_000;

  public ArchiverConfig {
    Checks.atLeast(pollingIntervalMs, 1, "pollingIntervalMs");
    Checks.atLeast(batchSize, 1, "batchSize");
    Checks.atLeast(maxLogs, 1, "maxLogs");
    blobFileStoreUrls = List.copyOf(blobFileStoreUrls);
    Urls.requireAll(blobFileStoreUrls, Urls.FILE_STORE_READ, "blobFileStoreUrls");
    Objects.requireNonNull(blobFileStoreUploadUrl, "blobFileStoreUploadUrl");
    blobFileStoreUploadUrl.ifPresent(u -> Urls.requireScheme(u, Urls.FILE_STORE_WRITE));
    Objects.requireNonNull(blobArchiveApiUrl, "blobArchiveApiUrl");
    blobArchiveApiUrl.ifPresent(u -> Urls.requireScheme(u, Urls.HTTPS));
  }

  public static ArchiverConfig defaults() {
    return new ArchiverConfig(
        DEFAULT_POLLING_INTERVAL_MS,
        DEFAULT_BATCH_SIZE,
        DEFAULT_MAX_LOGS,
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
