package io.quetzal.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted JSON-RPC host on 127.0.0.1: each request takes the next scripted reply (the last one
 * repeats). Records the requests it saw.
 */
final class StubRpcServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A reply to a request. */
  record Reply(int status, Map<String, String> headers, Function<JsonNode, String> body) {
    static Reply result(String resultJson) {
      return new Reply(
          200,
          Map.of(),
          req ->
              "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + resultJson + "}");
    }

    static Reply error(long code, String message, String data) {
      return new Reply(
          200,
          Map.of(),
          req ->
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + req.get("id")
                  + ",\"error\":{\"code\":"
                  + code
                  + ",\"message\":\""
                  + message
                  + "\""
                  + (data == null ? "" : ",\"data\":\"" + data + "\"")
                  + "}}");
    }

    static Reply raw(int status, String body) {
      return new Reply(status, Map.of(), req -> body);
    }

    static Reply tooManyRequests(String retryAfter) {
      return new Reply(
          429,
          retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
          req -> "rate limited");
    }
  }

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private Reply last = Reply.result("\"0x1\"");

  StubRpcServer(Reply... replies) throws IOException {
    script.addAll(List.of(replies));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  synchronized int hits() {
    return requests.size();
  }

  synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    JsonNode req = MAPPER.readTree(ex.getRequestBody().readAllBytes());
    Reply r;
    synchronized (this) {
      requests.add(req);
      r = script.isEmpty() ? last : script.pollFirst();
      last = r;
    }
    byte[] body = r.body().apply(req).getBytes(StandardCharsets.UTF_8);
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
