package io.quetzal.ethereum.blobs;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only blob file store ({@code BLOB_FILE_STORE_URLS}): blobs are at {@code
 * <base>/aztec-<l1ChainId>-<rollupVersion>-0x<rollupAddress lower-case>/blobs/<versionedHash>.data}
 * (raw-snappy JSON, see {@link BlobJson}). URL schemes, as the official {@code
 * createReadOnlyFileStore}:
 *
 * <ul>
 *   <li>{@code file:///absolute/path} (no host);
 *   <li>{@code http(s)://host/path} (a public bucket, a CDN, a web server);
 *   <li>{@code gs://bucket/path}: read <b>anonymously</b> from {@code
 *       https://storage.googleapis.com/bucket/path/…}, the public URL of the same objects. The
 *       official node reads through the Google Cloud SDK with the machine's credentials (and drops
 *       the store when it has none); without an SDK only publicly readable buckets work here;
 *   <li>{@code s3://bucket/path[?endpoint=<url>][&publicBaseUrl=<url>]}: read anonymously from
 *       {@code <publicBaseUrl>/path/…} if given, else path-style from {@code
 *       <endpoint>/bucket/path/…} (the official client's {@code forcePathStyle} with an endpoint,
 *       e.g. Cloudflare R2 or MinIO), else {@code https://bucket.s3.<region>.amazonaws.com/path/…}
 *       with the region of {@code AWS_REGION}, {@code AWS_DEFAULT_REGION} or {@code us-east-1} (as
 *       the official client; a bucket with dots is addressed path-style, as the AWS SDK does). The
 *       official node signs its requests with AWS credentials; here only public buckets work.
 * </ul>
 *
 * Unanswered requests are not retried (the official HTTP store retries after 1, 1 and 3 s); a
 * {@code Content-Encoding: gzip} answer is unzipped, as the official stores do. A bucket that is
 * not public answers 401/403, which is reported with a hint (a public bucket without public listing
 * also answers 403 for a blob it does not have).
 */
public abstract sealed class BlobFileStore permits BlobFileStore.Local, BlobFileStore.Http {
  private static final Logger LOG = LoggerFactory.getLogger(BlobFileStore.class);

  /** The public endpoint of Google Cloud Storage (its XML API serves {@code /bucket/object}). */
  public static final URI GCS_PUBLIC_ENDPOINT = URI.create("https://storage.googleapis.com");

  private static final String ANONYMOUS_HINT =
      " (gs:// and s3:// stores are read anonymously: the bucket must be publicly readable)";

  /**
   * Where cloud URLs are read from: the GCS endpoint and the environment (for the AWS region).
   * Injected by tests.
   */
  record Cloud(URI gcsEndpoint, UnaryOperator<String> env) {
    static final Cloud DEFAULT = new Cloud(GCS_PUBLIC_ENDPOINT, System::getenv);
  }

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
   * @throws IllegalArgumentException for an unsupported or malformed URL: one line starting {@code
   *     BLOB_FILE_STORE_URLS:} that names the problem without the URL's path or query
   */
  public static BlobFileStore create(
      String url, String basePath, HttpClient http, Duration requestTimeout) {
    return create(url, basePath, http, requestTimeout, Cloud.DEFAULT);
  }

  static BlobFileStore create(
      String url, String basePath, HttpClient http, Duration requestTimeout, Cloud cloud) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BLOB_FILE_STORE_URLS: a URL is malformed", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> {
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
          throw new IllegalArgumentException(
              "BLOB_FILE_STORE_URLS: file:// blob store URLs take a local absolute path, not a"
                  + " host ("
                  + uri.getHost()
                  + ")");
        }
        yield new Local(Path.of(uri.getPath()), basePath);
      }
      case "http", "https" ->
          new Http(
              uri, "file store " + L1RpcConfig.redact(uri), "", basePath, http, requestTimeout);
      case "gs" -> gcs(uri, basePath, http, requestTimeout, cloud);
      case "s3" -> s3(uri, basePath, http, requestTimeout, cloud);
      default ->
          throw new IllegalArgumentException(
              "BLOB_FILE_STORE_URLS: unsupported scheme '"
                  + scheme
                  + "' (supported: file://, http://, https://, gs://, s3://)");
    };
  }

  private static BlobFileStore gcs(
      URI uri, String basePath, HttpClient http, Duration timeout, Cloud cloud) {
    String bucket = bucket(uri);
    URI base = URI.create(stripSlash(cloud.gcsEndpoint().toString()) + "/" + bucket + "/");
    return anonymous(
        uri, URI.create(base + objectPrefix(uri.getRawPath())), basePath, http, timeout);
  }

  private static BlobFileStore s3(
      URI uri, String basePath, HttpClient http, Duration timeout, Cloud cloud) {
    String bucket = bucket(uri);
    Map<String, String> q = queryParams(uri.getRawQuery());
    String prefix = objectPrefix(uri.getRawPath());
    String publicBaseUrl = q.getOrDefault("publicBaseUrl", "");
    String endpoint = q.getOrDefault("endpoint", "");
    URI base;
    if (!publicBaseUrl.isEmpty()) {
      base = URI.create(stripSlash(httpUrl(publicBaseUrl, "publicBaseUrl").toString()) + "/");
    } else if (!endpoint.isEmpty()) {
      base = URI.create(stripSlash(httpUrl(endpoint, "endpoint").toString()) + "/" + bucket + "/");
    } else {
      String region = cloud.env().apply("AWS_REGION");
      if (region == null || region.isBlank()) {
        region = cloud.env().apply("AWS_DEFAULT_REGION");
      }
      if (region == null || region.isBlank()) {
        region = "us-east-1";
      }
      region = region.strip();
      base =
          bucket.contains(".")
              ? URI.create("https://s3." + region + ".amazonaws.com/" + bucket + "/")
              : URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com/");
    }
    return anonymous(uri, URI.create(base + prefix), basePath, http, timeout);
  }

  private static BlobFileStore anonymous(
      URI cloudUrl, URI httpBase, String basePath, HttpClient http, Duration timeout) {
    String label =
        "file store " + cloudUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + bucket(cloudUrl);
    LOG.info(
        "Reading blob {} anonymously over {} (cloud credentials are not used)",
        label,
        L1RpcConfig.redact(httpBase));
    return new Http(httpBase, label, ANONYMOUS_HINT, basePath, http, timeout);
  }

  private static String bucket(URI uri) {
    String b = uri.getRawAuthority();
    if (b == null || b.isEmpty() || b.contains("@") || b.contains(":")) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_URLS: a "
              + uri.getScheme()
              + ":// URL must name a bucket: "
              + uri.getScheme()
              + "://<bucket>/<path>");
    }
    return b;
  }

  /**
   * The object-name prefix of a bucket URL's path, as the official stores join it ({@code
   * path.join}): no leading slash, empty and {@code .} segments dropped, {@code ..} applied, a
   * trailing slash when not empty.
   */
  static String objectPrefix(String rawPath) {
    Deque<String> parts = new ArrayDeque<>();
    for (String seg : (rawPath == null ? "" : rawPath).split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(seg);
      }
    }
    return parts.isEmpty() ? "" : String.join("/", parts) + "/";
  }

  private static Map<String, String> queryParams(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v); // URLSearchParams.get returns the first
    }
    return out;
  }

  private static URI httpUrl(String text, String param) {
    URI u;
    try {
      u = URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_URLS: the s3:// " + param + " parameter is not a URL", e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getRawAuthority() == null) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_URLS: the s3:// " + param + " parameter must be an http(s):// URL");
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_URLS: the s3:// " + param + " parameter must not have a query");
    }
    return u;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
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

  /**
   * A store behind HTTP(S) (a public bucket, a CDN, a plain web server), also the anonymous form of
   * {@code gs://} and {@code s3://} stores.
   */
  public static final class Http extends BlobFileStore {
    private final URI base;
    private final String label;
    private final String forbiddenHint;
    private final HttpClient http;
    private final Duration timeout;

    Http(
        URI base,
        String label,
        String forbiddenHint,
        String basePath,
        HttpClient http,
        Duration timeout) {
      super(basePath);
      String s = base.toString();
      this.base = URI.create(s.endsWith("/") ? s : s + "/");
      this.label = label;
      this.forbiddenHint = forbiddenHint;
      this.http = http;
      this.timeout = timeout;
    }

    /** The URL the store's paths are resolved against (may carry keys: not for messages). */
    URI baseUri() {
      return base;
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
        boolean forbidden = res.statusCode() == 401 || res.statusCode() == 403;
        throw new BlobSourceException(
            describe() + " answered HTTP " + res.statusCode() + (forbidden ? forbiddenHint : ""));
      }
      boolean gzip =
          res.headers()
              .firstValue("Content-Encoding")
              .map(v -> v.strip().equalsIgnoreCase("gzip"))
              .orElse(false);
      return Optional.of(gzip ? gunzip(res.body()) : res.body());
    }

    private byte[] gunzip(byte[] body) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new BlobSourceException(describe() + ": cannot gunzip a gzip-encoded answer", e);
      }
    }

    @Override
    public String describe() {
      return label;
    }
  }
}
