package io.quetzal.ethereum.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quetzal.ethereum.archive.ArchiveFixtures;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.RollupEvents;
import io.quetzal.foundation.bytes.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blob archive API ({@code BLOB_ARCHIVE_API_URL}): the official Blobscan fixtures ({@code
 * resources/io/quetzal/ethereum/blobs/blobscan}, copied from {@code @aztec/blob-client@4.1.2}
 * {@code src/archive/fixtures}) served by a local HTTP server, the place of the archive in the
 * source order, and its failures.
 */
class BlobscanArchiveTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIXTURES = "/io/quetzal/ethereum/blobs/blobscan/";

  /** The L1 block of the official fixture (Sepolia 7834183). */
  private static final Bytes32 FIXTURE_BLOCK =
      Bytes32.fromHex("0x7d81980a40426c40544f0f729ada953be406730b877b5865d6cdc35cc8f9c84e");

  private static final Bytes32 FIXTURE_HASH_0 =
      Bytes32.fromHex("0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
  private static final Bytes32 FIXTURE_HASH_1 =
      Bytes32.fromHex("0x01e0ba3b8e225458ab80d3f765ac6a37fb600b590c154388734199e39e676689");

  private static final Bytes32 BLOCK = Bytes32.fromHex("0x" + "ab".repeat(32));
  private static final String ROOT = "0x" + "cd".repeat(32);
  private static final String BASE =
      BlobFileStore.basePath(
          ArchiveFixtures.CHAIN_ID, ArchiveFixtures.ROLLUP_VERSION, ArchiveFixtures.ROLLUP);

  private final List<HttpServer> servers = new ArrayList<>();

  /** Every request and sleep of a test, in order: {@code "<server>: <path>"} or {@code "sleep"}. */
  private final List<String> events = new CopyOnWriteArrayList<>();

  private record Req(String path, String query, Map<String, List<String>> headers) {}

  private record Res(int status, byte[] body) {}

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  // ---- helpers

  private static byte[] resource(String name) {
    try (InputStream in = BlobscanArchiveTest.class.getResourceAsStream(FIXTURES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI serve(String name, Function<Req, Res> handler, List<Req> seen) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    s.createContext(
        "/",
        ex -> {
          Req r =
              new Req(
                  ex.getRequestURI().getRawPath(),
                  ex.getRequestURI().getRawQuery(),
                  Map.copyOf(ex.getRequestHeaders()));
          seen.add(r);
          events.add(name + ": " + r.path());
          Res res = handler.apply(r);
          ex.sendResponseHeaders(res.status(), res.body().length == 0 ? -1 : res.body().length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(res.body());
          }
        });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
  }

  private static Res ok(byte[] body) {
    return new Res(200, body);
  }

  private static Res ok(String body) {
    return ok(body.getBytes(StandardCharsets.UTF_8));
  }

  private static Res status(int code, String body) {
    return new Res(code, body.getBytes(StandardCharsets.UTF_8));
  }

  private BlobClient client(BlobClientConfig cfg) {
    return new BlobClient(
        cfg,
        h -> h.equals(BLOCK) ? Optional.of(ROOT) : Optional.empty(),
        d -> events.add("sleep " + d),
        HTTP,
        true);
  }

  private static BlobClientConfig config(List<String> stores, List<URI> hosts, URI archive) {
    return BlobClientConfig.of(
            stores,
            hosts,
            ArchiveFixtures.CHAIN_ID,
            ArchiveFixtures.ROLLUP_VERSION,
            ArchiveFixtures.ROLLUP)
        .withArchiveApiUrl(Optional.ofNullable(archive));
  }

  private static BlobClientConfig withTimeout(BlobClientConfig c, Duration timeout) {
    return new BlobClientConfig(
        c.fileStoreUrls(),
        c.consensusHostUrls(),
        c.consensusHostApiKeys(),
        c.consensusHostApiKeyHeaders(),
        c.l1ChainId(),
        c.rollupVersion(),
        c.rollupAddress(),
        c.verifyCommitments(),
        timeout,
        c.nearTipRetries(),
        c.archiveApiUrl());
  }

  /** Blobs of the official local-network file store fixture (nine checkpoints, one blob each). */
  private static Blob storeBlob(int i) {
    Bytes32 h = storeHash(i);
    try {
      return BlobJson.fromFileBytes(Files.readAllBytes(storeFile(h)), "t");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Bytes32 storeHash(int i) {
    return ArchiveFixtures.proposedEvents().stream()
        .map(RollupEvents.CheckpointProposed::versionedBlobHashes)
        .map(l -> l.get(0))
        .toList()
        .get(i);
  }

  private static Path storeFile(Bytes32 h) {
    return ArchiveFixtures.dir("blobstore").resolve(BASE).resolve("blobs").resolve(h + ".data");
  }

  /** A Blobscan block answer with one transaction per blob (fields as the official schema). */
  private static String blobscanBlock(Bytes32 blockHash, List<Blob> blobs) {
    StringBuilder b =
        new StringBuilder("{\"hash\":\"")
            .append(blockHash)
            .append("\",\"number\":7,\"slot\":8,\"timestamp\":\"x\",\"transactions\":[");
    for (int i = 0; i < blobs.size(); i++) {
      Blob blob = blobs.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"hash\":\"0x")
          .append(String.format("%064x", i))
          .append("\",\"blobs\":[{\"versionedHash\":\"")
          .append(blob.versionedHash())
          .append("\",\"commitment\":\"")
          .append(Hex.encode(blob.commitment()))
          .append("\",\"proof\":\"0x00\",\"size\":131072,\"index\":0,\"data\":\"")
          .append(Hex.encode(blob.data()))
          .append("\"}]}");
    }
    return b.append("]}").toString();
  }

  private static String sidecars(List<Blob> blobs) {
    StringBuilder b = new StringBuilder("{\"data\":[");
    for (int i = 0; i < blobs.size(); i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"index\":\"")
          .append(i)
          .append("\",\"blob\":\"")
          .append(Hex.encode(blobs.get(i).data()))
          .append("\",\"kzg_commitment\":\"")
          .append(Hex.encode(blobs.get(i).commitment()))
          .append("\"}");
    }
    return b.append("]}").toString();
  }

  // ---- the official fixtures

  @Test
  void theOfficialBlockFixtureGivesItsTwoBlobsInTheOrderAskedWithCommitmentsVerified()
      throws IOException {
    List<Req> seen = new CopyOnWriteArrayList<>();
    byte[] fixture = resource("blobscan_get_block.json");
    URI archive =
        serve(
            "archive",
            r -> r.path().equals("/blocks/" + FIXTURE_BLOCK) ? ok(fixture) : status(404, "{}"),
            seen);
    BlobClient c = client(config(List.of(), List.of(), archive));
    assertThat(c.archive()).isPresent();

    List<Blob> blobs = c.requireBlobs(FIXTURE_BLOCK, List.of(FIXTURE_HASH_1, FIXTURE_HASH_0), true);

    assertThat(blobs.stream().map(Blob::versionedHash).toList())
        .containsExactly(FIXTURE_HASH_1, FIXTURE_HASH_0);
    JsonNode json = ArchiveFixtures.MAPPER.readTree(fixture);
    JsonNode second = json.path("transactions").path(1).path("blobs").path(0);
    assertThat(Hex.encode(blobs.get(0).data())).isEqualTo(second.path("data").asText());
    assertThat(Hex.encode(blobs.get(0).commitment())).isEqualTo(second.path("commitment").asText());
    // verifyCommitments is on: the KZG commitments recomputed from the data match.
    for (Blob b : blobs) {
      assertThat(Kzg.verifyCommitment(b)).isTrue();
    }
    // The official request: blocks/<hash>?type=canonical&expand=blob%2Cblob_data, JSON accepted.
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).path()).isEqualTo("/blocks/" + FIXTURE_BLOCK);
    assertThat(seen.get(0).query()).isEqualTo("type=canonical&expand=blob%2Cblob_data");
    assertThat(seen.get(0).headers().get("Accept")).containsExactly("application/json");
  }

  @Test
  void theFixtureParsesToDataAndCommitmentPerBlobInTransactionOrder() {
    JsonNode json = ArchiveFixtures.json(FIXTURES + "blobscan_get_block.json");
    List<BlobscanArchive.ArchivedBlob> blobs = BlobscanArchive.parseBlock(json, "fixture");
    assertThat(blobs).hasSize(2);
    assertThat(blobs.stream().map(b -> b.versionedHash().orElseThrow()).toList())
        .containsExactly(FIXTURE_HASH_0, FIXTURE_HASH_1);
    assertThat(blobs.get(0).toBlob().data()).hasSize(Blob.BYTES_PER_BLOB);
  }

  @Test
  void blobDataAndLatestBlockAnswersAreParsed() throws IOException {
    List<Req> seen = new CopyOnWriteArrayList<>();
    byte[] data = resource("blobscan_get_blob_data.json");
    URI archive =
        serve(
            "archive",
            r ->
                switch (r.path()) {
                  case "/blobs/" + "0x0101/data" -> ok(data);
                  case "/blocks" ->
                      ok(
                          "{\"blocks\":[{\"hash\":\"0xaa\",\"slot\":7116566,\"number\":7834183,"
                              + "\"timestamp\":\"2025-03-04T23:53:12.000Z\"}],\"totalBlocks\":1}");
                  default -> status(404, "");
                },
            seen);
    BlobscanArchive a =
        BlobscanArchive.createAllowingHttp(
            archive, HTTP, Duration.ofSeconds(5), d -> events.add("sleep"));
    byte[] bytes = a.blobData("0x0101").orElseThrow();
    assertThat(bytes).hasSize(Blob.BYTES_PER_BLOB);
    String hex = ArchiveFixtures.MAPPER.readTree(data).asText();
    assertThat(Hex.encode(bytes)).isEqualTo(hex);
    assertThat(a.blobData("0x0202")).isEmpty();

    assertThat(a.latestBlock()).isEqualTo(new BlobscanArchive.BlockRef("0xaa", 7834183, 7116566));
    Req latest = seen.stream().filter(r -> r.path().equals("/blocks")).findFirst().orElseThrow();
    assertThat(latest.query()).isEqualTo("sort=desc&type=canonical&p=1&ps=1");
  }

  @Test
  void latestBlockFailuresAreNamed() throws IOException {
    URI archive = serve("archive", r -> ok("{\"blocks\":[]}"), new ArrayList<>());
    BlobscanArchive a =
        BlobscanArchive.createAllowingHttp(archive, HTTP, Duration.ofSeconds(5), d -> {});
    assertThatThrownBy(a::latestBlock)
        .isInstanceOf(BlobSourceException.class)
        .hasMessageContaining("lists no blocks");
  }

  // ---- URLs

  @Test
  void requestUrlsResolveAsTheOfficialUrlConstructorDoes() {
    Function<String, BlobscanArchive> at =
        u -> BlobscanArchive.create(URI.create(u), HTTP, Duration.ofSeconds(1), d -> {});
    String h = FIXTURE_BLOCK.toString();
    assertThat(at.apply("https://api.blobscan.com").blockUri(h))
        .hasToString(
            "https://api.blobscan.com/blocks/" + h + "?type=canonical&expand=blob%2Cblob_data");
    assertThat(at.apply("https://api.sepolia.blobscan.com/").latestBlockUri())
        .hasToString("https://api.sepolia.blobscan.com/blocks?sort=desc&type=canonical&p=1&ps=1");
    assertThat(at.apply("https://host:8443/api/").blobDataUri("0x01"))
        .hasToString("https://host:8443/api/blobs/0x01/data");
    // Without a trailing slash the last segment is replaced; the base query is dropped.
    assertThat(at.apply("https://host/api").blockUri("1"))
        .hasToString("https://host/blocks/1?type=canonical&expand=blob%2Cblob_data");
    assertThat(at.apply("https://host/v1/?key=abc").blockUri("1"))
        .hasToString("https://host/v1/blocks/1?type=canonical&expand=blob%2Cblob_data");
    assertThat(at.apply("https://host/secret/path/").describe())
        .isEqualTo("blob archive https://host/…");
  }

  @Test
  void onlyHttpsIsAcceptedAsTheOfficialClientDemands() {
    BlobClientConfig cfg = config(List.of(), List.of(), URI.create("http://api.blobscan.com/"));
    assertThatThrownBy(() -> new BlobClient(cfg, h -> Optional.empty(), d -> {}, HTTP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "BLOB_ARCHIVE_API_URL must be an https:// URL (as the official client requires),"
                + " got http://");
    assertThatThrownBy(
            () ->
                BlobscanArchive.create(
                    URI.create("api.blobscan.com"), HTTP, Duration.ofSeconds(1), d -> {}))
        .hasMessageContaining("got no scheme");
  }

  // ---- order of the sources

  @Test
  void nearTipTheArchiveComesAfterFileStoresConsensusHostsAndTheFileStoreRetries()
      throws IOException {
    Blob a = storeBlob(0);
    Blob b = storeBlob(1);
    Blob c = storeBlob(2);
    byte[] aFile = Files.readAllBytes(storeFile(a.versionedHash()));
    String prefix = "/" + BASE + "/blobs/";
    URI store =
        serve(
            "store",
            r ->
                r.path().equals(prefix + a.versionedHash() + ".data") ? ok(aFile) : status(404, ""),
            new ArrayList<>());
    URI beacon =
        serve(
            "beacon",
            r ->
                switch (r.path().replace(ROOT, "ROOT")) {
                  case "/eth/v1/beacon/headers/ROOT" ->
                      ok("{\"data\":{\"header\":{\"message\":{\"slot\":\"100\"}}}}");
                  case "/eth/v1/beacon/blob_sidecars/101" -> ok(sidecars(List.of(b)));
                  default -> status(404, "");
                },
            new ArrayList<>());
    // The archive has all three (and one nobody asked for); only C is still missing.
    String block = blobscanBlock(BLOCK, List.of(storeBlob(3), a, b, c));
    URI archive =
        serve(
            "archive",
            r -> r.path().equals("/blocks/" + BLOCK) ? ok(block) : status(404, ""),
            new ArrayList<>());
    String storeUrl = store.toString();
    BlobClient client =
        client(config(List.of(storeUrl), List.of(URI.create(beacon + "")), archive));

    BlobClient.Fetch f =
        client.fetch(
            BLOCK, List.of(a.versionedHash(), b.versionedHash(), c.versionedHash()), false);

    assertThat(f.complete()).isTrue();
    assertThat(f.found()).containsExactly(a, b, c);
    String cPath = "store: " + prefix + c.versionedHash() + ".data";
    assertThat(events)
        .containsExactly(
            "store: " + prefix + a.versionedHash() + ".data",
            "store: " + prefix + b.versionedHash() + ".data",
            cPath,
            "beacon: /eth/v1/beacon/headers/" + ROOT,
            "beacon: /eth/v1/beacon/blob_sidecars/101",
            // near the tip: the file stores at once, then after 1, 1 and 2 s
            cPath,
            "sleep PT1S",
            cPath,
            "sleep PT1S",
            cPath,
            "sleep PT2S",
            cPath,
            "archive: /blocks/" + BLOCK);
  }

  @Test
  void inAHistoricalSyncTheArchiveFollowsTheConsensusHostsWithoutRetries() throws IOException {
    Blob a = storeBlob(4);
    URI beacon = serve("beacon", r -> status(404, ""), new ArrayList<>());
    String block = blobscanBlock(BLOCK, List.of(a));
    URI archive = serve("archive", r -> ok(block), new ArrayList<>());
    BlobClient client = client(config(List.of(), List.of(beacon), archive));

    assertThat(client.requireBlobs(BLOCK, List.of(a.versionedHash()), true)).containsExactly(a);
    assertThat(events)
        .containsExactly("beacon: /eth/v1/beacon/headers/" + ROOT, "archive: /blocks/" + BLOCK);
  }

  @Test
  void theArchiveIsNotAskedWhenEarlierSourcesHaveEveryBlob() throws IOException {
    Blob a = storeBlob(5);
    List<Req> archiveSeen = new CopyOnWriteArrayList<>();
    URI archive = serve("archive", r -> status(500, ""), archiveSeen);
    BlobClient client =
        client(
            config(
                List.of(ArchiveFixtures.dir("blobstore").toUri().toString()), List.of(), archive));
    assertThat(client.requireBlobs(BLOCK, List.of(a.versionedHash()), false)).containsExactly(a);
    assertThat(archiveSeen).isEmpty();
    assertThat(events).isEmpty();
  }

  // ---- checks

  @Test
  void blobsWithAnotherVersionedHashAreNotTakenEvenIfTheyClaimIt() throws IOException {
    Blob asked = storeBlob(0);
    Blob other = storeBlob(1);
    // The declared versionedHash says "asked", but the commitment is the other blob's.
    String block =
        blobscanBlock(BLOCK, List.of(other))
            .replace(other.versionedHash().toString(), asked.versionedHash().toString());
    URI archive = serve("archive", r -> ok(block), new ArrayList<>());
    BlobClient client = client(config(List.of(), List.of(), archive));

    BlobClient.Fetch f = client.fetch(BLOCK, List.of(asked.versionedHash()), true);
    assertThat(f.complete()).isFalse();
    assertThat(f.found()).isEmpty();
    assertThat(f.problems())
        .containsExactly(
            "blob archive http://127.0.0.1:"
                + archive.getPort()
                + ": L1 block "
                + BLOCK
                + " has 1 blob(s), none of those missing");
    assertThatThrownBy(() -> client.requireBlobs(BLOCK, List.of(asked.versionedHash()), true))
        .isInstanceOf(BlobSourceException.class)
        .hasMessageContaining("were not found in any blob source")
        .hasMessageContaining("none of those missing");
  }

  @Test
  void dataThatDoesNotMatchItsCommitmentIsRejectedWhenVerifying() throws IOException {
    Blob good = storeBlob(2);
    byte[] data = good.data();
    data[1000] ^= 1;
    Blob tampered = new Blob(data, good.commitment());
    String block = blobscanBlock(BLOCK, List.of(tampered));
    URI archive = serve("archive", r -> ok(block), new ArrayList<>());

    BlobClient.Fetch f =
        client(config(List.of(), List.of(), archive))
            .fetch(BLOCK, List.of(good.versionedHash()), true);
    assertThat(f.found()).isEmpty();
    assertThat(f.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .endsWith("blob " + good.versionedHash() + " does not match its KZG commitment");

    // A malformed blob that is asked for is named; the others are still taken.
    String shortData =
        blobscanBlock(BLOCK, List.of(good, storeBlob(3)))
            .replace(Hex.encode(good.data()), "0x00ff");
    URI archive2 = serve("archive2", r -> ok(shortData), new ArrayList<>());
    BlobClient.Fetch f2 =
        client(config(List.of(), List.of(), archive2))
            .fetch(BLOCK, List.of(good.versionedHash(), storeBlob(3).versionedHash()), true);
    assertThat(f2.found()).containsExactly(storeBlob(3));
    assertThat(f2.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("blob " + good.versionedHash() + " is malformed: a blob has 131072 bytes, got 2");
  }

  // ---- failures are problems, not exceptions

  @Test
  void notFoundServerErrorsAndBadJsonAreReportedAsProblems() throws IOException {
    Bytes32 h = storeHash(0);
    record Case(Res answer, String problem) {}
    List<Case> cases =
        List.of(
            new Case(
                status(404, "{\"message\":\"No block found\"}"), "does not know L1 block " + BLOCK),
            new Case(status(500, "boom"), "answered HTTP 500 to blocks/" + BLOCK),
            new Case(status(204, ""), "answered HTTP 204 to blocks/" + BLOCK),
            new Case(ok("{\"hash\": oops"), "not valid JSON"),
            new Case(ok("[]"), "block is not a JSON object"),
            new Case(
                ok(blobscanBlock(BLOCK, List.of(storeBlob(0))).replace("131072", "\"131072\"")),
                "transactions[0].blobs[0].size is not an integer"),
            new Case(
                ok(blobscanBlock(BLOCK, List.of(storeBlob(0))).replace("\"proof\":\"0x00\",", "")),
                "transactions[0].blobs[0].proof is not a string"),
            new Case(
                ok(
                    blobscanBlock(BLOCK, List.of(storeBlob(0)))
                        .replace("\"index\":0", "\"index\":null")),
                "transactions[0].blobs[0].index is not an integer"),
            new Case(
                ok("{\"hash\":\"0x\",\"slot\":1,\"number\":2}"),
                "block.transactions is not an array"));
    for (Case k : cases) {
      URI archive = serve("archive", r -> k.answer(), new ArrayList<>());
      BlobClient client = client(config(List.of(), List.of(), archive));
      BlobClient.Fetch f = client.fetch(BLOCK, List.of(h), true);
      assertThat(f.complete()).as(k.problem()).isFalse();
      assertThat(f.problems())
          .as(k.problem())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("blob archive http://127.0.0.1:" + archive.getPort())
          .contains(k.problem());
      assertThatThrownBy(() -> client.requireBlobs(BLOCK, List.of(h), true))
          .isInstanceOf(BlobSourceException.class)
          .hasMessageContaining(k.problem());
    }
    // Missing index is fine (optional in the official schema).
    Blob b = storeBlob(0);
    String noIndex = blobscanBlock(BLOCK, List.of(b)).replace("\"index\":0,", "");
    URI archive = serve("archive", r -> ok(noIndex), new ArrayList<>());
    assertThat(client(config(List.of(), List.of(), archive)).requireBlobs(BLOCK, List.of(h), true))
        .containsExactly(b);
  }

  @Test
  void anUnreachableArchiveIsRetriedAfter1And1And3SecondsThenReported() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI archive = URI.create("http://127.0.0.1:" + port + "/tok3n/");
    BlobClient.Fetch f =
        client(config(List.of(), List.of(), archive)).fetch(BLOCK, List.of(storeHash(0)), true);
    assertThat(events).containsExactly("sleep PT1S", "sleep PT1S", "sleep PT3S");
    assertThat(f.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .isEqualTo(
            "blob archive http://127.0.0.1:"
                + port
                + "/…: ConnectException on blocks/"
                + BLOCK
                + " (4 attempts)")
        .doesNotContain("tok3n");
  }

  @Test
  void aSilentArchiveIsBoundedByTheRequestTimeout() throws IOException {
    URI archive =
        serve(
            "archive",
            r -> {
              try {
                Thread.sleep(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ok("{}");
            },
            new ArrayList<>());
    BlobClient client =
        client(withTimeout(config(List.of(), List.of(), archive), Duration.ofMillis(200)));
    long t0 = System.nanoTime();
    BlobClient.Fetch f = client.fetch(BLOCK, List.of(storeHash(0)), true);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).isLessThan(4_000);
    assertThat(f.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("HttpTimeoutException on blocks/" + BLOCK + " (4 attempts)");
  }

  @Test
  void noSourceAtAllIsNamedInTheError() {
    BlobClient none = client(config(List.of(), List.of(), null));
    assertThat(none.archive()).isEmpty();
    assertThatThrownBy(() -> none.requireBlobs(BLOCK, List.of(storeHash(0)), true))
        .hasMessageContaining(
            "no BLOB_FILE_STORE_URLS, L1_CONSENSUS_HOST_URLS or BLOB_ARCHIVE_API_URL configured");
  }
}
