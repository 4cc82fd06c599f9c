package io.quetzal.ethereum.blobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.foundation.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One L1 consensus (beacon) host of {@code L1_CONSENSUS_HOST_URLS}, with its optional API key
 * ({@code L1_CONSENSUS_HOST_API_KEYS}) and key header ({@code L1_CONSENSUS_HOST_API_KEY_HEADERS}):
 * with a header name the key is sent in that header, without one it is appended as {@code ?key=}
 * (as the official client). Endpoints used: {@code /eth/v1/beacon/headers/{root|head}} and {@code
 * /eth/v1/beacon/blob_sidecars/{slot}}. Errors name the host by scheme, host and port only and
 * never show the key.
 */
public final class BeaconBlobSource {
  /** How many later slots are tried when a slot has no block (404), as the official client. */
  public static final int MAX_LATER_SLOTS = 10;

  private final URI host;
  private final Optional<Secret<String>> apiKey;
  private final Optional<String> apiKeyHeader;
  private final HttpClient http;
  private final Duration timeout;

  public BeaconBlobSource(
      URI host,
      Optional<Secret<String>> apiKey,
      Optional<String> apiKeyHeader,
      HttpClient http,
      Duration timeout) {
    String s = host.toString();
    this.host = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.apiKey = apiKey.filter(k -> !k.reveal().isEmpty());
    this.apiKeyHeader = apiKeyHeader.filter(h -> !h.isBlank());
    this.http = http;
    this.timeout = timeout;
  }

  /** The host for messages. */
  public String describe() {
    return "consensus host " + L1RpcConfig.redact(host);
  }

  /**
   * The beacon slot of the execution block whose {@code parentBeaconBlockRoot} is given: the
   * parent's slot plus one (the official rule). Empty when the host does not know the root.
   */
  public OptionalLong slotAfterParentRoot(String parentBeaconBlockRoot) {
    Optional<JsonNode> res = getJson("/eth/v1/beacon/headers/" + parentBeaconBlockRoot);
    return res.map(n -> OptionalLong.of(slotOf(n, "headers/" + parentBeaconBlockRoot) + 1))
        .orElse(OptionalLong.empty());
  }

  /** The head slot, if the host answers. */
  public OptionalLong headSlot() {
    return getJson("/eth/v1/beacon/headers/head")
        .map(n -> OptionalLong.of(slotOf(n, "headers/head")))
        .orElse(OptionalLong.empty());
  }

  /**
   * The blobs of {@code slot}; when the slot has no block (404) the next slots up to {@link
   * #MAX_LATER_SLOTS} later (and not past the head) are tried. Empty list when none is found.
   *
   * @throws BlobSourceException on a malformed answer or an HTTP error other than 404
   */
  public List<Blob> blobSidecars(long slot) {
    Optional<JsonNode> res = getJson("/eth/v1/beacon/blob_sidecars/" + slot);
    if (res.isEmpty()) {
      OptionalLong head = headSlot();
      for (long s = slot + 1;
          res.isEmpty() && head.isPresent() && s <= head.getAsLong() && s <= slot + MAX_LATER_SLOTS;
          s++) {
        res = getJson("/eth/v1/beacon/blob_sidecars/" + s);
      }
    }
    if (res.isEmpty()) {
      return List.of();
    }
    JsonNode data = res.get().get("data");
    String where = describe() + " blob_sidecars/" + slot;
    if (data == null || !data.isArray()) {
      throw new BlobSourceException(where + ": answer has no 'data' array");
    }
    List<Blob> out = new ArrayList<>(data.size());
    for (JsonNode b : data) {
      out.add(BlobJson.parse(b, where));
    }
    return out;
  }

  private long slotOf(JsonNode n, String what) {
    JsonNode slot = n.path("data").path("header").path("message").path("slot");
    try {
      return Long.parseLong(slot.asText());
    } catch (NumberFormatException e) {
      throw new BlobSourceException(
          describe() + " " + what + ": no numeric data.header.message.slot in the answer", e);
    }
  }

  /** GET a JSON document; empty on 404. */
  Optional<JsonNode> getJson(String path) {
    String url = host + path;
    if (apiKey.isPresent() && apiKeyHeader.isEmpty()) {
      url +=
          (url.contains("?") ? "&" : "?")
              + "key="
              + URLEncoder.encode(apiKey.get().reveal(), StandardCharsets.UTF_8);
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    if (apiKey.isPresent() && apiKeyHeader.isPresent()) {
      req.header(apiKeyHeader.get(), apiKey.get().reveal());
    }
    HttpResponse<byte[]> res;
    try {
      res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new BlobSourceException(
          describe() + ": " + e.getClass().getSimpleName() + " on " + pathOnly(path), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BlobSourceException(describe() + ": interrupted", e);
    }
    if (res.statusCode() == 404) {
      return Optional.empty();
    }
    if (res.statusCode() / 100 != 2) {
      throw new BlobSourceException(
          describe() + " answered HTTP " + res.statusCode() + " to " + pathOnly(path));
    }
    return Optional.of(BlobJson.readTree(res.body(), describe() + " " + pathOnly(path)));
  }

  private static String pathOnly(String path) {
    return path.length() > 90 ? path.substring(0, 90) + "…" : path;
  }
}
