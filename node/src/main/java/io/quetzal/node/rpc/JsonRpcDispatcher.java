package io.quetzal.node.rpc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-free JSON-RPC 2.0 core, as the official {@code SafeJsonRpcServer}
 * ({@code @aztec/foundation/json-rpc/server}) answers: a request body in, an HTTP status and a body
 * out.
 *
 * <ul>
 *   <li>A single request answers 200, or 400 when the answer is an error. A batch (array) answers
 *       200 with one answer per element whatever they hold; an empty batch is 400 {@code -32600
 *       "Invalid Request"}, a batch larger than {@code maxBatchSize} is 400 {@code -32600 "Batch
 *       request exceeds maximum allowed size of <n>"}.
 *   <li>An element that is not an object: {@code -32600 "Invalid Request"}, {@code id} null. A
 *       {@code method} that is not a non-empty string: {@code -32600 "Invalid request"}.
 *   <li>{@code jsonrpc} is echoed as sent (default {@code "2.0"}); {@code id} is echoed as sent and
 *       left out when the request had none; a {@code null} result ("not found", void) has no {@code
 *       result} key.
 *   <li>Method names are split as the official {@code split('_', 2)}: {@code node_getBlockNumber_x}
 *       is {@code node_getBlockNumber}.
 *   <li>Parse errors: 400 {@code -32700 "Parse error: ..."}; the official body parser's strict mode
 *       (a JSON object or array) and prototype-poisoning check are applied.
 * </ul>
 *
 * <p>No answer ever carries a Java class name or a stack trace: a handler's unexpected exception is
 * logged and answered {@code -32702} with a generic message.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Reads bodies: duplicate keys keep the last value (as JSON.parse), deep nesting is refused. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS).build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(512).maxNumberLength(4096).build());
  }

  /** A status and a JSON body. */
  public record Response(int status, byte[] body) {}

  private final Map<String, JsonRpcMethod> methods;
  private final Map<String, String> unavailable;
  private final int maxBatchSize;

  /**
   * @param methods full method name ({@code node_getBlockNumber}) to handler
   * @param unavailable methods of the official API this build does not serve yet, to the reason
   *     appended to their -32601 message
   * @param maxBatchSize largest batch accepted ({@code RPC_MAX_BATCH_SIZE}, official default 100)
   */
  public JsonRpcDispatcher(
      Map<String, JsonRpcMethod> methods, Map<String, String> unavailable, int maxBatchSize) {
    this.methods = Map.copyOf(methods);
    this.unavailable = Map.copyOf(unavailable);
    this.maxBatchSize = maxBatchSize;
  }

  public JsonRpcDispatcher(Map<String, JsonRpcMethod> methods, int maxBatchSize) {
    this(methods, Map.of(), maxBatchSize);
  }

  /** Whether {@code name} is served. */
  public boolean has(String name) {
    return methods.containsKey(name);
  }

  /** Answers one (decompressed) HTTP body. */
  public Response handle(byte[] body) {
    return answer(read(body));
  }

  /** A body read: the JSON, or the parse error's answer. */
  public record Request(JsonNode json, Response parseError) {}

  /** Parses a body (cheap; the event loop may call it). */
  public Request read(byte[] body) {
    try {
      return new Request(parse(body), null);
    } catch (ParseError e) {
      return new Request(
          null,
          write(400, errorNoId(JsonRpcException.PARSE_ERROR, "Parse error: " + e.getMessage())));
    }
  }

  /**
   * Whether answering {@code r} needs only {@link JsonRpcMethod#quick()} methods (or none), so it
   * may run on an event loop.
   */
  public boolean quick(Request r) {
    if (r.parseError() != null) {
      return true;
    }
    JsonNode j = r.json();
    if (j.isArray()) {
      if (j.size() > 8) {
        return false;
      }
      for (JsonNode e : j) {
        if (!quickOne(e)) {
          return false;
        }
      }
      return true;
    }
    return quickOne(j);
  }

  private boolean quickOne(JsonNode r) {
    JsonNode m = r.get("method");
    if (m == null || !m.isTextual()) {
      return true;
    }
    String key = officialKey(m.textValue());
    JsonRpcMethod h = key == null ? null : methods.get(key);
    return h == null || h.quick();
  }

  /** Answers a body read by {@link #read}. */
  public Response answer(Request r) {
    if (r.parseError() != null) {
      return r.parseError();
    }
    JsonNode req = r.json();
    if (req.isArray()) {
      if (req.size() > maxBatchSize) {
        return write(
            400,
            errorNoId(
                JsonRpcException.INVALID_REQUEST,
                "Batch request exceeds maximum allowed size of " + maxBatchSize));
      }
      if (req.isEmpty()) {
        return write(400, errorNoId(JsonRpcException.INVALID_REQUEST, "Invalid Request"));
      }
      ArrayNode out = F.arrayNode(req.size());
      for (JsonNode e : req) {
        out.add(one(e));
      }
      return write(200, out);
    }
    ObjectNode answer = one(req);
    return write(answer.has("error") ? 400 : 200, answer);
  }

  /** The answer to a body over the size limit (HTTP 413; the official server answers 500). */
  public static Response tooLarge(long limit) {
    return write(
        413,
        errorNoId(
            JsonRpcException.INVALID_REQUEST,
            "request entity too large: the limit is " + limit + " bytes (RPC_MAX_BODY_SIZE)"));
  }

  /** An answer for a body that could not be read (bad compression, unknown encoding). */
  public static Response badBody(int status, String message) {
    return write(status, errorNoId(JsonRpcException.PARSE_ERROR, "Parse error: " + message));
  }

  // -----------------------------------------------------------------------------------------------

  private static final class ParseError extends Exception {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private static JsonNode parse(byte[] body) throws ParseError {
    int i = 0;
    while (i < body.length
        && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    if (i == body.length) {
      // co-body answers {} for an empty body: a request without a method
      return F.objectNode();
    }
    if (body[i] != '{' && body[i] != '[') {
      throw new ParseError("invalid JSON, only supports object and array");
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new ParseError(
          l == null || l.getCharOffset() < 0
              ? "invalid JSON"
              : "invalid JSON at position " + l.getCharOffset());
    } catch (IOException e) {
      throw new ParseError("invalid JSON");
    }
    if (n == null || n.isMissingNode()) {
      throw new ParseError("invalid JSON");
    }
    if (contains(body, "__proto__") || contains(body, "prototype")) {
      if (poisoned(n)) {
        throw new ParseError("Object contains forbidden prototype property");
      }
    }
    return n;
  }

  private static boolean contains(byte[] hay, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= hay.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (hay[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** bourne's check: a {@code __proto__} key, or {@code constructor.prototype}. */
  private static boolean poisoned(JsonNode n) {
    if (n.isObject()) {
      if (n.has("__proto__")) {
        return true;
      }
      JsonNode c = n.get("constructor");
      if (c != null && c.isObject() && c.has("prototype")) {
        return true;
      }
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        if (poisoned(it.next())) {
          return true;
        }
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        if (poisoned(e)) {
          return true;
        }
      }
    }
    return false;
  }

  private ObjectNode one(JsonNode r) {
    if (!r.isObject()) {
      return errorNoId(JsonRpcException.INVALID_REQUEST, "Invalid Request");
    }
    JsonNode id = r.get("id");
    JsonNode method = r.get("method");
    if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
      return error(F.textNode("2.0"), id, JsonRpcException.INVALID_REQUEST, "Invalid request");
    }
    JsonNode jsonrpc = r.has("jsonrpc") ? r.get("jsonrpc") : F.textNode("2.0");
    String name = method.textValue();
    String key = officialKey(name);
    JsonRpcMethod m = key == null ? null : methods.get(key);
    if (m == null) {
      String why = key == null ? null : unavailable.get(key);
      return error(
          jsonrpc,
          id,
          JsonRpcException.METHOD_NOT_FOUND,
          "Method not found: " + name + (why == null ? "" : " (" + why + ")"));
    }
    JsonNode p = r.get("params");
    if (p != null && !p.isArray()) {
      // the official proxy asserts Array.isArray(params), naming the method without namespace
      return error(
          jsonrpc,
          id,
          JsonRpcException.INTERNAL,
          "Params to " + key.substring(key.indexOf('_') + 1) + " is not an array: " + jsString(p));
    }
    ArrayNode params = p == null ? F.arrayNode() : (ArrayNode) p;
    try {
      JsonNode result = m.call(params);
      ObjectNode o = F.objectNode();
      o.set("jsonrpc", jsonrpc);
      if (id != null) {
        o.set("id", id);
      }
      if (result != null) {
        o.set("result", result);
      }
      return o;
    } catch (JsonRpcException e) {
      return error(
          e.code() == JsonRpcException.INVALID_INPUT ? F.textNode("2.0") : jsonrpc,
          id,
          e.code(),
          e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("{} failed", name, e);
      return error(jsonrpc, id, JsonRpcException.INTERNAL, "Error executing request");
    }
  }

  /**
   * The registry key of a requested name as the official namespaced proxy finds it ({@code
   * split('_', 2)}), or null when it cannot name a method.
   */
  static String officialKey(String name) {
    int a = name.indexOf('_');
    if (a <= 0) {
      return null;
    }
    int b = name.indexOf('_', a + 1);
    String m = b < 0 ? name.substring(a + 1) : name.substring(a + 1, b);
    if (m.isEmpty()) {
      return null;
    }
    return b < 0 ? name : name.substring(0, b);
  }

  /** JavaScript's {@code String(value)} for a parsed JSON value that is not an array. */
  private static String jsString(JsonNode v) {
    if (v.isObject()) {
      return "[object Object]";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Long.toString(v.longValue());
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d);
    }
    return v.asText();
  }

  private static ObjectNode errorNoId(int code, String message) {
    ObjectNode o = F.objectNode();
    o.put("jsonrpc", "2.0");
    ObjectNode e = o.putObject("error");
    e.put("code", code);
    e.put("message", message);
    o.putNull("id");
    return o;
  }

  private static ObjectNode error(JsonNode jsonrpc, JsonNode id, int code, String message) {
    ObjectNode o = F.objectNode();
    o.set("jsonrpc", jsonrpc);
    if (id != null) {
      o.set("id", id);
    }
    ObjectNode e = o.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return o;
  }

  private static Response write(int status, JsonNode body) {
    try {
      return new Response(status, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** For tests: the method table. */
  Map<String, JsonRpcMethod> methods() {
    return new LinkedHashMap<>(methods);
  }
}
