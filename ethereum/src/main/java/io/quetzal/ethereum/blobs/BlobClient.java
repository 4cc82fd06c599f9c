package io.quetzal.ethereum.blobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.ethereum.rpc.Sleeper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a checkpoint's blobs by versioned hash, from the sources in the official order ({@code
 * HttpBlobClient.getBlobSidecar} of {@code @aztec/blob-client} 4.1.2), each consulted only for the
 * blobs still missing:
 *
 * <ol>
 *   <li>the file stores ({@code BLOB_FILE_STORE_URLS}, in the configured order; the official client
 *       shuffles them);
 *   <li>the consensus hosts: {@code eth_getBlockByHash(l1BlockHash).parentBeaconBlockRoot} → {@code
 *       /eth/v1/beacon/headers/{root}} → slot + 1 → {@code /eth/v1/beacon/blob_sidecars/{slot}}
 *       (with up to 10 later slots on 404), host by host;
 *   <li>near the tip (not a historical sync) the file stores again: at once, then after each delay
 *       of {@link BlobClientConfig#nearTipRetries()} (the official {@code retry} with {@code
 *       makeBackoff([1, 1, 2])});
 *   <li>the blob archive API ({@code BLOB_ARCHIVE_API_URL}, {@link BlobscanArchive}): the L1
 *       block's blobs by its hash, in a historical sync and near the tip alike.
 * </ol>
 *
 * Every blob is kept only if the versioned hash of its declared commitment is one of those asked
 * for and (with {@link BlobClientConfig#verifyCommitments()}) the commitment recomputed from its
 * data with c-kzg equals the declared one. A source that fails (unreachable, bad JSON, HTTP error)
 * is logged and skipped and its problem recorded in {@link Fetch#problems()}; {@link #requireBlobs}
 * turns missing blobs into one {@link BlobSourceException} that lists each source's problem. (The
 * official client lets an archive error propagate out of {@code getBlobSidecar}, so the archiver
 * retries the checkpoint later; here the caller sees the same missing blobs with the reason.)
 *
 * <p>Thread-safe; blocking (meant for virtual threads).
 */
public final class BlobClient {
  private static final Logger LOG = LoggerFactory.getLogger(BlobClient.class);

  /** The result of a fetch: the blobs found (in the order asked) and each source's problem. */
  public record Fetch(List<Optional<Blob>> blobs, List<String> problems) {
    public Fetch {
      blobs = List.copyOf(blobs);
      problems = List.copyOf(problems);
    }

    /** The blobs found, in the order asked, skipping missing ones. */
    public List<Blob> found() {
      return blobs.stream().flatMap(Optional::stream).toList();
    }

    /** True when every blob asked for was found. */
    public boolean complete() {
      return blobs.stream().allMatch(Optional::isPresent);
    }
  }

  private final BlobClientConfig config;
  private final List<BlobFileStore> fileStores;
  private final List<BeaconBlobSource> consensusHosts;
  private final Optional<BlobscanArchive> archive;
  private final Function<Bytes32, Optional<String>> parentBeaconRoot;
  private final Sleeper sleeper;

  /**
   * @param config the sources
   * @param l1 the execution client, for {@code parentBeaconBlockRoot}
   */
  public BlobClient(BlobClientConfig config, L1RpcClient l1) {
    this(config, hash -> parentBeaconBlockRoot(l1, hash), Sleeper.SYSTEM, defaultHttp());
  }

  /**
   * @param config the sources
   * @param parentBeaconRoot an L1 block hash → its {@code parentBeaconBlockRoot}
   * @param sleeper waits between near-tip retries and between the archive's request retries
   * @param http the HTTP client for file stores, consensus hosts and the archive
   * @throws IllegalArgumentException when a file store URL or the archive URL is unusable (the
   *     message names the setting)
   */
  public BlobClient(
      BlobClientConfig config,
      Function<Bytes32, Optional<String>> parentBeaconRoot,
      Sleeper sleeper,
      HttpClient http) {
    this(config, parentBeaconRoot, sleeper, http, false);
  }

  /** With {@code plainHttpArchive}, an {@code http://} archive URL is accepted (tests only). */
  BlobClient(
      BlobClientConfig config,
      Function<Bytes32, Optional<String>> parentBeaconRoot,
      Sleeper sleeper,
      HttpClient http,
      boolean plainHttpArchive) {
    this.config = config;
    this.parentBeaconRoot = parentBeaconRoot;
    this.sleeper = sleeper;
    String base =
        BlobFileStore.basePath(config.l1ChainId(), config.rollupVersion(), config.rollupAddress());
    List<BlobFileStore> stores = new ArrayList<>();
    for (String url : config.fileStoreUrls()) {
      stores.add(BlobFileStore.create(url, base, http, config.requestTimeout()));
    }
    this.fileStores = List.copyOf(stores);
    List<BeaconBlobSource> hosts = new ArrayList<>();
    for (int i = 0; i < config.consensusHostUrls().size(); i++) {
      URI u = config.consensusHostUrls().get(i);
      Optional<Secret<String>> key =
          i < config.consensusHostApiKeys().size()
              ? Optional.of(config.consensusHostApiKeys().get(i))
              : Optional.empty();
      Optional<String> header =
          i < config.consensusHostApiKeyHeaders().size()
              ? Optional.of(config.consensusHostApiKeyHeaders().get(i))
              : Optional.empty();
      hosts.add(new BeaconBlobSource(u, key, header, http, config.requestTimeout()));
    }
    this.consensusHosts = List.copyOf(hosts);
    this.archive =
        config
            .archiveApiUrl()
            .map(
                u ->
                    plainHttpArchive
                        ? BlobscanArchive.createAllowingHttp(
                            u, http, config.requestTimeout(), sleeper)
                        : BlobscanArchive.create(u, http, config.requestTimeout(), sleeper));
  }

  private static HttpClient defaultHttp() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The file stores, in order. */
  public List<BlobFileStore> fileStores() {
    return fileStores;
  }

  /** The blob archive API, if configured. */
  public Optional<BlobscanArchive> archive() {
    return archive;
  }

  /**
   * The blobs with these versioned hashes, in the same order; missing ones are left out (as the
   * official {@code getBlobSidecar}).
   */
  public List<Blob> getBlobSidecar(
      Bytes32 l1BlockHash, List<Bytes32> versionedHashes, boolean historicalSync) {
    return fetch(l1BlockHash, versionedHashes, historicalSync).found();
  }

  /**
   * All the blobs with these versioned hashes, in order.
   *
   * @throws BlobSourceException naming the missing hashes and every source's problem
   */
  public List<Blob> requireBlobs(
      Bytes32 l1BlockHash, List<Bytes32> versionedHashes, boolean historicalSync) {
    Fetch f = fetch(l1BlockHash, versionedHashes, historicalSync);
    if (!f.complete()) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < versionedHashes.size(); i++) {
        if (f.blobs().get(i).isEmpty()) {
          missing.add(versionedHashes.get(i).toString());
        }
      }
      throw new BlobSourceException(
          "blobs "
              + missing
              + " of L1 block "
              + l1BlockHash
              + " were not found in any blob source"
              + (f.problems().isEmpty() ? "" : " (" + String.join("; ", f.problems()) + ")")
              + (fileStores.isEmpty() && consensusHosts.isEmpty() && archive.isEmpty()
                  ? ": no BLOB_FILE_STORE_URLS, L1_CONSENSUS_HOST_URLS or BLOB_ARCHIVE_API_URL"
                      + " configured"
                  : ""));
    }
    return f.found();
  }

  /** Fetches from every source in order until all blobs are found. */
  public Fetch fetch(Bytes32 l1BlockHash, List<Bytes32> versionedHashes, boolean historicalSync) {
    Results r = new Results(versionedHashes, config.verifyCommitments());
    if (!fileStores.isEmpty()) {
      tryFileStores(r);
    }
    if (!r.complete() && !consensusHosts.isEmpty()) {
      tryConsensusHosts(l1BlockHash, r);
    }
    if (!r.complete() && !historicalSync && !fileStores.isEmpty()) {
      retryFileStoresNearTip(r);
    }
    if (!r.complete() && archive.isPresent()) {
      tryArchive(archive.get(), l1BlockHash, r);
    }
    if (!r.complete()) {
      LOG.warn(
          "Failed to fetch all blobs for L1 block {} (got {}/{}){}",
          l1BlockHash,
          r.found(),
          versionedHashes.size(),
          r.problems.isEmpty() ? "" : ": " + String.join("; ", r.problems));
    }
    return new Fetch(r.blobs(), r.problems);
  }

  /** One pass at once, then one after each back-off delay, until complete. */
  private void retryFileStoresNearTip(Results r) {
    tryFileStores(r);
    for (Duration d : config.nearTipRetries()) {
      if (r.complete()) {
        return;
      }
      try {
        sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      tryFileStores(r);
    }
  }

  /**
   * The archive's blobs of the L1 block; each is kept if its commitment's versioned hash is still
   * missing (a malformed one that is asked for is a problem, others are ignored, as officially).
   */
  private void tryArchive(BlobscanArchive a, Bytes32 l1BlockHash, Results r) {
    Optional<List<BlobscanArchive.ArchivedBlob>> answer;
    try {
      answer = a.blobsFromBlock(l1BlockHash.toString());
    } catch (BlobSourceException e) {
      LOG.debug("Blob archive failed: {}", e.getMessage());
      r.problem(e.getMessage());
      return;
    }
    if (answer.isEmpty()) {
      r.problem(a.describe() + " does not know L1 block " + l1BlockHash);
      return;
    }
    boolean anyWanted = false;
    for (BlobscanArchive.ArchivedBlob b : answer.get()) {
      Optional<Bytes32> h = b.versionedHash();
      if (h.isEmpty() || !r.wants(h.get())) {
        continue;
      }
      anyWanted = true;
      Blob blob;
      try {
        blob = b.toBlob();
      } catch (IllegalArgumentException e) {
        r.problem(a.describe() + ": blob " + h.get() + " is malformed: " + e.getMessage());
        continue;
      }
      r.offer(blob, a.describe());
    }
    if (!anyWanted) {
      r.problem(
          a.describe()
              + ": L1 block "
              + l1BlockHash
              + " has "
              + answer.get().size()
              + " blob(s), none of those missing");
    }
  }

  private void tryFileStores(Results r) {
    for (BlobFileStore store : fileStores) {
      if (r.complete()) {
        return;
      }
      for (Bytes32 h : r.missing()) {
        try {
          store.getBlob(h).ifPresent(b -> r.offer(b, store.describe()));
        } catch (BlobSourceException e) {
          r.problem(e.getMessage());
        }
      }
    }
  }

  private void tryConsensusHosts(Bytes32 l1BlockHash, Results r) {
    Optional<String> root;
    try {
      root = parentBeaconRoot.apply(l1BlockHash);
    } catch (RuntimeException e) {
      r.problem(
          "cannot read parentBeaconBlockRoot of L1 block " + l1BlockHash + ": " + e.getMessage());
      return;
    }
    if (root.isEmpty()) {
      r.problem("L1 block " + l1BlockHash + " has no parentBeaconBlockRoot");
      return;
    }
    OptionalLong slot = OptionalLong.empty();
    for (BeaconBlobSource host : consensusHosts) {
      try {
        slot = host.slotAfterParentRoot(root.get());
        if (slot.isPresent()) {
          break;
        }
        r.problem(host.describe() + " does not know beacon block " + root.get());
      } catch (BlobSourceException e) {
        r.problem(e.getMessage());
      }
    }
    if (slot.isEmpty()) {
      return;
    }
    for (BeaconBlobSource host : consensusHosts) {
      if (r.complete()) {
        return;
      }
      try {
        List<Blob> blobs = host.blobSidecars(slot.getAsLong());
        if (blobs.isEmpty()) {
          r.problem(host.describe() + " has no blob sidecars at slot " + slot.getAsLong());
        }
        for (Blob b : blobs) {
          r.offer(b, host.describe());
        }
      } catch (BlobSourceException e) {
        r.problem(e.getMessage());
      }
    }
  }

  /**
   * The blobs carried by a transaction object, for L1 nodes that include them in {@code
   * eth_getTransactionByHash} (anvil does: fields {@code blobs}, {@code commitments}, {@code
   * proofs}). Returns the blobs with these versioned hashes, in order (missing ones left out).
   */
  public static List<Blob> fromTransaction(
      JsonNode tx, List<Bytes32> versionedHashes, boolean verifyCommitments) {
    JsonNode blobs = tx.path("blobs");
    JsonNode commitments = tx.path("commitments");
    if (!blobs.isArray() || !commitments.isArray() || blobs.size() != commitments.size()) {
      return List.of();
    }
    Results r = new Results(versionedHashes, verifyCommitments);
    for (int i = 0; i < blobs.size(); i++) {
      try {
        r.offer(
            new Blob(Hex.decode(blobs.get(i).asText()), Hex.decode(commitments.get(i).asText())),
            "transaction sidecar");
      } catch (RuntimeException e) {
        throw new BlobSourceException(
            "transaction sidecar " + i + " is malformed: " + e.getMessage(), e);
      }
    }
    return r.blobs().stream().flatMap(Optional::stream).toList();
  }

  private static Optional<String> parentBeaconBlockRoot(L1RpcClient l1, Bytes32 blockHash) {
    JsonNode b;
    try {
      b = l1.call("eth_getBlockByHash", blockHash.toString(), false);
    } catch (L1RpcException e) {
      throw new BlobSourceException("eth_getBlockByHash failed: " + e.getMessage(), e);
    }
    JsonNode root = b == null ? null : b.get("parentBeaconBlockRoot");
    return root != null && root.isTextual() ? Optional.of(root.asText()) : Optional.empty();
  }

  /** Blobs found so far, by position. */
  private static final class Results {
    private final List<Bytes32> hashes;
    private final Map<Bytes32, Blob> byHash = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final boolean verify;

    Results(List<Bytes32> hashes, boolean verify) {
      this.hashes = List.copyOf(hashes);
      this.verify = verify;
    }

    void offer(Blob b, String source) {
      Bytes32 h = b.versionedHash();
      if (!hashes.contains(h) || byHash.containsKey(h)) {
        return;
      }
      if (verify) {
        byte[] computed = Kzg.commitment(b.data());
        if (!Arrays.equals(computed, b.commitment())) {
          problem(source + ": blob " + h + " does not match its KZG commitment");
          return;
        }
      }
      byHash.put(h, b);
    }

    /** True when {@code h} is asked for and not found yet. */
    boolean wants(Bytes32 h) {
      return hashes.contains(h) && !byHash.containsKey(h);
    }

    void problem(String p) {
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }

    boolean complete() {
      return missing().isEmpty();
    }

    int found() {
      return byHash.size();
    }

    List<Bytes32> missing() {
      return hashes.stream().filter(h -> !byHash.containsKey(h)).distinct().toList();
    }

    List<Optional<Blob>> blobs() {
      return hashes.stream().map(h -> Optional.ofNullable(byHash.get(h))).toList();
    }
  }
}
