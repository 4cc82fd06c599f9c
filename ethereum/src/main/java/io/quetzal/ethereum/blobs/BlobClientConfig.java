package io.quetzal.ethereum.blobs;

import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where blobs come from.
 *
 * @param fileStoreUrls {@code BLOB_FILE_STORE_URLS}
 * @param consensusHostUrls {@code L1_CONSENSUS_HOST_URLS}
 * @param consensusHostApiKeys {@code L1_CONSENSUS_HOST_API_KEYS}, by host index (may be shorter)
 * @param consensusHostApiKeyHeaders {@code L1_CONSENSUS_HOST_API_KEY_HEADERS}, by host index
 * @param l1ChainId L1 chain id (file store layout)
 * @param rollupVersion the rollup version (file store layout)
 * @param rollupAddress the rollup (file store layout)
 * @param verifyCommitments recompute each blob's KZG commitment (as the official {@code
 *     Blob.fromJson}); off only for tests and measurements
 * @param requestTimeout per HTTP request
 * @param nearTipRetries back-off delays of the file-store retries near the tip (official: 1, 1, 2
 *     s)
 * @param archiveApiUrl {@code BLOB_ARCHIVE_API_URL}: a Blobscan API, the last source (see {@link
 *     BlobscanArchive}); must be {@code https://}, checked when the {@link BlobClient} is built.
 *     The official configuration has no default per L1 chain and no API key for it.
 */
public record BlobClientConfig(
    List<String> fileStoreUrls,
    List<URI> consensusHostUrls,
    List<Secret<String>> consensusHostApiKeys,
    List<String> consensusHostApiKeyHeaders,
    long l1ChainId,
    long rollupVersion,
    EthAddress rollupAddress,
    boolean verifyCommitments,
    Duration requestTimeout,
    List<Duration> nearTipRetries,
    Optional<URI> archiveApiUrl) {
  public BlobClientConfig {
    fileStoreUrls = List.copyOf(fileStoreUrls);
    consensusHostUrls = List.copyOf(consensusHostUrls);
    consensusHostApiKeys = List.copyOf(consensusHostApiKeys);
    consensusHostApiKeyHeaders = List.copyOf(consensusHostApiKeyHeaders);
    Objects.requireNonNull(rollupAddress, "rollupAddress");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    nearTipRetries = List.copyOf(nearTipRetries);
    Objects.requireNonNull(archiveApiUrl, "archiveApiUrl");
  }

  /** Without an archive API (the form before {@code archiveApiUrl} was added). */
  public BlobClientConfig(
      List<String> fileStoreUrls,
      List<URI> consensusHostUrls,
      List<Secret<String>> consensusHostApiKeys,
      List<String> consensusHostApiKeyHeaders,
      long l1ChainId,
      long rollupVersion,
      EthAddress rollupAddress,
      boolean verifyCommitments,
      Duration requestTimeout,
      List<Duration> nearTipRetries) {
    this(
        fileStoreUrls,
        consensusHostUrls,
        consensusHostApiKeys,
        consensusHostApiKeyHeaders,
        l1ChainId,
        rollupVersion,
        rollupAddress,
        verifyCommitments,
        requestTimeout,
        nearTipRetries,
        Optional.empty());
  }

  /** A configuration with the official defaults for timeouts and retries. */
  public static BlobClientConfig of(
      List<String> fileStoreUrls,
      List<URI> consensusHostUrls,
      long l1ChainId,
      long rollupVersion,
      EthAddress rollupAddress) {
    return new BlobClientConfig(
        fileStoreUrls,
        consensusHostUrls,
        List.of(),
        List.of(),
        l1ChainId,
        rollupVersion,
        rollupAddress,
        true,
        Duration.ofSeconds(10),
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)));
  }

  /** The same with API keys and key headers for the consensus hosts. */
  public BlobClientConfig withApiKeys(List<Secret<String>> keys, List<String> headers) {
    return new BlobClientConfig(
        fileStoreUrls,
        consensusHostUrls,
        keys,
        headers,
        l1ChainId,
        rollupVersion,
        rollupAddress,
        verifyCommitments,
        requestTimeout,
        nearTipRetries,
        archiveApiUrl);
  }

  /** The same with commitment verification on or off. */
  public BlobClientConfig withVerifyCommitments(boolean verify) {
    return new BlobClientConfig(
        fileStoreUrls,
        consensusHostUrls,
        consensusHostApiKeys,
        consensusHostApiKeyHeaders,
        l1ChainId,
        rollupVersion,
        rollupAddress,
        verify,
        requestTimeout,
        nearTipRetries,
        archiveApiUrl);
  }

  /** The same with the blob archive API ({@code BLOB_ARCHIVE_API_URL}) set or cleared. */
  public BlobClientConfig withArchiveApiUrl(Optional<URI> url) {
    return new BlobClientConfig(
        fileStoreUrls,
        consensusHostUrls,
        consensusHostApiKeys,
        consensusHostApiKeyHeaders,
        l1ChainId,
        rollupVersion,
        rollupAddress,
        verifyCommitments,
        requestTimeout,
        nearTipRetries,
        url);
  }
}
