package io.quetzal.node.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC transport on the JDK's {@code com.sun.net.httpserver} (no dependencies; a faster
 * server is a later issue): {@code POST /} to the {@link JsonRpcDispatcher}, {@code GET /status}
 * 200, any other method on {@code /} 405, unknown paths 404. Every answer carries the fixed headers
 * given (the {@code x-aztec-*} ones). One virtual thread per exchange.
 */
public final class JsonRpcHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final JsonRpcDispatcher dispatcher;
  private final Map<String, String> headers;
  private final long maxBodyBytes;

  private JsonRpcHttpServer(
      HttpServer server,
      ExecutorService executor,
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes) {
    this.server = server;
    this.executor = executor;
    this.dispatcher = dispatcher;
    this.headers = headers;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Binds and starts the server.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param headers added to every response
   * @param maxBodyBytes larger request bodies are refused with 413
   */
  public static JsonRpcHttpServer start(
      InetSocketAddress address,
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes) {
    // Small JSON answers must not wait for Nagle; the JDK server reads this once, at class init.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer s;
    try {
      s = HttpServer.create(address, 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
    JsonRpcHttpServer server =
        new JsonRpcHttpServer(s, ex, dispatcher, new LinkedHashMap<>(headers), maxBodyBytes);
    s.createContext("/", server::exchange);
    s.setExecutor(ex);
    s.start();
    return server;
  }

  /** The bound address (with the actual port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void exchange(HttpExchange x) throws IOException {
    try (x) {
      headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
      String path = x.getRequestURI().getPath();
      String method = x.getRequestMethod();
      if (path.equals("/status")) {
        send(x, method.equals("GET") || method.equals("HEAD") ? 200 : 405, "OK", "text/plain");
        return;
      }
      if (!path.equals("/")) {
        send(x, 404, "Not Found", "text/plain");
        return;
      }
      if (!method.equals("POST")) {
        x.getResponseHeaders().set("Allow", "POST");
        send(x, 405, "Method Not Allowed", "text/plain");
        return;
      }
      byte[] body = readBody(x.getRequestBody());
      if (body == null) {
        send(x, 413, "Payload Too Large", "text/plain");
        return;
      }
      JsonRpcDispatcher.Response r = dispatcher.handle(body);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(r.status(), r.body().length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(r.body());
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("JSON-RPC exchange failed: {}", e.toString());
      throw e;
    }
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    return b.length > maxBodyBytes ? null : b;
  }

  private static void send(HttpExchange x, int status, String text, String type)
      throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    x.sendResponseHeaders(status, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  /** Stops accepting, lets running exchanges finish (at most one second), frees the port. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
