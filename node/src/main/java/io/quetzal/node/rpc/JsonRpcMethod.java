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

  /**
   * Whether the method is quick and never waits (memory, or a few point reads of the memory-mapped
   * store), so the server may run it on its event loop instead of handing it to a virtual thread.
   */
  default boolean quick() {
    return false;
  }

  /** {@code m}, declared {@link #quick()}. */
  static JsonRpcMethod quick(JsonRpcMethod m) {
    return new JsonRpcMethod() {
      @Override
      public JsonNode call(ArrayNode params) throws JsonRpcException {
        return m.call(params);
      }

      @Override
      public boolean quick() {
        return true;
      }
    };
  }
}
