package io.quetzal.ethereum.blobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.ethereum.rpc.Sleeper;
import io.quetzal.foundation.bytes.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob archive API of {@code BLOB_ARCHIVE_API_URL}: a <a
 * href="https://blobscan.com">Blobscan</a> instance (e.g. {@code https://api.blobscan.com/}), the
 * blob client's last source, for blobs the consensus clients no longer keep (about 18 days). This
 * is the official {@code BlobscanArchiveClient} of {@code @aztec/blob-client} 4.1.2.
 *
 * <p><b>Requests.</b> Paths are resolved against the base URL the way a WHATWG {@code new
 * URL(relative, base)} resolves them, as the official client does: the base's query is dropped and
 * a base path without a trailing slash loses its last segment ({@code https://host/api} → {@code
 * https://host/blocks/…}; write {@code https://host/api/}). Every request sends {@code Accept:
 * application/json}; there is no API key (the official client has none).
 *
 * <ul>
 *   <li>{@link #blobsFromBlock}: {@code GET blocks/<L1 block
 *       hash>?type=canonical&expand=blob%2Cblob_data} → the block, its transactions and their blobs
 *       with data. {@code 404} means the archive does not know the block; any other status than
 *       {@code 200} is an error.
 *   <li>{@link #latestBlock}: {@code GET blocks?sort=desc&type=canonical&p=1&ps=1}, the official
 *       connectivity check ({@code testSources}).
 *   <li>{@link #blobData}: {@code GET blobs/<id>/data} → a JSON string with the blob's hex (part of
 *       the official interface, not used by its blob client).
 * </ul>
 *
 * <p><b>Checks.</b> The answer must have the shape of the official schema ({@code hash}, integer
 * {@code slot} and {@code number}, {@code transactions[].hash}, {@code
 * transactions[].blobs[].{versionedHash, data, commitment, proof}} strings, integer {@code size},
 * optional integer {@code index}; other fields ignored), or the whole answer is refused. Of each
 * blob only {@code data} and {@code commitment} are kept, in transaction order: the declared {@code
 * versionedHash} is not trusted; the {@link BlobClient} recomputes it from the commitment, keeps
 * only requested blobs and (with {@link BlobClientConfig#verifyCommitments()}) recomputes the KZG
 * commitment from the data.
 *
 * <p><b>Failures.</b> A request that gets no answer (refused connection, reset, {@code
 * requestTimeout} passed) is retried after 1, 1 and 3 s, as the official {@code retry(fetch,
 * makeBackoff([1, 1, 3]))}; an HTTP error status or a malformed answer is not retried. Errors are
 * {@link BlobSourceException}s naming the archive by scheme, host and port only.
 *
 * <p>Only {@code https://} URLs are accepted, as the official constructor demands.
 *
 * <p>Thread-safe; blocking.
 */
public final class BlobscanArchive {
  private static final Logger LOG = LoggerFactory.getLogger(BlobscanArchive.class);

  /** The waits before the retries of a request that got no answer (official: 1, 1, 3 s). */
  public static final List<Duration> RETRY_BACKOFF =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));

  /** The query of the block request (URLSearchParams encodes the comma). */
  static final String BLOCK_QUERY = "type=canonical&expand=blob%2Cblob_data";

  /** The query of the latest-block request. */
  static final String LATEST_BLOCK_QUERY = "sort=desc&type=canonical&p=1&ps=1";

  /** A block as the archive lists it. */
  public record BlockRef(String hash, long number, long slot) {
    public BlockRef {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * One blob of an archived block, as served (0x-hex): only what the official client keeps.
   *
   * @param data the blob bytes, hex
   * @param commitment the declared KZG commitment, hex
   */
  public record ArchivedBlob(String data, String commitment) {
    public ArchivedBlob {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(commitment, "commitment");
    }

    /**
     * The versioned hash of the declared commitment ({@code 0x01 ‖ sha256(commitment)[1..]}, of
     * whatever length it has, as the official client computes it); empty when it is not hex.
     */
    public Optional<Bytes32> versionedHash() {
      try {
        return Optional.of(Blob.versionedHash(Hex.decode(commitment)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    /**
     * The blob (sizes checked, the commitment not verified).
     *
     * @throws IllegalArgumentException when a field is not hex or has the wrong size
     */
    public Blob toBlob() {
      return new Blob(Hex.decode(data), Hex.decode(commitment));
    }
  }

  private final URI base;
  private final URI directory;
  private final HttpClient http;
  private final Duration timeout;
  private final Sleeper sleeper;

  private BlobscanArchive(URI base, HttpClient http, Duration timeout, Sleeper sleeper) {
    this.base = base;
    this.directory = directoryOf(base);
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The archive at {@code baseUrl} ({@code BLOB_ARCHIVE_API_URL}).
   *
   * @param timeout per request
   * @param sleeper waits between the retries of unanswered requests
   * @throws IllegalArgumentException when the URL is not {@code https://} with a host (the message
   *     names {@code BLOB_ARCHIVE_API_URL} and shows scheme, host and port only)
   */
  public static BlobscanArchive create(
      URI baseUrl, HttpClient http, Duration timeout, Sleeper sleeper) {
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https")) {
      throw new IllegalArgumentException(
          "BLOB_ARCHIVE_API_URL must be an https:// URL (as the official client requires), got "
              + (scheme.isEmpty() ? "no scheme" : scheme + "://"));
    }
    return checked(baseUrl, http, timeout, sleeper);
  }

  /** The same, also over plain {@code http://}: for tests against a local server only. */
  static BlobscanArchive createAllowingHttp(
      URI baseUrl, HttpClient http, Duration timeout, Sleeper sleeper) {
    return checked(baseUrl, http, timeout, sleeper);
  }

  private static BlobscanArchive checked(
      URI baseUrl, HttpClient http, Duration timeout, Sleeper sleeper) {
    if (baseUrl.getRawAuthority() == null || baseUrl.getRawAuthority().isEmpty()) {
      throw new IllegalArgumentException("BLOB_ARCHIVE_API_URL has no host");
    }
    BlobscanArchive a = new BlobscanArchive(baseUrl, http, timeout, sleeper);
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    if (!path.isEmpty() && !path.endsWith("/")) {
      LOG.warn(
          "BLOB_ARCHIVE_API_URL {} has a path without a trailing slash: as in the official client,"
              + " requests replace its last segment (end the URL with '/' to keep it)",
          a.describeUrl());
    }
    return a;
  }

  /** The directory requests are resolved against: the base path up to its last {@code /}. */
  static URI directoryOf(URI base) {
    String path = base.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String dir = path.substring(0, path.lastIndexOf('/') + 1);
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + dir);
  }

  /** The archive for messages: scheme, host and port only. */
  public String describe() {
    return "blob archive " + describeUrl();
  }

  private String describeUrl() {
    return L1RpcConfig.redact(base);
  }

  /** The URL of the block request. */
  public URI blockUri(String blockId) {
    return URI.create(directory + "blocks/" + blockId + "?" + BLOCK_QUERY);
  }

  /** The URL of the latest-block request. */
  public URI latestBlockUri() {
    return URI.create(directory + "blocks?" + LATEST_BLOCK_QUERY);
  }

  /** The URL of the blob-data request. */
  public URI blobDataUri(String blobId) {
    return URI.create(directory + "blobs/" + blobId + "/data");
  }

  /**
   * The blobs of an L1 block (by hash or number), in transaction order; empty when the archive does
   * not know the block (HTTP 404).
   *
   * @throws BlobSourceException when the archive cannot be reached, answers another status than
   *     200, or answers something that is not the official schema
   */
  public Optional<List<ArchivedBlob>> blobsFromBlock(String blockId) {
    String what = "blocks/" + brief(blockId);
    HttpResponse<byte[]> res = get(blockUri(blockId), what);
    if (res.statusCode() == 404) {
      LOG.debug("{} has no block {}", describe(), blockId);
      return Optional.empty();
    }
    requireOk(res, what);
    String where = describe() + " " + what;
    List<ArchivedBlob> blobs = parseBlock(BlobJson.readTree(res.body(), where), where);
    LOG.debug("{} has {} blobs for block {}", describe(), blobs.size(), blockId);
    return Optional.of(blobs);
  }

  /**
   * The latest canonical block the archive has (the official connectivity check).
   *
   * @throws BlobSourceException when the archive cannot be reached, answers another status than
   *     200, a malformed list or no block
   */
  public BlockRef latestBlock() {
    String what = "blocks?sort=desc";
    HttpResponse<byte[]> res = get(latestBlockUri(), what);
    requireOk(res, what);
    String where = describe() + " " + what;
    JsonNode root = BlobJson.readTree(res.body(), where);
    JsonNode blocks = root.isObject() ? root.get("blocks") : null;
    if (blocks == null || !blocks.isArray()) {
      throw new BlobSourceException(where + ": answer has no 'blocks' array");
    }
    List<BlockRef> refs = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      refs.add(blockRef(blocks.get(i), where, "blocks[" + i + "]"));
    }
    if (refs.isEmpty()) {
      throw new BlobSourceException(where + ": the archive lists no blocks");
    }
    return refs.get(0);
  }

  /**
   * The bytes of one blob (by versioned hash); empty on HTTP 404.
   *
   * @throws BlobSourceException when the archive cannot be reached, answers another status than
   *     200, or the answer is not a JSON string of hex digits
   */
  public Optional<byte[]> blobData(String blobId) {
    String what = "blobs/" + brief(blobId) + "/data";
    HttpResponse<byte[]> res = get(blobDataUri(blobId), what);
    if (res.statusCode() == 404) {
      return Optional.empty();
    }
    requireOk(res, what);
    String where = describe() + " " + what;
    JsonNode n = BlobJson.readTree(res.body(), where);
    if (!n.isTextual()) {
      throw new BlobSourceException(where + ": expected a JSON string of hex digits");
    }
    try {
      return Optional.of(Hex.decode(n.asText()));
    } catch (IllegalArgumentException e) {
      throw new BlobSourceException(where + ": not hex (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The blobs of a block answer, checked against the official schema.
   *
   * @param where names the source in errors
   */
  static List<ArchivedBlob> parseBlock(JsonNode root, String where) {
    blockRef(root, where, "block");
    JsonNode txs = array(root, "transactions", where, "block");
    List<ArchivedBlob> out = new ArrayList<>();
    for (int t = 0; t < txs.size(); t++) {
      String txPath = "transactions[" + t + "]";
      JsonNode tx = txs.get(t);
      requireObject(tx, where, txPath);
      text(tx, "hash", where, txPath);
      JsonNode blobs = array(tx, "blobs", where, txPath);
      for (int b = 0; b < blobs.size(); b++) {
        String blobPath = txPath + ".blobs[" + b + "]";
        JsonNode blob = blobs.get(b);
        requireObject(blob, where, blobPath);
        text(blob, "versionedHash", where, blobPath);
        String data = text(blob, "data", where, blobPath);
        String commitment = text(blob, "commitment", where, blobPath);
        text(blob, "proof", where, blobPath);
        integer(blob, "size", where, blobPath);
        if (blob.has("index")) {
          integer(blob, "index", where, blobPath);
        }
        out.add(new ArchivedBlob(data, commitment));
      }
    }
    return out;
  }

  private static BlockRef blockRef(JsonNode n, String where, String path) {
    requireObject(n, where, path);
    return new BlockRef(
        text(n, "hash", where, path),
        integer(n, "number", where, path),
        integer(n, "slot", where, path));
  }

  private static void requireObject(JsonNode n, String where, String path) {
    if (n == null || !n.isObject()) {
      throw new BlobSourceException(where + ": " + path + " is not a JSON object");
    }
  }

  private static String text(JsonNode n, String field, String where, String path) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new BlobSourceException(where + ": " + path + "." + field + " is not a string");
    }
    return v.asText();
  }

  /** An integer as zod's {@code z.number().int()}: a JSON number without a fractional part. */
  private static long integer(JsonNode n, String field, String where, String path) {
    JsonNode v = n.get(field);
    if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v != null && v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())) {
      return (long) v.asDouble();
    }
    throw new BlobSourceException(where + ": " + path + "." + field + " is not an integer");
  }

  private static JsonNode array(JsonNode n, String field, String where, String path) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new BlobSourceException(where + ": " + path + "." + field + " is not an array");
    }
    return v;
  }

  private void requireOk(HttpResponse<byte[]> res, String what) {
    if (res.statusCode() != 200) {
      throw new BlobSourceException(
          describe() + " answered HTTP " + res.statusCode() + " to " + what);
    }
  }

  /** GET with the official retries of unanswered requests. */
  private HttpResponse<byte[]> get(URI uri, String what) {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    for (int attempt = 0; ; attempt++) {
      try {
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= RETRY_BACKOFF.size()) {
          throw new BlobSourceException(
              describe()
                  + ": "
                  + e.getClass().getSimpleName()
                  + " on "
                  + what
                  + " ("
                  + (attempt + 1)
                  + " attempts)",
              e);
        }
        Duration wait = RETRY_BACKOFF.get(attempt);
        LOG.debug(
            "{}: {} on {}, retrying in {} s",
            describe(),
            e.getClass().getSimpleName(),
            what,
            wait.toSeconds());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new BlobSourceException(describe() + ": interrupted", ie);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlobSourceException(describe() + ": interrupted", e);
      }
    }
  }

  private static String brief(String id) {
    return id.length() > 90 ? id.substring(0, 90) + "…" : id;
  }
}
