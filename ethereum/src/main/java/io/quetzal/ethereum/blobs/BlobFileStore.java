package io.quetzal.ethereum.blobs;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A read-only blob file store ({@code BLOB_FILE_STORE_URLS}): blobs are at {@code
 * <base>/aztec-<l1ChainId>-<rollupVersion>-0x<rollupAddress lower-case>/blobs/<versionedHash>.data}
 * (raw-snappy JSON, see {@link BlobJson}). Supported URL schemes: {@code file://} (a local absolute
 * path, no host) and {@code http(s)://}. {@code s3://} and {@code gs://} are not supported yet
 * (they need the cloud SDKs) and are rejected with a clear message.
 */
public abstract sealed class BlobFileStore permits BlobFileStore.Local, BlobFileStore.Http {
  private final String basePath;

  BlobFileStore(String basePath) {
    this.basePath = basePath;
  }

  /** {@code aztec-<chainId>-<version>-0x<address lower-case>}, as {@code makeBlobBasePath}. */
  public static String basePath(long l1ChainId, long rollupVersion, EthAddress rollupAddress) {
    String a = rollupAddress.toString().toLowerCase(Locale.ROOT);
    if (a.startsWith("0x")) {
      a = a.substring(2);
    }
    return "aztec-" + l1ChainId + "-" + rollupVersion + "-0x" + a;
  }

  /**
   * A store for one URL of {@code BLOB_FILE_STORE_URLS}.
   *
   * @throws IllegalArgumentException for an unsupported or malformed URL (the message names it
   *     without its path)
   */
  public static BlobFileStore create(
      String url, String basePath, HttpClient http, Duration requestTimeout) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("blob file store URL is malformed", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> {
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
          throw new IllegalArgumentException(
              "file:// blob store URLs take a local absolute path, not a host ("
                  + uri.getHost()
                  + ")");
        }
        yield new Local(Path.of(uri.getPath()), basePath);
      }
      case "http", "https" -> new Http(uri, basePath, http, requestTimeout);
      case "s3", "gs" ->
          throw new IllegalArgumentException(
              scheme
                  + ":// blob file stores are not supported yet; use https:// (public bucket URL)"
                  + " or file://");
      default ->
          throw new IllegalArgumentException(
              "blob file store URL must be file://, http:// or https://, got scheme '"
                  + scheme
                  + "'");
    };
  }

  /** The relative path of a blob. */
  public String blobPath(Bytes32 versionedHash) {
    return basePath + "/blobs/" + versionedHash + ".data";
  }

  /** The blob with this versioned hash, if the store has it. */
  public Optional<Blob> getBlob(Bytes32 versionedHash) {
    String path = blobPath(versionedHash);
    return read(path).map(bytes -> BlobJson.fromFileBytes(bytes, describe() + " " + path));
  }

  /** True when the store answers (its {@code .healthcheck} file exists). */
  public boolean testConnection() {
    try {
      return read(basePath + "/.healthcheck").isPresent();
    } catch (BlobSourceException e) {
      return false;
    }
  }

  /** The file's bytes, empty when it does not exist; other failures throw. */
  protected abstract Optional<byte[]> read(String relativePath);

  /** The store for messages (no path or query for HTTP stores). */
  public abstract String describe();

  /** A store on the local disk. */
  public static final class Local extends BlobFileStore {
    private final Path root;

    Local(Path root, String basePath) {
      super(basePath);
      this.root = root;
    }

    @Override
    protected Optional<byte[]> read(String relativePath) {
      Path p = root.resolve(relativePath);
      try {
        return Optional.of(Files.readAllBytes(p));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new BlobSourceException(describe() + ": cannot read " + p + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String describe() {
      return "file store file://" + root;
    }
  }

  /** A store behind HTTP(S) (a public bucket, a CDN, a plain web server). */
  public static final class Http extends BlobFileStore {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    Http(URI base, String basePath, HttpClient http, Duration timeout) {
      super(basePath);
      String s = base.toString();
      this.base = URI.create(s.endsWith("/") ? s : s + "/");
      this.http = http;
      this.timeout = timeout;
    }

    @Override
    protected Optional<byte[]> read(String relativePath) {
      URI uri = base.resolve(relativePath);
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      HttpResponse<byte[]> res;
      try {
        res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new BlobSourceException(describe() + ": " + e.getClass().getSimpleName(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlobSourceException(describe() + ": interrupted", e);
      }
      if (res.statusCode() == 404) {
        return Optional.empty();
      }
      if (res.statusCode() / 100 != 2) {
        throw new BlobSourceException(describe() + " answered HTTP " + res.statusCode());
      }
      return Optional.of(res.body());
    }

    @Override
    public String describe() {
      return "file store " + L1RpcConfig.redact(base);
    }
  }
}
