package io.quetzal.ethereum.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the L1 client talks to its hosts.
 *
 * <p>A call tries the hosts in order, starting from the last one that answered (viem's {@code
 * fallback} transport, which the official node uses for {@code ETHEREUM_HOSTS}, does the same). One
 * pass over the hosts is a <em>round</em>; between rounds the client waits {@code initialBackoff ·
 * 2^(round-1)}, capped at {@code maxBackoff}. A host that answers HTTP 429 rests for its {@code
 * Retry-After} (capped at {@code maxRetryAfter}) or else for the current back-off. So a call takes
 * at most about {@code maxRounds · hosts · requestTimeout} plus the waits.
 *
 * @param urls the JSON-RPC endpoints, in order of preference ({@code ETHEREUM_HOSTS})
 * @param connectTimeout TCP connect timeout per attempt
 * @param requestTimeout time allowed for one HTTP exchange
 * @param maxRounds passes over the host list before a call fails (≥ 1)
 * @param initialBackoff wait after the first failed round
 * @param maxBackoff largest wait between rounds
 * @param maxRetryAfter largest rest honoured from a {@code Retry-After} header
 */
public record L1RpcConfig(
    List<URI> urls,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRounds,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter) {

  /** Connect timeout default: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Per-request timeout default: 10 s (viem's http transport default). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Rounds default: 4 (viem: one try plus {@code retryCount} 3). */
  public static final int DEFAULT_MAX_ROUNDS = 4;

  /** First back-off default: 150 ms (viem's {@code retryDelay}). */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(150);

  /** Back-off cap default: 5 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  /** Retry-After cap default: 30 s. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

  public L1RpcConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no L1 host given (ETHEREUM_HOSTS is empty)");
    }
    for (URI u : urls) {
      String scheme = u.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || u.getHost() == null) {
        throw new IllegalArgumentException(
            "L1 host " + redact(u) + " is not an http(s) URL (ETHEREUM_HOSTS)");
      }
    }
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("back-off durations must not be negative");
    }
  }

  /** The given hosts with every other setting at its default. */
  public static L1RpcConfig of(List<URI> urls) {
    return new L1RpcConfig(
        urls,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_ROUNDS,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_MAX_BACKOFF,
        DEFAULT_MAX_RETRY_AFTER);
  }

  /** Parses an {@code ETHEREUM_HOSTS} value: comma-separated URLs, blanks ignored. */
  public static L1RpcConfig fromEthereumHosts(String ethereumHosts) {
    List<URI> out = new ArrayList<>();
    for (String part : ethereumHosts.split(",")) {
      String s = part.strip();
      if (!s.isEmpty()) {
        try {
          out.add(URI.create(s));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("ETHEREUM_HOSTS entry is not a URL: " + s, e);
        }
      }
    }
    return of(out);
  }

  /** A copy with other timeouts. */
  public L1RpcConfig withTimeouts(Duration connect, Duration request) {
    return new L1RpcConfig(
        urls, connect, request, maxRounds, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** A copy with another retry policy. */
  public L1RpcConfig withRetries(
      int rounds, Duration initial, Duration max, Duration retryAfterCap) {
    return new L1RpcConfig(
        urls, connectTimeout, requestTimeout, rounds, initial, max, retryAfterCap);
  }

  /**
   * A host as it may appear in logs and errors: scheme, host and port only. Paths and queries of
   * hosted RPC endpoints often carry API keys.
   */
  public static String redact(URI uri) {
    String scheme = uri.getScheme() == null ? "?" : uri.getScheme();
    String host = uri.getHost() == null ? "?" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath();
    boolean more =
        (path != null && !path.isEmpty() && !path.equals("/"))
            || uri.getRawQuery() != null
            || uri.getRawUserInfo() != null;
    return scheme + "://" + host + port + (more ? "/…" : "");
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
