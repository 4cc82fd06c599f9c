package io.quetzal.ethereum.rpc;

/**
 * An L1 JSON-RPC call failed: no host answered usefully (transport errors, timeouts, HTTP errors,
 * rate limits, malformed answers) or a host answered with an error object ({@link
 * JsonRpcErrorException}). Messages name hosts by scheme, host and port only, never by path or
 * query (which may carry API keys).
 */
public class L1RpcException extends RuntimeException {
  public L1RpcException(String message) {
    super(message);
  }

  public L1RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
