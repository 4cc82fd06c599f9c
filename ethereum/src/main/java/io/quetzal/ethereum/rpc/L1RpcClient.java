package io.quetzal.ethereum.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 client for L1 over HTTP ({@link java.net.http.HttpClient}), with failover across the
 * {@code ETHEREUM_HOSTS} list, per-request timeouts, retries with exponential back-off and HTTP 429
 * handling ({@code Retry-After}). The policy is described on {@link L1RpcConfig}.
 *
 * <p>What counts as a host failure (try the next host, then back off): connection errors, timeouts,
 * HTTP errors without a JSON-RPC error body, HTTP 429 and the JSON-RPC "limit exceeded" code
 * -32005, and malformed answers (not JSON, not a JSON-RPC response, wrong id). A JSON-RPC error
 * object is an answer, thrown at once as {@link JsonRpcErrorException}.
 *
 * <p>Thread-safe; calls block (meant for virtual threads). The client remembers the last host that
 * answered and starts there next time.
 */
public final class L1RpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(L1RpcClient.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long LIMIT_EXCEEDED = -32005;
  private static final int SNIPPET = 120;

  private final L1RpcConfig config;
  private final HttpClient http;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final AtomicInteger preferred = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicReferenceArray<Instant> restUntil;

  /** A client on the system clock with real sleeps. */
  public L1RpcClient(L1RpcConfig config) {
    this(config, InstantSource.system(), Sleeper.SYSTEM);
  }

  /** A client with an injected clock and sleeper (tests use a manual clock). */
  public L1RpcClient(L1RpcConfig config, InstantSource clock, Sleeper sleeper) {
    this.config = config;
    this.clock = clock;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.restUntil = new AtomicReferenceArray<>(config.urls().size());
  }

  /** The configuration. */
  public L1RpcConfig config() {
    return config;
  }

  /** The hosts, redacted for display. */
  public List<String> hostsForDisplay() {
    return config.urls().stream().map(L1RpcConfig::redact).toList();
  }

  /**
   * Calls {@code method} with positional {@code params} (strings, numbers, booleans, lists, maps,
   * {@link JsonNode}s or {@link EthAddress}es) and returns the {@code result} (a {@code NullNode}
   * for a JSON {@code null}).
   */
  public JsonNode call(String method, Object... params) {
    return execute(method, toParams(params), -1);
  }

  /** Like {@link #call} but on one host only (index into the host list), still with retries. */
  public JsonNode callOn(int hostIndex, String method, Object... params) {
    if (hostIndex < 0 || hostIndex >= config.urls().size()) {
      throw new IndexOutOfBoundsException("host index " + hostIndex);
    }
    return execute(method, toParams(params), hostIndex);
  }

  /** {@code eth_chainId}. */
  public long chainId() {
    return quantityLong(call("eth_chainId"));
  }

  /**
   * Checks that every reachable host is on chain {@code expected}. Hosts that do not answer are
   * logged and skipped, but at least one must answer.
   *
   * @throws ChainIdMismatchException when a host is on another chain
   * @throws L1RpcException when no host answers
   */
  public void verifyChainId(long expected) {
    List<String> unreachable = new ArrayList<>();
    boolean answered = false;
    for (int h = 0; h < config.urls().size(); h++) {
      String host = L1RpcConfig.redact(config.urls().get(h));
      long actual;
      try {
        actual = quantityLong(callOn(h, "eth_chainId"));
      } catch (ChainIdMismatchException e) {
        throw e;
      } catch (L1RpcException e) {
        unreachable.add(e.getMessage());
        continue;
      }
      if (actual != expected) {
        throw new ChainIdMismatchException(host, expected, actual);
      }
      answered = true;
    }
    if (!answered) {
      throw new L1RpcException(
          "cannot check the L1 chain id: no L1 host answered eth_chainId; "
              + String.join("; ", unreachable));
    }
    for (String u : unreachable) {
      LOG.warn("L1 host skipped in the chain id check: {}", u);
    }
  }

  // ---- eth_* helpers

  /** {@code eth_call} at {@code latest}; returns the 0x-hex return data. */
  public String ethCall(EthAddress to, String data) {
    return ethCall(to, data, "latest");
  }

  /** {@code eth_call} at a block tag or 0x-number. */
  public String ethCall(EthAddress to, String data, String block) {
    ObjectNode tx = JsonNodeFactory.instance.objectNode();
    tx.put("to", to.toString());
    tx.put("data", data);
    return call("eth_call", tx, block).asText();
  }

  /** {@code eth_getCode} at {@code latest}. */
  public String getCode(EthAddress address) {
    return call("eth_getCode", address, "latest").asText();
  }

  /** {@code eth_getStorageAt} at {@code latest}, as a 32-byte 0x-hex word. */
  public String getStorageAt(EthAddress address, BigInteger slot) {
    return call("eth_getStorageAt", address, "0x" + slot.toString(16), "latest").asText();
  }

  /** {@code eth_blockNumber}. */
  public long blockNumber() {
    return quantityLong(call("eth_blockNumber"));
  }

  /** {@code eth_getBlockByNumber(tag, false)}; empty when the block does not exist. */
  public Optional<JsonNode> getBlock(String tag) {
    JsonNode b = call("eth_getBlockByNumber", tag, false);
    return b.isNull() ? Optional.empty() : Optional.of(b);
  }

  /** The timestamp of the latest block. */
  public long latestBlockTimestamp() {
    return quantityLong(
        getBlock("latest")
            .orElseThrow(() -> new L1RpcException("L1 has no latest block"))
            .get("timestamp"));
  }

  /** {@code eth_getBalance} at {@code latest}, in wei. */
  public BigInteger getBalance(EthAddress address) {
    return quantity(call("eth_getBalance", address, "latest"));
  }

  /** {@code eth_getTransactionCount} at a block tag. */
  public long getTransactionCount(EthAddress address, String block) {
    return quantityLong(call("eth_getTransactionCount", address, block));
  }

  /** {@code eth_sendRawTransaction}; returns the tx hash. */
  public String sendRawTransaction(String signedTxHex) {
    return call("eth_sendRawTransaction", signedTxHex).asText();
  }

  /** {@code eth_getTransactionReceipt}; empty while the tx is not mined. */
  public Optional<JsonNode> getTransactionReceipt(String txHash) {
    JsonNode r = call("eth_getTransactionReceipt", txHash);
    return r.isNull() ? Optional.empty() : Optional.of(r);
  }

  /** A JSON-RPC quantity ({@code "0x1a"}) as a BigInteger. */
  public static BigInteger quantity(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new L1RpcException("expected a hex quantity, got " + node);
    }
    String s = node.asText();
    if (!s.startsWith("0x") || s.length() < 3) {
      throw new L1RpcException("expected a hex quantity, got " + snippet(s));
    }
    try {
      return new BigInteger(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new L1RpcException("expected a hex quantity, got " + snippet(s), e);
    }
  }

  /** A JSON-RPC quantity as a long. */
  public static long quantityLong(JsonNode node) {
    return quantity(node).longValueExact();
  }

  @Override
  public void close() {
    http.close();
  }

  // ---- the retry loop

  private JsonNode execute(String method, ArrayNode params, int onlyHost) {
    int hosts = config.urls().size();
    int count = onlyHost >= 0 ? 1 : hosts;
    int start = onlyHost >= 0 ? onlyHost : Math.floorMod(preferred.get(), hosts);
    String[] lastFailure = new String[hosts];
    for (int round = 1; round <= config.maxRounds(); round++) {
      Instant earliestRest = null;
      boolean allResting = true;
      for (int k = 0; k < count; k++) {
        int h = (start + k) % hosts;
        Instant rest = restUntil.get(h);
        Instant now = clock.instant();
        if (rest != null && now.isBefore(rest)) {
          if (lastFailure[h] == null) {
            lastFailure[h] = "rate-limited earlier, resting until " + rest;
          }
          earliestRest = earliestRest == null || rest.isBefore(earliestRest) ? rest : earliestRest;
          continue;
        }
        allResting = false;
        long id = ids.incrementAndGet();
        Outcome outcome = attempt(h, method, params, id);
        switch (outcome) {
          case Outcome.Answer a -> {
            restUntil.set(h, null);
            if (onlyHost < 0) {
              preferred.set(h);
            }
            return a.result();
          }
          case Outcome.RpcError e -> throw e.error();
          case Outcome.Failure f -> {
            lastFailure[h] = f.reason();
            String host = L1RpcConfig.redact(config.urls().get(h));
            LOG.debug("L1 {} on {} failed (round {}): {}", method, host, round, f.reason());
            if (f.rateLimited()) {
              Duration restFor =
                  f.retryAfter() != null
                      ? min(f.retryAfter(), config.maxRetryAfter())
                      : backoff(round);
              Instant until = clock.instant().plus(restFor);
              restUntil.set(h, until);
              earliestRest =
                  earliestRest == null || until.isBefore(earliestRest) ? until : earliestRest;
            }
          }
        }
      }
      if (round == config.maxRounds()) {
        break;
      }
      Duration wait = backoff(round);
      if (earliestRest != null && (allResting || everyHostResting(start, count))) {
        Duration untilRest = Duration.between(clock.instant(), earliestRest);
        wait = max(wait, min(untilRest, config.maxRetryAfter()));
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new L1RpcException("interrupted while waiting to retry L1 " + method, e);
      }
    }
    StringBuilder why = new StringBuilder();
    for (int k = 0; k < count; k++) {
      int h = (start + k) % hosts;
      if (!why.isEmpty()) {
        why.append("; ");
      }
      why.append(L1RpcConfig.redact(config.urls().get(h)))
          .append(": ")
          .append(lastFailure[h] == null ? "not tried" : lastFailure[h]);
    }
    throw new L1RpcException(
        "L1 JSON-RPC "
            + method
            + " failed on "
            + (count == 1 ? "its host" : "all " + count + " hosts")
            + " after "
            + config.maxRounds()
            + (config.maxRounds() == 1 ? " round: " : " rounds: ")
            + why);
  }

  private boolean everyHostResting(int start, int count) {
    Instant now = clock.instant();
    for (int k = 0; k < count; k++) {
      Instant rest = restUntil.get((start + k) % config.urls().size());
      if (rest == null || !now.isBefore(rest)) {
        return false;
      }
    }
    return true;
  }

  private Duration backoff(int round) {
    Duration d = config.initialBackoff();
    for (int i = 1; i < round && d.compareTo(config.maxBackoff()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return min(d, config.maxBackoff());
  }

  private sealed interface Outcome {
    record Answer(JsonNode result) implements Outcome {}

    record RpcError(JsonRpcErrorException error) implements Outcome {}

    record Failure(String reason, boolean rateLimited, Duration retryAfter) implements Outcome {
      static Failure of(String reason) {
        return new Failure(reason, false, null);
      }
    }
  }

  private Outcome attempt(int host, String method, ArrayNode params, long id) {
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", id);
    req.put("method", method);
    req.set("params", params);
    byte[] body;
    try {
      body = MAPPER.writeValueAsBytes(req);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode params of " + method, e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(config.urls().get(host))
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return Outcome.Failure.of("timed out after " + config.requestTimeout().toMillis() + " ms");
    } catch (ConnectException e) {
      return Outcome.Failure.of("connection failed (" + describe(e) + ")");
    } catch (IOException e) {
      return Outcome.Failure.of("I/O error (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L1RpcException("interrupted during L1 " + method, e);
    }
    int status = response.statusCode();
    if (status == 429) {
      Duration retryAfter =
          response.headers().firstValue("Retry-After").map(this::parseRetryAfter).orElse(null);
      return new Outcome.Failure(
          "rate-limited (HTTP 429"
              + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s")
              + ")",
          true,
          retryAfter);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      return Outcome.Failure.of(
          (status / 100 == 2 ? "malformed JSON-RPC response" : "HTTP " + status)
              + " (HTTP "
              + status
              + ", body "
              + (text.isBlank() ? "empty" : "'" + snippet(text) + "'")
              + ")");
    }
    JsonNode error = json.get("error");
    if (error != null && !error.isNull()) {
      if (!error.isObject() || !error.path("code").canConvertToLong()) {
        return Outcome.Failure.of(
            "malformed JSON-RPC error object (HTTP " + status + ": '" + snippet(text) + "')");
      }
      long code = error.get("code").asLong();
      String message = error.path("message").asText("");
      JsonNode data = error.get("data");
      if (code == LIMIT_EXCEEDED) {
        return new Outcome.Failure("limit exceeded (" + snippet(message) + ")", true, null);
      }
      return new Outcome.RpcError(
          new JsonRpcErrorException(
              method, code, message, data != null && data.isTextual() ? data.asText() : null));
    }
    if (status / 100 != 2) {
      return Outcome.Failure.of("HTTP " + status + " ('" + snippet(text) + "')");
    }
    if (!json.has("result")) {
      return Outcome.Failure.of(
          "malformed JSON-RPC response: neither result nor error ('" + snippet(text) + "')");
    }
    JsonNode answerId = json.get("id");
    if (answerId == null || !answerId.canConvertToLong() || answerId.asLong() != id) {
      return Outcome.Failure.of(
          "malformed JSON-RPC response: id " + answerId + " does not match request id " + id);
    }
    return new Outcome.Answer(json.get("result"));
  }

  private Duration parseRetryAfter(String value) {
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException ignored) {
      // an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ArrayNode toParams(Object[] params) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Object p : params) {
      if (p instanceof EthAddress a) {
        out.add(a.toString());
      } else if (p instanceof JsonNode n) {
        out.add(n);
      } else {
        out.add(MAPPER.valueToTree(p));
      }
    }
    return out;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  static String snippet(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < SNIPPET; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    String out = b.toString().strip();
    return s.length() > SNIPPET ? out + "…" : out;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Makes a URI for a loopback port, for local use. */
  public static URI loopback(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }
}
