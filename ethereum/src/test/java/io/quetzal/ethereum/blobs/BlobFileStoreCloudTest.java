package io.quetzal.ethereum.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.quetzal.ethereum.archive.ArchiveFixtures;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.RollupEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code gs://} and {@code s3://} blob file stores, read anonymously over HTTP(S): the URLs they
 * map to, and reads from a local server standing in for the bucket.
 */
class BlobFileStoreCloudTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String BASE =
      BlobFileStore.basePath(
          ArchiveFixtures.CHAIN_ID, ArchiveFixtures.ROLLUP_VERSION, ArchiveFixtures.ROLLUP);

  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private static Bytes32 hash() {
    return ArchiveFixtures.proposedEvents().stream()
        .map(RollupEvents.CheckpointProposed::versionedBlobHashes)
        .map(l -> l.get(0))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] blobFile(Bytes32 h) throws IOException {
    Path p = ArchiveFixtures.dir("blobstore").resolve(BASE).resolve("blobs").resolve(h + ".data");
    return Files.readAllBytes(p);
  }

  /** Serves {@code body} at {@code path} (with {@code headers}), {@code status} elsewhere. */
  private URI serve(
      String path, byte[] body, Map<String, String> headers, int status, List<String> seen)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/",
        ex -> {
          seen.add(ex.getRequestURI().getRawPath());
          if (ex.getRequestURI().getRawPath().equals(path)) {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          } else {
            ex.sendResponseHeaders(status, -1);
            ex.close();
          }
        });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  private static URI base(String url, BlobFileStore.Cloud cloud) {
    BlobFileStore s = BlobFileStore.create(url, BASE, HTTP, TIMEOUT, cloud);
    assertThat(s).isInstanceOf(BlobFileStore.Http.class);
    return ((BlobFileStore.Http) s).baseUri();
  }

  private static BlobFileStore.Cloud env(Map<String, String> vars) {
    return new BlobFileStore.Cloud(BlobFileStore.GCS_PUBLIC_ENDPOINT, vars::get);
  }

  @Test
  void gsUrlsAreReadFromTheirPublicGoogleStorageUrl() {
    BlobFileStore s = BlobFileStore.create("gs://aztec-blobs/net/x", BASE, HTTP, TIMEOUT);
    assertThat(((BlobFileStore.Http) s).baseUri())
        .hasToString("https://storage.googleapis.com/aztec-blobs/net/x/");
    assertThat(s.describe()).isEqualTo("file store gs://aztec-blobs");
    // Object names are joined as path.join does.
    assertThat(base("gs://b//a/./c/../d/", BlobFileStore.Cloud.DEFAULT))
        .hasToString("https://storage.googleapis.com/b/a/d/");
    assertThat(base("gs://b", BlobFileStore.Cloud.DEFAULT))
        .hasToString("https://storage.googleapis.com/b/");
  }

  @Test
  void s3UrlsMapToThePublicBaseUrlThenTheEndpointThenAwsAsTheOfficialClientAddressesThem() {
    // No endpoint: AWS virtual-hosted style in AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1.
    assertThat(base("s3://bkt/p/q", env(Map.of("AWS_REGION", "eu-west-1"))))
        .hasToString("https://bkt.s3.eu-west-1.amazonaws.com/p/q/");
    assertThat(base("s3://bkt/p", env(Map.of("AWS_DEFAULT_REGION", "ap-south-1"))))
        .hasToString("https://bkt.s3.ap-south-1.amazonaws.com/p/");
    assertThat(base("s3://bkt/p", env(Map.of())))
        .hasToString("https://bkt.s3.us-east-1.amazonaws.com/p/");
    // A bucket with dots is addressed path-style (its name would break the TLS wildcard).
    assertThat(base("s3://my.bkt/p", env(Map.of())))
        .hasToString("https://s3.us-east-1.amazonaws.com/my.bkt/p/");
    // endpoint: path style at the endpoint (the official forcePathStyle).
    assertThat(
            base(
                "s3://bkt/p?endpoint=https%3A%2F%2Facc.r2.cloudflarestorage.com",
                env(Map.of("AWS_REGION", "eu-west-1"))))
        .hasToString("https://acc.r2.cloudflarestorage.com/bkt/p/");
    // publicBaseUrl: the bucket's public root.
    assertThat(
            base(
                "s3://bkt/p?endpoint=https://acc.r2.cloudflarestorage.com"
                    + "&publicBaseUrl=https://blobs.example.org/",
                env(Map.of())))
        .hasToString("https://blobs.example.org/p/");
    assertThat(BlobFileStore.create("s3://bkt/p", BASE, HTTP, TIMEOUT).describe())
        .isEqualTo("file store s3://bkt");
  }

  @Test
  void aGsStoreReadsTheBlobFromTheBucket() throws IOException {
    Bytes32 h = hash();
    List<String> seen = new CopyOnWriteArrayList<>();
    String objectPath = "/my-bucket/prefix/" + BASE + "/blobs/" + h + ".data";
    URI gcs = serve(objectPath, blobFile(h), Map.of(), 404, seen);
    BlobFileStore s =
        BlobFileStore.create(
            "gs://my-bucket/prefix",
            BASE,
            HTTP,
            TIMEOUT,
            new BlobFileStore.Cloud(gcs, name -> null));
    Blob b = s.getBlob(h).orElseThrow();
    assertThat(b.versionedHash()).isEqualTo(h);
    assertThat(seen).containsExactly(objectPath);
    assertThat(s.getBlob(Bytes32.fromHex("0x01" + "00".repeat(31)))).isEmpty();
  }

  @Test
  void anS3StoreAtAnEndpointReadsPathStyleAndUnzipsAGzipEncodedAnswer() throws IOException {
    Bytes32 h = hash();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(blobFile(h));
    }
    List<String> seen = new CopyOnWriteArrayList<>();
    String objectPath = "/bkt/blobs-root/" + BASE + "/blobs/" + h + ".data";
    URI endpoint =
        serve(objectPath, gz.toByteArray(), Map.of("Content-Encoding", "gzip"), 404, seen);
    BlobFileStore s =
        BlobFileStore.create("s3://bkt/blobs-root?endpoint=" + endpoint, BASE, HTTP, TIMEOUT);
    assertThat(s.getBlob(h).map(Blob::versionedHash)).contains(h);
    assertThat(seen).containsExactly(objectPath);
  }

  @Test
  void aPrivateBucketIsReportedWithAHint() throws IOException {
    URI endpoint = serve("/nothing", new byte[0], Map.of(), 403, new ArrayList<>());
    BlobFileStore s =
        BlobFileStore.create("s3://private/x?endpoint=" + endpoint, BASE, HTTP, TIMEOUT);
    assertThatThrownBy(() -> s.getBlob(hash()))
        .isInstanceOf(BlobSourceException.class)
        .hasMessage(
            "file store s3://private answered HTTP 403 (gs:// and s3:// stores are read"
                + " anonymously: the bucket must be publicly readable)");
    assertThat(s.testConnection()).isFalse();
  }

  @Test
  void malformedCloudUrlsFailAtConfigurationWithOneLineNamingTheSetting() {
    assertThatThrownBy(() -> BlobFileStore.create("gs:///no-bucket", BASE, HTTP, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BLOB_FILE_STORE_URLS: a gs:// URL must name a bucket: gs://<bucket>/<path>");
    assertThatThrownBy(() -> BlobFileStore.create("s3://b/p?endpoint=ftp://x", BASE, HTTP, TIMEOUT))
        .hasMessage("BLOB_FILE_STORE_URLS: the s3:// endpoint parameter must be an http(s):// URL");
    assertThatThrownBy(() -> BlobFileStore.create("ftp://x/y", BASE, HTTP, TIMEOUT))
        .hasMessage(
            "BLOB_FILE_STORE_URLS: unsupported scheme 'ftp' (supported: file://, http://,"
                + " https://, gs://, s3://)");
  }

  @Test
  void objectPrefixesAreJoinedAsNodePathJoin() {
    assertThat(BlobFileStore.objectPrefix("")).isEmpty();
    assertThat(BlobFileStore.objectPrefix("/")).isEmpty();
    assertThat(BlobFileStore.objectPrefix("/a")).isEqualTo("a/");
    assertThat(BlobFileStore.objectPrefix("//a//b/")).isEqualTo("a/b/");
    assertThat(BlobFileStore.objectPrefix("/a/./b/../c")).isEqualTo("a/c/");
  }
}
