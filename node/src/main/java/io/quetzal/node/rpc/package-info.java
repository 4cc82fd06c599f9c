/**
 * The node's JSON-RPC 2.0 transport, as the official node speaks it (reference-node.md §3).
 *
 * <pre>
 *   HTTP ─▶ JsonRpcHttpServer ─▶ JsonRpcDispatcher ─▶ JsonRpcMethod (node_*)
 *           POST / only            single or batch      positional params
 *           GET /status 200        errors → HTTP 400    null result → no "result" key
 * </pre>
 *
 * <p>The dispatcher is transport-free (bytes in, status and bytes out), so it is tested without a
 * socket and can be put behind a faster server later. The JDK server runs one virtual thread per
 * exchange, with TCP_NODELAY set before it is created. Errors: -32700 parse error, -32600 invalid
 * request (also an empty or oversized batch), -32601 {@code "Method not found: <name>"}, -32701
 * invalid input, -32702 a handler's failure.
 */
package io.quetzal.node.rpc;
