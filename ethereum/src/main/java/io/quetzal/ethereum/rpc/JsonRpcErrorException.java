package io.quetzal.ethereum.rpc;

import java.util.Optional;

/**
 * A host answered the call with a JSON-RPC error object (for example an {@code eth_call} revert,
 * code 3 with the revert data). Such an answer is final: it is not retried on another host.
 */
public final class JsonRpcErrorException extends L1RpcException {
  private final long code;
  private final String rpcMessage;
  private final String data;

  public JsonRpcErrorException(String method, long code, String rpcMessage, String data) {
    super(
        "L1 JSON-RPC "
            + method
            + " returned error "
            + code
            + ": "
            + rpcMessage
            + (data == null ? "" : " (data " + abbreviate(data) + ")"));
    this.code = code;
    this.rpcMessage = rpcMessage;
    this.data = data;
  }

  /** The error code. */
  public long code() {
    return code;
  }

  /** The error message as the host sent it. */
  public String rpcMessage() {
    return rpcMessage;
  }

  /** The error's {@code data}, when it is a string (revert data is a 0x-hex string). */
  public Optional<String> data() {
    return Optional.ofNullable(data);
  }

  private static String abbreviate(String s) {
    return s.length() <= 138 ? s : s.substring(0, 138) + "…";
  }
}
