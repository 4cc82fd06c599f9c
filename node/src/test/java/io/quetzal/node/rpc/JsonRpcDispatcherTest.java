package io.quetzal.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quetzal.testkit.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON-RPC envelope, batches and errors, without a socket (reference-node.md §3). */
class JsonRpcDispatcherTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final JsonRpcDispatcher dispatcher =
      new JsonRpcDispatcher(
          Map.of(
              "node_getBlockNumber", p -> F.numberNode(7),
              "node_echo", p -> p,
              "node_notFound", p -> null,
              "node_fails",
                  p -> {
                    throw new JsonRpcException(JsonRpcException.INTERNAL, "Invalid tx: nope");
                  },
              "node_bug",
                  p -> {
                    throw new IllegalStateException("boom");
                  }),
          3);

  private record Answer(int status, JsonNode body) {}

  private Answer call(String body) {
    JsonRpcDispatcher.Response r = dispatcher.handle(body.getBytes(StandardCharsets.UTF_8));
    try {
      return new Answer(r.status(), MAPPER.readTree(r.body()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSingleRequestGetsTheEnvelopeWithItsId() throws Exception {
    Answer a =
        call("{\"jsonrpc\":\"2.0\",\"id\":67,\"method\":\"node_getBlockNumber\",\"params\":[]}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":67,\"result\":7}"));
  }

  @Test
  void stringIdsAndMissingParamsAreFine() throws Exception {
    Answer a = call("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"node_echo\"}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body())
        .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"result\":[]}"));
  }

  @Test
  void paramsArePositional() throws Exception {
    Answer a = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_echo\",\"params\":[4,\"x\"]}");
    assertThat(a.body().get("result")).isEqualTo(MAPPER.readTree("[4,\"x\"]"));
  }

  @Test
  void notFoundHasNoResultKey() throws Exception {
    Answer a = call("{\"jsonrpc\":\"2.0\",\"id\":67,\"method\":\"node_notFound\",\"params\":[]}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":67}"));
  }

  @Test
  void anUnknownMethodIs32601WithHttp400() throws Exception {
    Answer a =
        call(
            "{\"jsonrpc\":\"2.0\",\"id\":67,\"method\":\"node_getArchiveSiblingPath\",\"params\":[\"4\",\"4\"]}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            MAPPER.readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":67,\"error\":{\"code\":-32601,"
                    + "\"message\":\"Method not found: node_getArchiveSiblingPath\"}}"));
  }

  @Test
  void invalidJsonIsAParseError() {
    Answer a = call("{\"jsonrpc\":");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(a.body().get("id").isNull()).isTrue();
    // co-body reads an empty body as {}: a request without a method
    assertThat(call("").body().path("error").path("code").asInt()).isEqualTo(-32600);
    // strict mode: only an object or an array
    Answer scalar = call("42");
    assertThat(scalar.status()).isEqualTo(400);
    assertThat(scalar.body().path("error").path("message").asText())
        .isEqualTo("Parse error: invalid JSON, only supports object and array");
  }

  @Test
  void handlerErrorsAre32702AndKeepTheirMessage() {
    Answer a = call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"node_fails\"}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("code").asInt()).isEqualTo(-32702);
    assertThat(a.body().path("error").path("message").asText()).isEqualTo("Invalid tx: nope");
    Answer b = call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"node_bug\"}");
    assertThat(b.status()).isEqualTo(400);
    assertThat(b.body().path("error").path("code").asInt()).isEqualTo(-32702);
    // an unexpected failure never shows its Java message or class
    assertThat(b.body().path("error").path("message").asText())
        .isEqualTo("Error executing request");
  }

  @Test
  void malformedRequestsAndParamsAreRejected() {
    assertThat(call("{\"id\":1}").body().path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(call("{\"id\":1}").body().path("error").path("message").asText())
        .isEqualTo("Invalid request");
    Answer named =
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_echo\",\"params\":{\"a\":1}}");
    assertThat(named.status()).isEqualTo(400);
    // the official proxy's assertion, naming the method without its namespace
    assertThat(named.body().path("error").path("code").asInt()).isEqualTo(-32702);
    assertThat(named.body().path("error").path("message").asText())
        .isEqualTo("Params to echo is not an array: [object Object]");
  }

  @Test
  void aBatchOfOneIsAnArrayOfOne() throws Exception {
    // The official client always sends a batch.
    Answer a =
        call("[{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"node_getBlockNumber\",\"params\":[]}]");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body())
        .isEqualTo(MAPPER.readTree("[{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":7}]"));
  }

  @Test
  void aBatchAnswersInOrderAndIs200EvenWhenSomeFail() {
    Answer a =
        call(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_getBlockNumber\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"node_nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"node_notFound\"}]");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).hasSize(3);
    assertThat(a.body().get(0).path("result").asInt()).isEqualTo(7);
    assertThat(a.body().get(1).path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(a.body().get(2).has("result")).isFalse();
    assertThat(a.body().get(2).path("id").asInt()).isEqualTo(3);
  }

  @Test
  void emptyAndOversizedBatchesAreInvalid() {
    assertThat(call("[]").body().path("error").path("code").asInt()).isEqualTo(-32600);
    StringBuilder four = new StringBuilder("[");
    for (int i = 1; i <= 4; i++) {
      four.append(i > 1 ? "," : "")
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"node_echo\"}");
    }
    four.append(']');
    Answer a = call(four.toString());
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void everyBatchEchoesItsIdsAndParamsInOrder() {
    Property.forAll(
        "batch echoes ids and params",
        200,
        r -> {
          int n = 1 + r.nextInt(3);
          List<JsonNode> reqs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            var o = F.objectNode();
            o.put("jsonrpc", "2.0");
            if (r.nextBoolean()) {
              o.put("id", r.nextLong());
            } else {
              o.put("id", Property.text(r, 0, 12));
            }
            o.put("method", "node_echo");
            var ps = o.putArray("params");
            for (int k = r.nextInt(4); k > 0; k--) {
              ps.add(
                  r.nextBoolean() ? F.numberNode(r.nextInt()) : F.textNode(Property.text(r, 0, 8)));
            }
            reqs.add(o);
          }
          return reqs;
        },
        reqs -> {
          Answer a = call(F.arrayNode().addAll(reqs).toString());
          assertThat(a.status()).isEqualTo(200);
          assertThat(a.body()).hasSize(reqs.size());
          for (int i = 0; i < reqs.size(); i++) {
            assertThat(a.body().get(i).get("id")).isEqualTo(reqs.get(i).get("id"));
            assertThat(a.body().get(i).get("result")).isEqualTo(reqs.get(i).get("params"));
          }
        });
  }
}
