package io.quetzal.node.rpc;

/** A JSON-RPC error a method handler or the dispatcher answers with (HTTP 400). */
public final class JsonRpcException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Parse error: the body is not JSON. */
  public static final int PARSE_ERROR = -32700;

  /** The request is not a JSON-RPC 2.0 request object. */
  public static final int INVALID_REQUEST = -32600;

  /** No such method. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** The parameters do not match the method's schema (the official zod validation error). */
  public static final int INVALID_INPUT = -32701;

  /** The handler failed. */
  public static final int INTERNAL = -32702;

  private final int code;

  public JsonRpcException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
