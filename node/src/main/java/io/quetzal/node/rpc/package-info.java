/**
 * The node's JSON-RPC 2.0 transport, as the official {@code SafeJsonRpcServer} (Koa) speaks it
 * (reference-node.md §3 and {@code @aztec/foundation/src/json-rpc/server}).
 *
 * <pre>
 *   HTTP (Vert.x 5) ─▶ JsonRpcDispatcher ─▶ JsonRpcMethod (node_*)
 *   POST / only         single: error → 400    positional params (RpcArgs: zod tuple rules)
 *   GET /status 200     batch: always 200      null result → no "result" key
 *   gzip/deflate both ways, CORS, x-aztec-* headers on every answer
 * </pre>
 *
 * <p><b>Errors</b>: -32700 parse error (400; the body parser's strict mode: only an object or an
 * array, prototype poisoning refused), -32600 invalid request (an element that is not an object, a
 * missing method, an empty batch, a batch above {@code RPC_MAX_BATCH_SIZE} = 100), -32601 {@code
 * "Method not found: <name>"} (plus why, for official methods not served yet), -32701 invalid input
 * (zod issues, {@code "<message> (<path>)"} joined by ". "), -32702 a handler's failure with its
 * message; an unexpected exception is logged and answered -32702 "Error executing request", so no
 * answer carries a Java class name or stack trace.
 *
 * <p><b>Limits</b> (official names and defaults): {@code RPC_MAX_BATCH_SIZE} 100, {@code
 * RPC_MAX_BODY_SIZE} 1 MiB (after inflating), and per method {@code MAX_RPC_LEN} 100, {@code
 * MAX_RPC_TXS_LEN} 50, {@code MAX_RPC_BLOCKS_LEN} 50, {@code MAX_RPC_CHECKPOINTS_LEN} 50. Where the
 * official server answers HTTP 500 (body too large: koa's "request entity too large"; an unreadable
 * compressed body) this one answers 413 / 400 with a JSON-RPC error.
 *
 * <p><b>Deliberate differences</b>: any Content-Type is parsed as JSON (the official parser treats
 * a non-JSON type as an empty object); no zstd or brotli; HTTP/1.1 only (as Node's server).
 *
 * <p><b>Why Vert.x</b>: the JDK {@code HttpServer} (virtual threads, TCP_NODELAY) answered
 * node_getL2Tips at 14.7–21.8k req/s with wrk at 8 connections on the shared 2-core machine, below
 * the goal of 5× the official node (8,276 req/s → 41.4k). Vert.x 5.0.7 on the same harness: 16–29k
 * with every request handed to a virtual thread, 23–39k with quick methods on the event loop (the
 * machine was loaded by other builds; see the report for the final figures). The dispatcher stays
 * transport-free (bytes in, status and bytes out) and is tested without a socket.
 */
package io.quetzal.node.rpc;
