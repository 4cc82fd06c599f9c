package io.quetzal.node.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-free JSON-RPC 2.0 core: a request body in, a status and a body out. Single requests
 * and batches; positional params; an error answers HTTP 400 (a batch does when any of its answers
 * is an error), as the official node does.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A status and a JSON body. */
  public record Response(int status, byte[] body) {}

  private final Map<String, JsonRpcMethod> methods;
  private final int maxBatchSize;

  /**
   * @param methods full method name ({@code node_getBlockNumber}) to handler
   * @param maxBatchSize largest batch accepted
   */
  public JsonRpcDispatcher(Map<String, JsonRpcMethod> methods, int maxBatchSize) {
    this.methods = Map.copyOf(methods);
    this.maxBatchSize = maxBatchSize;
  }

  /** Whether {@code name} is served. */
  public boolean has(String name) {
    return methods.containsKey(name);
  }

  /** Answers one HTTP body. */
  public Response handle(byte[] body) {
    JsonNode req;
    try {
      req = MAPPER.readTree(body);
    } catch (IOException e) {
      return write(400, error(NullNode.getInstance(), JsonRpcException.PARSE_ERROR, "Parse error"));
    }
    if (req == null || req.isMissingNode()) {
      return write(400, error(NullNode.getInstance(), JsonRpcException.PARSE_ERROR, "Parse error"));
    }
    if (req.isArray()) {
      if (req.isEmpty() || req.size() > maxBatchSize) {
        String msg =
            req.isEmpty()
                ? "Invalid Request: empty batch"
                : "Invalid Request: batch of " + req.size() + " exceeds " + maxBatchSize;
        return write(400, error(NullNode.getInstance(), JsonRpcException.INVALID_REQUEST, msg));
      }
      ArrayNode out = F.arrayNode(req.size());
      boolean anyError = false;
      for (JsonNode r : req) {
        ObjectNode answer = one(r);
        anyError |= answer.has("error");
        out.add(answer);
      }
      return write(anyError ? 400 : 200, out);
    }
    ObjectNode answer = one(req);
    return write(answer.has("error") ? 400 : 200, answer);
  }

  private ObjectNode one(JsonNode r) {
    JsonNode id = r.isObject() && r.has("id") ? r.get("id") : NullNode.getInstance();
    if (!r.isObject() || !r.path("method").isTextual()) {
      return error(id, JsonRpcException.INVALID_REQUEST, "Invalid Request");
    }
    String name = r.get("method").asText();
    JsonRpcMethod m = methods.get(name);
    if (m == null) {
      return error(id, JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + name);
    }
    JsonNode p = r.get("params");
    ArrayNode params;
    if (p == null || p.isNull()) {
      params = F.arrayNode();
    } else if (p.isArray()) {
      params = (ArrayNode) p;
    } else {
      return error(id, JsonRpcException.INVALID_INPUT, "Invalid input: params must be an array");
    }
    try {
      JsonNode result = m.call(params);
      ObjectNode o = envelope(id);
      if (result != null) {
        o.set("result", result);
      }
      return o;
    } catch (JsonRpcException e) {
      return error(id, e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} failed", name, e);
      return error(id, JsonRpcException.INTERNAL, String.valueOf(e.getMessage()));
    }
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode o = F.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    return o;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode o = envelope(id);
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
}
