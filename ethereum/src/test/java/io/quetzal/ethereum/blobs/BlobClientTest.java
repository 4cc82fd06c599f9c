package io.quetzal.ethereum.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quetzal.ethereum.archive.ArchiveFixtures;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.RollupEvents;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.secret.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/** Blob sources: the official file store fixture, an HTTP file store and a beacon API stub. */
class BlobClientTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BASE =
      BlobFileStore.basePath(
          ArchiveFixtures.CHAIN_ID, ArchiveFixtures.ROLLUP_VERSION, ArchiveFixtures.ROLLUP);
  private static final Bytes32 BLOCK = Bytes32.fromHex("0x" + "ab".repeat(32));
  private static final String ROOT = "0x" + "cd".repeat(32);

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private static List<Bytes32> eventHashes() {
    return ArchiveFixtures.proposedEvents().stream()
        .map(RollupEvents.CheckpointProposed::versionedBlobHashes)
        .map(l -> l.get(0))
        .toList();
  }

  private static Path storeDir() {
    return ArchiveFixtures.dir("blobstore");
  }

  private BlobClient client(BlobClientConfig cfg) {
    return new BlobClient(
        cfg,
        h -> h.equals(BLOCK) ? Optional.of(ROOT) : Optional.empty(),
        d -> sleeps.add(d.toString()),
        HTTP);
  }

  private static BlobClientConfig config(List<String> stores, List<URI> hosts) {
    return BlobClientConfig.of(
        stores,
        hosts,
        ArchiveFixtures.CHAIN_ID,
        ArchiveFixtures.ROLLUP_VERSION,
        ArchiveFixtures.ROLLUP);
  }

  @Test
  void layoutIsTheOfficialOne() {
    assertThat(BASE).isEqualTo("aztec-31337-344372055-0x322813fd9a801c5507c9de605d63cea4f2ce6c44");
    assertThat(Files.isDirectory(storeDir().resolve(BASE).resolve("blobs"))).isTrue();
  }

  @Test
  void blobFilesAreRawSnappyNotFramed() throws IOException {
    Bytes32 h = eventHashes().get(0);
    byte[] file =
        Files.readAllBytes(storeDir().resolve(BASE).resolve("blobs").resolve(h + ".data"));
    assertThat(Snappy.isValidCompressedBuffer(file)).isTrue();
    // The framed format would start with the stream identifier chunk 0xff 06 00 00 "sNaPpY".
    assertThat(file[0]).isNotEqualTo((byte) 0xff);
    Blob b = BlobJson.fromFileBytes(file, "test");
    assertThat(b.versionedHash()).isEqualTo(h);
    // Round trip.
    assertThat(BlobJson.fromFileBytes(BlobJson.toFileBytes(b), "rt")).isEqualTo(b);
    // A framed file is refused with a clear message.
    byte[] framed = new byte[] {(byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'};
    assertThatThrownBy(() -> BlobJson.fromFileBytes(framed, "store x"))
        .isInstanceOf(BlobSourceException.class)
        .hasMessageContaining("store x: not a raw-snappy compressed blob file");
  }

  @Test
  void localFileStoreReturnsAllNineBlobsInTheOrderAskedAndVerifiesThem() {
    List<Bytes32> hashes = new ArrayList<>(eventHashes());
    Collections.reverse(hashes);
    BlobClient c = client(config(List.of(storeDir().toUri().toString()), List.of()));
    long tl = System.nanoTime();
    Kzg.ensureLoaded();
    long loadMs = (System.nanoTime() - tl) / 1_000_000;
    long t0 = System.nanoTime();
    List<Blob> blobs = c.requireBlobs(BLOCK, hashes, true);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(blobs.stream().map(Blob::versionedHash).toList()).isEqualTo(hashes);
    for (Blob b : blobs) {
      assertThat(Kzg.verifyCommitment(b)).isTrue();
    }
    // Timing of the first KZG use (trusted setup load) plus nine commitments.
    long t1 = System.nanoTime();
    for (Blob b : blobs) {
      Kzg.commitment(b.data());
    }
    long perBlobUs = (System.nanoTime() - t1) / 1_000 / blobs.size();
    System.out.printf(
        "KZG setup load: %d ms (0 if already loaded); file-store fetch + snappy + JSON + KZG check"
            + " of 9 blobs: %d ms; KZG commitment alone: %d us/blob%n",
        loadMs, ms, perBlobUs);
  }

  @Test
  void aBlobWhoseDataDoesNotMatchItsCommitmentIsRejected() throws IOException {
    Path dir = Files.createTempDirectory("blobs");
    Bytes32 h = eventHashes().get(0);
    byte[] file =
        Files.readAllBytes(storeDir().resolve(BASE).resolve("blobs").resolve(h + ".data"));
    Blob b = BlobJson.fromFileBytes(file, "t");
    byte[] data = b.data();
    data[100] ^= 1;
    Path blobs = Files.createDirectories(dir.resolve(BASE).resolve("blobs"));
    Files.write(blobs.resolve(h + ".data"), BlobJson.toFileBytes(new Blob(data, b.commitment())));
    BlobClient c = client(config(List.of(dir.toUri().toString()), List.of()));
    assertThatThrownBy(() -> c.requireBlobs(BLOCK, List.of(h), true))
        .isInstanceOf(BlobSourceException.class)
        .hasMessageContaining("does not match its KZG commitment");
    // Without verification (measurement mode) it is accepted.
    BlobClient unchecked =
        client(config(List.of(dir.toUri().toString()), List.of()).withVerifyCommitments(false));
    assertThat(unchecked.requireBlobs(BLOCK, List.of(h), true)).hasSize(1);
  }

  @Test
  void anvilTransactionsCarryTheirBlobs() {
    JsonNode tx = ArchiveFixtures.proposalTxs().get(0);
    Bytes32 h = eventHashes().get(0);
    List<Blob> blobs = BlobClient.fromTransaction(tx, List.of(h), true);
    assertThat(blobs).hasSize(1);
    Blob fromStore =
        client(config(List.of(storeDir().toUri().toString()), List.of()))
            .requireBlobs(BLOCK, List.of(h), true)
            .get(0);
    assertThat(blobs.get(0)).isEqualTo(fromStore);
    // A stripped transaction has none.
    assertThat(
            BlobClient.fromTransaction(ArchiveFixtures.proposalTxs().get(1), eventHashes(), true))
        .isEmpty();
  }

  // ---- HTTP

  private record Req(String path, String query, Map<String, List<String>> headers) {}

  private URI serve(Function<Req, Object[]> handler, List<Req> seen) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/",
        (HttpExchange ex) -> {
          Req r =
              new Req(
                  ex.getRequestURI().getPath(),
                  ex.getRequestURI().getRawQuery(),
                  Map.copyOf(ex.getRequestHeaders()));
          seen.add(r);
          Object[] res = handler.apply(r);
          int status = (Integer) res[0];
          byte[] body = (byte[]) res[1];
          ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  private static Object[] ok(String body) {
    return new Object[] {200, body.getBytes(StandardCharsets.UTF_8)};
  }

  private static Object[] notFound() {
    return new Object[] {404, new byte[0]};
  }

  private static String sidecarsJson(List<Blob> blobs) {
    StringBuilder b = new StringBuilder("{\"data\":[");
    for (int i = 0; i < blobs.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"index\":\"")
          .append(i)
          .append("\",\"blob\":\"")
          .append(Hex.encode(blobs.get(i).data()))
          .append("\",\"kzg_commitment\":\"")
          .append(Hex.encode(blobs.get(i).commitment()))
          .append("\",\"kzg_proof\":\"0x00\"}");
    }
    return b.append("]}").toString();
  }

  private static Blob fixtureBlob(int i) throws IOException {
    Bytes32 h = eventHashes().get(i);
    return BlobJson.fromFileBytes(
        Files.readAllBytes(storeDir().resolve(BASE).resolve("blobs").resolve(h + ".data")), "t");
  }

  @Test
  void httpFileStoreThenBeaconWith404FallbackAndApiKeyHeader() throws IOException {
    Bytes32 inStore = eventHashes().get(0);
    Bytes32 onlyOnBeacon = eventHashes().get(1);
    List<Req> storeSeen = new CopyOnWriteArrayList<>();
    URI store =
        serve(
            r -> {
              String prefix = "/bucket/" + BASE + "/blobs/";
              if (r.path().equals(prefix + inStore + ".data")) {
                try {
                  return new Object[] {
                    200,
                    Files.readAllBytes(
                        storeDir().resolve(BASE).resolve("blobs").resolve(inStore + ".data"))
                  };
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
              return notFound();
            },
            storeSeen);
    List<Req> beaconSeen = new CopyOnWriteArrayList<>();
    String beaconBody = sidecarsJson(List.of(fixtureBlob(1), fixtureBlob(2)));
    URI beacon =
        serve(
            r ->
                switch (r.path().replace(ROOT, "ROOT")) {
                  case "/eth/v1/beacon/headers/ROOT" ->
                      ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"100\"}}}}");
                  case "/eth/v1/beacon/headers/head" ->
                      ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"120\"}}}}");
                  // slot 101 (parent + 1) is empty (404); 102 too; 103 has the blobs.
                  case "/eth/v1/beacon/blob_sidecars/103" -> ok(beaconBody);
                  default -> notFound();
                },
            beaconSeen);
    BlobClientConfig cfg =
        config(List.of(store + "/bucket"), List.of(beacon))
            .withApiKeys(List.of(Secret.of("s3cret")), List.of("X-Api-Key"));
    BlobClient c = client(cfg);
    List<Blob> blobs = c.requireBlobs(BLOCK, List.of(onlyOnBeacon, inStore), true);
    assertThat(blobs.stream().map(Blob::versionedHash).toList())
        .containsExactly(onlyOnBeacon, inStore);
    assertThat(beaconSeen.stream().map(Req::path).toList())
        .containsExactly(
            "/eth/v1/beacon/headers/" + ROOT,
            "/eth/v1/beacon/blob_sidecars/101",
            "/eth/v1/beacon/headers/head",
            "/eth/v1/beacon/blob_sidecars/102",
            "/eth/v1/beacon/blob_sidecars/103");
    for (Req r : beaconSeen) {
      assertThat(r.headers().get("X-api-key")).containsExactly("s3cret");
      assertThat(r.query()).isNull();
    }
    assertThat(sleeps).isEmpty(); // historical sync: no near-tip retries
  }

  @Test
  void apiKeyWithoutHeaderGoesInTheQuery() throws IOException {
    List<Req> seen = new CopyOnWriteArrayList<>();
    String body = sidecarsJson(List.of(fixtureBlob(3)));
    URI beacon =
        serve(
            r ->
                r.path().startsWith("/eth/v1/beacon/headers/")
                    ? ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"7\"}}}}")
                    : ok(body),
            seen);
    BlobClient c =
        client(
            config(List.of(), List.of(beacon)).withApiKeys(List.of(Secret.of("k&y")), List.of()));
    assertThat(c.requireBlobs(BLOCK, List.of(eventHashes().get(3)), true)).hasSize(1);
    assertThat(seen.get(1).path()).isEqualTo("/eth/v1/beacon/blob_sidecars/8");
    assertThat(seen.get(1).query()).isEqualTo("key=k%26y");
  }

  @Test
  void badJsonFromTheBeaconIsAClearErrorAndTheKeyIsNotShown() throws IOException {
    URI beacon =
        serve(
            r ->
                r.path().startsWith("/eth/v1/beacon/headers/")
                    ? ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"7\"}}}}")
                    : ok("{\"data\": [ {\"blob\": oops"),
            new ArrayList<>());
    BlobClient c =
        client(
            config(List.of(), List.of(URI.create(beacon + "/path/with/secret")))
                .withApiKeys(List.of(Secret.of("topsecret")), List.of()));
    assertThatThrownBy(() -> c.requireBlobs(BLOCK, List.of(eventHashes().get(0)), true))
        .isInstanceOf(BlobSourceException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("consensus host http://127.0.0.1:")
        .hasMessageContaining("were not found in any blob source")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("topsecret").doesNotContain("secret/"));
  }

  @Test
  void wrongShapesAndHttpErrorsAreNamed() throws IOException {
    URI beacon =
        serve(
            r ->
                r.path().startsWith("/eth/v1/beacon/headers/")
                    ? ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"x\"}}}}")
                    : ok("{}"),
            new ArrayList<>());
    BlobClient c = client(config(List.of(), List.of(beacon)));
    assertThatThrownBy(() -> c.requireBlobs(BLOCK, List.of(eventHashes().get(0)), true))
        .hasMessageContaining("no numeric data.header.message.slot");

    URI broken =
        serve(r -> new Object[] {500, "boom".getBytes(StandardCharsets.UTF_8)}, new ArrayList<>());
    BlobClient c2 = client(config(List.of(broken.toString()), List.of()));
    assertThatThrownBy(() -> c2.requireBlobs(BLOCK, List.of(eventHashes().get(0)), false))
        .hasMessageContaining("answered HTTP 500");
    // Near the tip, the file stores are retried with the official back-off.
    assertThat(sleeps).containsExactly("PT1S", "PT1S", "PT2S");

    BlobClient none = client(config(List.of(), List.of()));
    assertThatThrownBy(() -> none.requireBlobs(BLOCK, List.of(eventHashes().get(0)), true))
        .hasMessageContaining(
            "no BLOB_FILE_STORE_URLS, L1_CONSENSUS_HOST_URLS or BLOB_ARCHIVE_API_URL configured");
    assertThat(none.getBlobSidecar(BLOCK, List.of(eventHashes().get(0)), true)).isEmpty();
  }

  @Test
  void unsupportedStoreUrlsAreRejected() {
    assertThatThrownBy(
            () -> BlobFileStore.create("file://host/x", BASE, HTTP, Duration.ofSeconds(1)))
        .hasMessageContaining("not a host");
    assertThatThrownBy(() -> BlobFileStore.create("ftp://x", BASE, HTTP, Duration.ofSeconds(1)))
        .hasMessageContaining("scheme 'ftp'");
    assertThat(
            BlobFileStore.create(storeDir().toUri().toString(), BASE, HTTP, Duration.ofSeconds(1))
                .testConnection())
        .isTrue();
  }
}
