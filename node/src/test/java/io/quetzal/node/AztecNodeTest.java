package io.quetzal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.local.LocalNetworkL1;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node on the local network's L1 (a real anvil, from the deployed-state snapshot when cached),
 * answering over HTTP; shapes and values compared with the official node's recorded answers.
 */
@Tag("anvil")
class AztecNodeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path tmp;

  private static LocalNetworkL1 l1;
  private static AztecNode node;
  private static URI url;

  @BeforeAll
  static void start() {
    String c = System.getenv("QUETZAL_CACHE");
    l1 =
        LocalNetworkL1.start(
            LocalNetworkL1.Options.defaults(
                    c == null ? Map.of() : Map.of("QUETZAL_CACHE", c),
                    Optional.of(tmp.resolve("data")),
                    line -> System.out.println("[l1] " + line))
                .withAnvilPort(freePort()));
    node =
        AztecNode.start(
            NodeConfig.loopback(Optional.of(tmp.resolve("data")), 0),
            nodeL1(),
            AztecNode.localNetworkPrefill());
    url = URI.create("http://127.0.0.1:" + node.rpcAddress().getPort() + "/");
  }

  static NodeL1 nodeL1() {
    var d = l1.deployment();
    return new NodeL1(l1.rpc(), d.l1ChainId(), d.rollupVersion(), d.addresses());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (l1 != null) {
      l1.close();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = AztecNodeTest.class.getResourceAsStream("reference/" + name + ".json")) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode call(String method) throws Exception {
    HttpResponse<String> r =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return MAPPER.readTree(r.body()).get("result");
  }

  /** Same keys, recursively, and the same JSON types at the leaves. */
  private static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
    assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
    if (expected.isObject()) {
      assertThat(iterable(actual.fieldNames()))
          .as(path)
          .containsAll(iterable(expected.fieldNames()));
      expected
          .properties()
          .forEach(
              e -> assertSameShape(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey()));
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void getL2TipsAtGenesisHasTheOfficialShapeAndGenesisValues() throws Exception {
    JsonNode official = fixture("node_getL2Tips").path("response").path("result");
    JsonNode tips = call("node_getL2Tips");
    assertSameShape(tips, official, "result");
    // The official node's finalized tip was still genesis when recorded: equal values.
    assertThat(tips.get("finalized").get("block"))
        .isEqualTo(official.get("finalized").get("block"));
    assertThat(tips.get("finalized").get("checkpoint"))
        .isEqualTo(official.get("finalized").get("checkpoint"));
    for (String tip : List.of("proven", "checkpointed")) {
      assertThat(tips.get(tip).get("block")).isEqualTo(official.get("finalized").get("block"));
      assertThat(tips.get(tip).get("checkpoint"))
          .isEqualTo(official.get("finalized").get("checkpoint"));
    }
    assertThat(tips.get("proposed")).isEqualTo(official.get("finalized").get("block"));
    // The official object, exactly, plus what operators' scripts read.
    assertThat(node.l2Tips().toOfficialJson().toString())
        .isEqualTo(
            "{\"proposed\":"
                + official.get("finalized").get("block")
                + ",\"proven\":"
                + official.get("finalized")
                + ",\"finalized\":"
                + official.get("finalized")
                + ",\"checkpointed\":"
                + official.get("finalized")
                + "}");
    assertThat(tips.get("proven").get("number").isNumber()).isTrue();
    assertThat(tips.get("proven").get("number").asLong()).isZero();
    assertThat(tips.get("latest")).isEqualTo(tips.get("proposed"));
  }

  @Test
  void getBlockNumberIsZeroAtGenesis() throws Exception {
    JsonNode official = fixture("node_getBlockNumber").path("response").path("result");
    JsonNode n = call("node_getBlockNumber");
    assertSameShape(n, official, "result");
    assertThat(n.asLong()).isZero();
  }

  @Test
  void getL1ContractAddressesAreTheOfficialLocalNetworkOnes() throws Exception {
    JsonNode official = fixture("node_getL1ContractAddresses").path("response").path("result");
    assertThat(call("node_getL1ContractAddresses")).isEqualTo(official);
  }

  @Test
  void chainIdVersionAndReadiness() throws Exception {
    JsonNode info = fixture("node_getNodeInfo").path("response").path("result");
    assertThat(call("node_getChainId")).isEqualTo(info.get("l1ChainId"));
    JsonNode version = call("node_getVersion");
    assertThat(version.isIntegralNumber()).isTrue();
    assertThat(version.asLong()).isEqualTo(l1.deployment().rollupVersion());
    assertThat(call("node_isReady").asBoolean()).isTrue();
  }

  @Test
  void theTransportFollowsTheOfficialNode() throws Exception {
    HttpResponse<String> r =
        post("[{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"node_getL2Tips\",\"params\":[]}]");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(r.body()).isArray()).isTrue();
    assertThat(r.headers().firstValue("x-aztec-packageVersion")).contains("4.1.2");
    JsonNode officialHeaders = fixture("node_getBlockNumber").path("headers");
    assertThat(r.headers().firstValue("x-aztec-l2CircuitsVkTreeRoot"))
        .contains(officialHeaders.get("x-aztec-l2circuitsvktreeroot").asText());
    assertThat(r.headers().firstValue("x-aztec-l2ProtocolContractsHash"))
        .contains(officialHeaders.get("x-aztec-l2protocolcontractshash").asText());

    HttpResponse<String> missing =
        post("{\"jsonrpc\":\"2.0\",\"id\":67,\"method\":\"node_getBlock\",\"params\":[1]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(missing.body()).path("error").path("message").asText())
        .isEqualTo(
            "Method not found: node_getBlock (not available in this build yet: needs the"
                + " archiver)");
    assertThat(post("{oops").statusCode()).isEqualTo(400);

    HttpResponse<String> status =
        HTTP.send(
            HttpRequest.newBuilder(url.resolve("/status")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(200);
    HttpResponse<String> getRoot =
        HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(getRoot.statusCode()).isEqualTo(405);
  }

  @Test
  void aGenesisOtherThanTheDeploymentsIsRefusedAndATemporaryDirectoryIsRemoved() throws Exception {
    List<Path> before = tempNodeDirs();
    assertThatThrownBy(
            () -> AztecNode.start(NodeConfig.loopback(Optional.empty(), 0), nodeL1(), List.of()))
        .isInstanceOf(GenesisMismatchException.class)
        .hasMessageContaining("archiveAt(0)")
        .hasMessageContaining("genesis options");
    assertThat(tempNodeDirs()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aNodeWithoutDataDirectoryRunsOnATemporaryOneRemovedAtStop() throws Exception {
    List<Path> before = tempNodeDirs();
    AztecNode n =
        AztecNode.start(
            NodeConfig.loopback(Optional.empty(), 0), nodeL1(), AztecNode.localNetworkPrefill());
    assertThat(tempNodeDirs()).hasSize(before.size() + 1);
    int port = n.rpcAddress().getPort();
    n.close();
    assertThat(tempNodeDirs()).containsExactlyInAnyOrderElementsOf(before);
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }

  private static List<Path> tempNodeDirs() throws IOException {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("quetzal-node-")).toList();
    }
  }
}
