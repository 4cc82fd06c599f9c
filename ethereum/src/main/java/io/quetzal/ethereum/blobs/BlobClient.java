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
 * Fetches a checkpoint's blobs by versioned hash, from the sources in the official order:
 *
 * <ol>
 *   <li>the file stores ({@code BLOB_FILE_STORE_URLS}, in the configured order; the official client
 *       shuffles them);
 *   <li>the consensus hosts: {@code eth_getBlockByHash(l1BlockHash).parentBeaconBlockRoot} → {@code
 *       /eth/v1/beacon/headers/{root}} → slot + 1 → {@code /eth/v1/beacon/blob_sidecars/{slot}}
 *       (with up to 10 later slots on 404), host by host;
 *   <li>near the tip (not a historical sync) the file stores again, with the back-off of {@link
 *       BlobClientConfig#nearTipRetries()};
 *   <li>the blob archive API ({@code BLOB_ARCHIVE_API_URL}, Blobscan): <b>not implemented</b>.
 * </ol>
 *
 * Every blob is kept only if the versioned hash of its declared commitment is one of those asked
 * for and (with {@link BlobClientConfig#verifyCommitments()}) the commitment recomputed from its
 * data with c-kzg equals the declared one. A source that fails (unreachable, bad JSON, HTTP error)
 * is logged and skipped, as the official client does; {@link #requireBlobs} turns missing blobs
 * into one {@link BlobSourceException} that lists each source's problem.
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
   * @param sleeper waits between near-tip retries
   * @param http the HTTP client for file stores and consensus hosts
   */
  public BlobClient(
      BlobClientConfig config,
      Function<Bytes32, Optional<String>> parentBeaconRoot,
      Sleeper sleeper,
      HttpClient http) {
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
              + (fileStores.isEmpty() && consensusHosts.isEmpty()
                  ? ": no BLOB_FILE_STORE_URLS or L1_CONSENSUS_HOST_URLS configured"
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
      for (Duration d : config.nearTipRetries()) {
        try {
          sleeper.sleep(d);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        tryFileStores(r);
        if (r.complete()) {
          break;
        }
      }
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
