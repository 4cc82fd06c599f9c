package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A JSON-RPC host on 127.0.0.1 answering by method: handler(params) → result (null = null). */
final class JsonRpcStub implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Function<JsonNode, JsonNode>> handlers = new ConcurrentHashMap<>();

  JsonRpcStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        ex -> {
          JsonNode req = ArchiveFixtures.MAPPER.readTree(ex.getRequestBody().readAllBytes());
          ObjectNode res = JsonNodeFactory.instance.objectNode();
          res.put("jsonrpc", "2.0");
          res.set("id", req.get("id"));
          Function<JsonNode, JsonNode> h = handlers.get(req.path("method").asText());
          if (h == null) {
            ObjectNode err = res.putObject("error");
            err.put("code", -32601);
            err.put("message", "method not found");
          } else {
            JsonNode r = h.apply(req.path("params"));
            res.set("result", r == null ? JsonNodeFactory.instance.nullNode() : r);
          }
          byte[] body = res.toString().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  JsonRpcStub on(String method, Function<JsonNode, JsonNode> handler) {
    handlers.put(method, handler);
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  L1RpcClient client() {
    return new L1RpcClient(
        L1RpcConfig.of(List.of(url()))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
