package io.quetzal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.node.rpc.JsonRpcHttpServer;
import io.quetzal.testkit.Property;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 malformed bodies and parameters over HTTP against the node API over the reference chain
 * (world state at genesis, archiver store with the 9 reference checkpoints): every answer is
 * JSON-RPC (an envelope, or an array of them, with one of the official error codes), never an HTTP
 * 500, and never shows a stack trace or a Java class name.
 */
class RpcFuzzTest {
  static final Set<Integer> CODES = Set.of(-32600, -32601, -32700, -32701, -32702);
  static final List<String> VALUES =
      List.of(
          "0",
          "1",
          "-1",
          "4",
          "4.5",
          "1e308",
          "-0",
          "1e400",
          "12345678901234567890123",
          "\"latest\"",
          "\"4\"",
          "\"\"",
          "\"0x\"",
          "\"abc\"",
          "\"0x01\"",
          "\" 4\"",
          "\"1e3\"",
          "\"0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001\"",
          "\"0x0000000000000000000000000000000000000000000000000000000000000005\"",
          "\"0x2ff681dd7730c7b9e5650c70afa57ee81377792dfc95d98c11817b8c761ff965\"",
          "null",
          "true",
          "false",
          "[]",
          "{}",
          "[[]]",
          "{\"a\":1}",
          "[\"0x01\",\"zz\"]",
          "[1,2,3]",
          "{\"__proto__\":1}",
          "\"\\u0000\"",
          "\"é\"",
          "[" + "\"0x01\",".repeat(120) + "\"0x01\"]",
          // the archiver-backed methods: limits, epochs, filters, real hashes of the chain
          "50",
          "51",
          "0.5",
          "4294967296",
          "-4294967297",
          "9007199254740993",
          "{\"fromBlock\":1,\"toBlock\":10}",
          "{\"fromBlock\":-5,\"toBlock\":1e30}",
          "{\"fromBlock\":\"x\",\"tag\":\"zz\"}",
          "{\"txHash\":\"0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3\"}",
          "{\"afterLog\":{\"blockNumber\":1,\"blockHash\":\"0x01\",\"txHash\":\"0x02\","
              + "\"txIndex\":-7,\"logIndex\":2147483647}}",
          "{\"afterLog\":{\"blockNumber\":1e300,\"txIndex\":1}}",
          "{\"contractAddress\":\"0x01\"}",
          "\"0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3\"",
          "\"0x0df8f35c96287a790534c08cc9798b6ac4d1f7ae6956a786ee9de69fa69c171f\"",
          "\"0x0000000000000000000000000000000000000000000000000000000000000001\"",
          "[\"f(Field)\",1]",
          "[\"" + "x".repeat(10_001) + "\"]");

  @TempDir Path tmp;

  static String pick(SplittableRandom r, List<String> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  static String body(SplittableRandom r, List<String> methods) {
    int kind = r.nextInt(10);
    return switch (kind) {
      case 0 -> new String(Property.bytes(r, r.nextInt(64)), StandardCharsets.ISO_8859_1);
      case 1 -> Property.text(r, 0, 40);
      case 2 -> {
        String ok = request(r, methods);
        yield ok.substring(0, r.nextInt(ok.length() + 1));
      }
      case 3 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = r.nextInt(5); i > 0; i--) {
          b.append(request(r, methods)).append(i > 1 ? "," : "");
        }
        yield b.append("]").toString();
      }
      case 4 -> pick(r, VALUES);
      case 5 -> {
        // mutate one character of a valid request
        char[] c = request(r, methods).toCharArray();
        c[r.nextInt(c.length)] = "{}[]\",:0x \\".charAt(r.nextInt(11));
        yield new String(c);
      }
      case 6 ->
          "{\"jsonrpc\":"
              + pick(r, VALUES)
              + ",\"id\":"
              + pick(r, VALUES)
              + ",\"method\":"
              + pick(r, VALUES)
              + ",\"params\":"
              + pick(r, VALUES)
              + "}";
      case 7 -> "[".repeat(r.nextInt(2000)) + "]".repeat(r.nextInt(2000));
      default -> request(r, methods);
    };
  }

  static String request(SplittableRandom r, List<String> methods) {
    StringBuilder p = new StringBuilder("[");
    for (int i = r.nextInt(5); i > 0; i--) {
      p.append(pick(r, VALUES)).append(i > 1 ? "," : "");
    }
    p.append("]");
    String m = pick(r, methods);
    if (r.nextInt(10) == 0) {
      m = m + "_" + Property.text(r, 0, 5);
    }
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + r.nextInt(1000)
        + ",\"method\":"
        + jsonString(m)
        + ",\"params\":"
        + p
        + "}";
  }

  static String jsonString(String s) {
    return JsonNodeText.quote(s);
  }

  /** Minimal JSON string quoting. */
  static final class JsonNodeText {
    static String quote(String s) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
  }

  static void checkEnvelope(JsonNode n) {
    assertThat(n.isObject()).as("an envelope: " + n).isTrue();
    if (n.has("error")) {
      assertThat(CODES).contains(n.path("error").path("code").asInt());
      assertThat(n.path("error").path("message").isTextual()).isTrue();
    }
  }

  @Test
  void tenThousandMalformedRequestsGetJsonRpcErrors() throws Exception {
    // the reference chain serves every method of the genesis API plus the archiver-backed ones
    try (ReferenceChainApi g = new ReferenceChainApi(tmp.resolve("ws"))) {
      List<String> methods = new ArrayList<>(g.methods.keySet());
      methods.addAll(
          List.of("node_getBlock", "node_sendTx", "node_", "_x", "nope", "", "node_getL2Tips_x"));
      JsonRpcHttpServer server =
          JsonRpcHttpServer.start(
              new InetSocketAddress("127.0.0.1", 0),
              g.dispatcher,
              Map.of("x-aztec-packageVersion", "4.1.2"),
              1 << 20);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
      try {
        Property.forAll(
            "malformed JSON-RPC over HTTP",
            10_000,
            r -> body(r, methods),
            b -> {
              HttpResponse<String> res;
              try {
                res =
                    http.send(
                        HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(20))
                            .POST(
                                HttpRequest.BodyPublishers.ofString(b, StandardCharsets.ISO_8859_1))
                            .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              String text = res.body();
              assertThat(res.statusCode()).isIn(200, 400, 413);
              assertThat(text)
                  .doesNotContain("Exception")
                  .doesNotContain("java.")
                  .doesNotContain("io.quetzal")
                  .doesNotContain("\tat ")
                  .doesNotContain("jackson");
              JsonNode n;
              try {
                n = GenesisApi.MAPPER.readTree(text);
              } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
              }
              if (n.isArray()) {
                assertThat(res.statusCode()).isEqualTo(200);
                n.forEach(RpcFuzzTest::checkEnvelope);
              } else {
                checkEnvelope(n);
                assertThat(n.has("error")).isEqualTo(res.statusCode() != 200);
              }
            });
      } finally {
        server.close();
      }
    }
  }
}
