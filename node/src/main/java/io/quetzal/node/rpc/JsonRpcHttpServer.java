package io.quetzal.node.rpc;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC transport on Vert.x 5 (Netty), as the official node's Koa stack serves it:
 *
 * <ul>
 *   <li>{@code POST /} to the {@link JsonRpcDispatcher}; any other method on {@code /} answers 405
 *       with {@code Allow: POST}; {@code GET /status} answers 200 {@code OK} when healthy, else
 *       500; other paths 404.
 *   <li>Request bodies may be {@code gzip} or {@code deflate} ({@code Content-Encoding}), as the
 *       official body parser inflates them; the size limit ({@code RPC_MAX_BODY_SIZE}, official
 *       default 1 MiB) applies to the inflated body and answers 413 with a JSON-RPC error.
 *   <li>Answers of at least 1024 bytes are compressed when the client accepts {@code gzip} or
 *       {@code deflate} (koa-compress's threshold; brotli is off there too).
 *   <li>CORS as {@code @koa/cors} with its defaults: the request's {@code Origin} is allowed, and a
 *       preflight {@code OPTIONS} answers 204.
 *   <li>Every answer carries the fixed headers given (the {@code x-aztec-*} ones).
 * </ul>
 *
 * <p>Why Vert.x and not the JDK's {@code HttpServer}: with wrk at 8 connections on the 2-core
 * machine the JDK server answered node_getL2Tips at 14.7–21.8k req/s, below the goal of 5× the
 * official node (8276 req/s, so 41.4k); see the package notes for the Vert.x figures. Quick methods
 * (memory, a few point reads of the memory-mapped store) run on the event loop; the others (e.g.
 * 100 leaves to look up) on a virtual thread each.
 */
public final class JsonRpcHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcHttpServer.class);

  /** koa-compress's default threshold. */
  static final int COMPRESSION_THRESHOLD = 1024;

  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private JsonRpcHttpServer(Vertx vertx, HttpServer server, ExecutorService executor, String host) {
    this.vertx = vertx;
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Binds and starts the server.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param headers added to every response
   * @param maxBodyBytes larger (inflated) request bodies are refused with 413
   */
  public static JsonRpcHttpServer start(
      InetSocketAddress address,
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes) {
    return start(address, dispatcher, headers, maxBodyBytes, () -> true);
  }

  /**
   * As {@link #start(InetSocketAddress, JsonRpcDispatcher, Map, long)}, with the health check
   * {@code GET /status} answers.
   */
  public static JsonRpcHttpServer start(
      InetSocketAddress address,
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes,
      BooleanSupplier healthy) {
    return start(address, dispatcher, headers, maxBodyBytes, healthy, () -> "");
  }

  /** As above, with {@code GET /metrics} answering {@code metrics} (the Prometheus text format). */
  public static JsonRpcHttpServer start(
      InetSocketAddress address,
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes,
      BooleanSupplier healthy,
      java.util.function.Supplier<String> metrics) {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(false));
    ExecutorService executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rpc-", 0).factory());
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(address.getHostString())
            .setPort(address.getPort())
            .setTcpNoDelay(true)
            .setReuseAddress(true)
            .setCompressionSupported(true)
            .setCompressionContentSizeThreshold(COMPRESSION_THRESHOLD)
            .addCompressor(StandardCompressionOptions.gzip())
            .addCompressor(StandardCompressionOptions.deflate())
            .setDecompressionSupported(true)
            // HTTP/1.1 only, as the official Node server (no h2c upgrade)
            .setHttp2ClearTextEnabled(false)
            .setMaxInitialLineLength(8192)
            .setMaxHeaderSize(16384);
    Map<String, String> fixed = new LinkedHashMap<>(headers);
    Handler h = new Handler(dispatcher, fixed, maxBodyBytes, healthy, metrics, executor);
    HttpServer server = vertx.createHttpServer(options).requestHandler(h::handle);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      executor.shutdownNow();
      vertx.close();
      Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (c instanceof BindException || c instanceof java.io.IOException) {
        throw new UncheckedIOException(
            "cannot listen on "
                + address
                + " for JSON-RPC (is the port in use? --port / AZTEC_PORT choose another)",
            c instanceof java.io.IOException io ? io : null);
      }
      throw new IllegalStateException("cannot listen on " + address + ": " + c.getMessage(), c);
    }
    return new JsonRpcHttpServer(vertx, server, executor, address.getHostString());
  }

  /** The bound address (with the actual port). */
  public InetSocketAddress address() {
    return new InetSocketAddress(host, server.actualPort());
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  private record Handler(
      JsonRpcDispatcher dispatcher,
      Map<String, String> headers,
      long maxBodyBytes,
      BooleanSupplier healthy,
      java.util.function.Supplier<String> metrics,
      ExecutorService executor) {

    void handle(HttpServerRequest req) {
      HttpServerResponse res = req.response();
      headers.forEach(res::putHeader);
      String origin = req.getHeader(HttpHeaders.ORIGIN);
      if (origin != null) {
        res.putHeader(HttpHeaders.VARY, "Origin");
        res.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      }
      String path = req.path();
      HttpMethod method = req.method();
      if (method == HttpMethod.OPTIONS && origin != null) {
        preflight(req, res);
        return;
      }
      if (path.equals("/metrics") && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
        String body;
        try {
          body = metrics.get();
        } catch (RuntimeException e) {
          body = "";
        }
        res.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.setStatusCode(200).end(body);
        return;
      }
      if (path.equals("/status")) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
          boolean ok;
          try {
            ok = healthy.getAsBoolean();
          } catch (RuntimeException e) {
            ok = false;
          }
          text(res, ok ? 200 : 500, ok ? "OK" : "Internal Server Error");
        } else {
          res.putHeader(HttpHeaders.ALLOW, "HEAD, GET");
          text(res, 405, "Method Not Allowed");
        }
        return;
      }
      if (!path.equals("/")) {
        text(res, 404, "Not Found");
        return;
      }
      if (method != HttpMethod.POST) {
        res.putHeader(HttpHeaders.ALLOW, "POST");
        text(res, 405, "Method Not Allowed");
        return;
      }
      String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
      String encoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
      if (length != null && (encoding == null || encoding.equalsIgnoreCase("identity"))) {
        try {
          if (Long.parseLong(length.trim()) > maxBodyBytes) {
            tooLarge(req, res);
            return;
          }
        } catch (NumberFormatException e) {
          json(res, JsonRpcDispatcher.badBody(400, "invalid Content-Length"));
          return;
        }
      }
      Buffer body = Buffer.buffer();
      boolean[] done = {false};
      req.handler(
          chunk -> {
            if (done[0]) {
              return;
            }
            if ((long) body.length() + chunk.length() > maxBodyBytes) {
              done[0] = true;
              tooLarge(req, res);
              return;
            }
            body.appendBuffer(chunk);
          });
      req.exceptionHandler(
          e -> {
            if (!done[0]) {
              done[0] = true;
              LOG.debug("cannot read a request body: {}", e.toString());
              if (!res.ended() && !res.headWritten()) {
                res.putHeader(HttpHeaders.CONNECTION, "close");
                json(res, JsonRpcDispatcher.badBody(400, "the request body cannot be read"));
              }
            }
          });
      req.endHandler(
          v -> {
            if (done[0]) {
              return;
            }
            done[0] = true;
            JsonRpcDispatcher.Request r = dispatcher.read(body.getBytes());
            if (dispatcher.quick(r)) {
              answer(res, r);
            } else {
              executor.execute(() -> answer(res, r));
            }
          });
    }

    private void answer(HttpServerResponse res, JsonRpcDispatcher.Request req) {
      JsonRpcDispatcher.Response r;
      try {
        r = dispatcher.answer(req);
      } catch (RuntimeException | StackOverflowError e) {
        LOG.warn("JSON-RPC request failed", e);
        r = JsonRpcDispatcher.badBody(400, "the request cannot be handled");
      }
      json(res, r);
    }

    private void tooLarge(HttpServerRequest req, HttpServerResponse res) {
      req.pause();
      res.putHeader(HttpHeaders.CONNECTION, "close");
      json(res, JsonRpcDispatcher.tooLarge(maxBodyBytes))
          .onComplete(ar -> req.connection().close());
    }

    private static void preflight(HttpServerRequest req, HttpServerResponse res) {
      res.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,POST,DELETE,PATCH");
      String h = req.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
      if (h != null) {
        res.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, h);
      }
      res.setStatusCode(204).end();
    }

    private static Future<Void> json(HttpServerResponse res, JsonRpcDispatcher.Response r) {
      if (res.ended()) {
        return Future.succeededFuture();
      }
      res.setStatusCode(r.status());
      res.putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
      return res.end(Buffer.buffer(r.body()));
    }

    private static void text(HttpServerResponse res, int status, String body) {
      res.setStatusCode(status);
      res.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
      res.end(body);
    }
  }

  /** Stops accepting, closes connections, frees the port. */
  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      LOG.debug("closing the JSON-RPC server: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.debug("closing the JSON-RPC server: {}", e.toString());
    }
    executor.shutdownNow();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      LOG.debug("closing Vert.x: {}", e.toString());
    }
  }
}
