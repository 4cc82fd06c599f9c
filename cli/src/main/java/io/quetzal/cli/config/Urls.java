package io.quetzal.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** URL checks shared by the config records. */
public final class Urls {
  /** Schemes of an Ethereum JSON-RPC or beacon API endpoint. */
  public static final Set<String> HTTP = Set.of("http", "https");

  /** TLS only: the blob archive API (the official client refuses a non-https base URL). */
  public static final Set<String> HTTPS = Set.of("https");

  /** Schemes a blob or snapshot file store can be read from. */
  public static final Set<String> FILE_STORE_READ = Set.of("http", "https", "s3", "gs", "file");

  /** Schemes a blob file store can be written to. */
  public static final Set<String> FILE_STORE_WRITE = Set.of("s3", "gs", "file");

  private Urls() {}

  /**
   * Parses an absolute URL whose scheme is one of {@code schemes}.
   *
   * @throws IllegalArgumentException with a reason (the caller quotes the input if it may)
   */
  public static URI parse(String text, Set<String> schemes) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed URL (" + e.getReason() + ")");
    }
    requireScheme(uri, schemes);
    return uri;
  }

  /** Checks scheme and, for network schemes, the presence of a host. */
  public static void requireScheme(URI uri, Set<String> schemes) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new IllegalArgumentException(
          "not a URL with scheme " + String.join(", ", schemes.stream().sorted().toList()));
    }
    if (!scheme.equals("file") && hostPort(uri).isEmpty()) {
      throw new IllegalArgumentException("URL without a host");
    }
  }

  static void requireAll(List<URI> uris, Set<String> schemes, String what) {
    for (URI uri : uris) {
      try {
        requireScheme(uri, schemes);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The URL without user info, path or query: {@code https://host:port/…}. For summaries, since RPC
   * URLs often carry an API key in the path or query.
   */
  public static String redacted(URI uri) {
    String hostPort = hostPort(uri);
    boolean more =
        (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
            || uri.getRawQuery() != null
            || uri.getRawUserInfo() != null
            || uri.getRawFragment() != null;
    return uri.getScheme() + "://" + hostPort + (more ? "/…" : "");
  }

  /**
   * Host and port; also for authorities {@link URI} does not parse as a host (e.g. {@code a_b}).
   */
  private static String hostPort(URI uri) {
    if (uri.getHost() != null) {
      return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
    String authority = uri.getRawAuthority();
    if (authority == null) {
      return "";
    }
    int at = authority.lastIndexOf('@');
    return at >= 0 ? authority.substring(at + 1) : authority;
  }
}
