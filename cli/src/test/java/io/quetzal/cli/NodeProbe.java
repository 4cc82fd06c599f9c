package io.quetzal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What the tests that run a node in a child JVM ask it: JSON-RPC calls and HTTP GETs on its port
 * (one shared client, so tight polling stays cheap), and free local ports to give it.
 */
final class NodeProbe {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private NodeProbe() {}

  /**
   * {@code method} with JSON {@code params} on {@code 127.0.0.1:port}; empty when the node does not
   * answer (not listening yet, killed) or answers with an HTTP error or without a result.
   */
  static Optional<JsonNode> tryCall(int port, String method, String params)
      throws InterruptedException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .timeout(Duration.ofSeconds(5))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                              + method
                              + "\",\"params\":"
                              + params
                              + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.ofNullable(MAPPER.readTree(r.body()).get("result"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@link #tryCall} without parameters. */
  static Optional<JsonNode> tryCall(int port, String method) throws InterruptedException {
    return tryCall(port, method, "[]");
  }

  /** {@link #tryCall}, which must answer. */
  static JsonNode call(int port, String method, String params) throws InterruptedException {
    return tryCall(port, method, params).orElseThrow();
  }

  /** {@link #call} without parameters. */
  static JsonNode call(int port, String method) throws InterruptedException {
    return call(port, method, "[]");
  }

  /** The body of {@code GET path} on {@code 127.0.0.1:port}. */
  static String get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * {@code quetzal <args>} in a child JVM on this test's class path, as {@code ./quetzal} runs it
   * (512 MiB heap), with stdout and stderr to {@code log}; the caller adjusts the environment.
   */
  static ProcessBuilder quetzal(java.nio.file.Path log, String... args) {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.quetzal.cli.Main"));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
  }

  /** A loopback port free now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether nothing listens on loopback {@code port}. */
  static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
