package io.quetzal.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** One JSON-RPC method: positional params in, a result out. */
@FunctionalInterface
public interface JsonRpcMethod {
  /**
   * Runs the method.
   *
   * @param params the positional parameters (empty when the request had none)
   * @return the result, or {@code null} for "not found" / void: the response then has no {@code
   *     result} key, as the official node answers
   */
  JsonNode call(ArrayNode params) throws JsonRpcException;
}
