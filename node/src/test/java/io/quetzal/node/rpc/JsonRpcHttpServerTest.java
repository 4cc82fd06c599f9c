package io.quetzal.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side of the transport: routes, headers, compression, limits, CORS. */
class JsonRpcHttpServerTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static JsonRpcHttpServer server;
  static URI url;

  @BeforeAll
  static void start() {
    String big = "x".repeat(5000);
    JsonRpcDispatcher d =
        new JsonRpcDispatcher(
            Map.of(
                "node_getBlockNumber",
                JsonRpcMethod.quick(p -> F.numberNode(7)),
                "node_big",
                p -> F.textNode(big)),
            Map.of("node_getBlock", "not available in this build yet: needs the archiver"),
            100);
    server =
        JsonRpcHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            d,
            Map.of("x-aztec-packageVersion", "4.1.2", "x-aztec-l2CircuitsVkTreeRoot", "0x01"),
            4096,
            () -> true,
            () -> "# TYPE quetzal_test gauge\nquetzal_test 7\n");
    url = URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(
        b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpRequest.Builder post(byte[] body) {
    return HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] b) throws IOException {
    try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return g.readAllBytes();
    }
  }

  @Test
  void singleAndBatchWithTheAztecHeaders() throws Exception {
    var r =
        send(
            post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_getBlockNumber\"}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-aztec-packageVersion")).hasValue("4.1.2");
    assertThat(r.headers().firstValue("x-aztec-l2CircuitsVkTreeRoot")).hasValue("0x01");
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
    assertThat(MAPPER.readTree(r.body()).path("result").asInt()).isEqualTo(7);
    var b =
        send(
            post(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_getBlockNumber\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"node_getBlock\",\"params\":[1]}]"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(b.statusCode()).isEqualTo(200);
    JsonNode arr = MAPPER.readTree(b.body());
    assertThat(arr.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(arr.get(1).path("error").path("message").asText())
        .isEqualTo(
            "Method not found: node_getBlock (not available in this build yet: needs the archiver)");
    var e =
        send(
            post(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"node_x\"}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.headers().firstValue("x-aztec-packageVersion")).hasValue("4.1.2");
  }

  @Test
  void compressionBothWays() throws Exception {
    byte[] req =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_big\"}".getBytes(StandardCharsets.UTF_8);
    var plain = send(post(req));
    assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
    var zipped = send(post(req).header("Accept-Encoding", "gzip"));
    assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
    // small answers are not compressed (koa-compress's 1 KiB threshold)
    var small =
        send(
            post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_getBlockNumber\"}"
                    .getBytes(StandardCharsets.UTF_8))
                .header("Accept-Encoding", "gzip"));
    assertThat(small.headers().firstValue("content-encoding")).isEmpty();
    // a gzip request body is inflated
    var in = send(post(gzip(req)).header("Content-Encoding", "gzip"));
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(in.body()).isEqualTo(plain.body());
    // a broken gzip body is a JSON-RPC error, not a 500
    var broken =
        send(post(new byte[] {31, -117, 8, 0, 1, 2, 3}).header("Content-Encoding", "gzip"));
    assertThat(broken.statusCode()).isEqualTo(400);
    // (a truncated stream inflates to nothing: an empty body, which has no method)
    assertThat(MAPPER.readTree(broken.body()).path("error").path("code").asInt())
        .isIn(-32700, -32600);
  }

  @Test
  void bodyLimitAppliesToTheInflatedBody() throws Exception {
    byte[] huge =
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_getBlockNumber\",\"params\":[\""
                + "a".repeat(5000)
                + "\"]}")
            .getBytes(StandardCharsets.UTF_8);
    var r = send(post(huge));
    assertThat(r.statusCode()).isEqualTo(413);
    JsonNode e = MAPPER.readTree(r.body());
    assertThat(e.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(e.path("error").path("message").asText())
        .contains("4096")
        .contains("RPC_MAX_BODY_SIZE");
    var z = send(post(gzip(huge)).header("Content-Encoding", "gzip"));
    assertThat(z.statusCode()).isEqualTo(413);
  }

  @Test
  void routesStatusAndCors() throws Exception {
    var metrics = send(HttpRequest.newBuilder(URI.create(url + "metrics")).GET());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
    assertThat(new String(metrics.body(), StandardCharsets.UTF_8)).contains("quetzal_test 7\n");
    var status = send(HttpRequest.newBuilder(URI.create(url + "status")).GET());
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(new String(status.body(), StandardCharsets.UTF_8)).isEqualTo("OK");
    assertThat(status.headers().firstValue("x-aztec-packageVersion")).hasValue("4.1.2");
    var get = send(HttpRequest.newBuilder(url).GET());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("allow")).hasValue("POST");
    var other = send(HttpRequest.newBuilder(URI.create(url + "nope")).GET());
    assertThat(other.statusCode()).isEqualTo(404);
    var pre =
        send(
            HttpRequest.newBuilder(url)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
    assertThat(pre.statusCode()).isEqualTo(204);
    assertThat(pre.headers().firstValue("access-control-allow-origin"))
        .hasValue("http://example.org");
    assertThat(pre.headers().firstValue("access-control-allow-headers")).hasValue("content-type");
  }
}
