/**
 * The L1 JSON-RPC client.
 *
 * <p>Owns: {@link io.quetzal.ethereum.rpc.L1RpcClient}, JSON-RPC 2.0 over HTTP on {@code
 * java.net.http} with failover across the {@code ETHEREUM_HOSTS} list (the order of the list,
 * sticky on the last host that answered), per-request timeouts, rounds of retries with exponential
 * back-off, rate-limit handling (HTTP 429 with {@code Retry-After}, JSON-RPC -32005) and the
 * start-up chain-id check ({@link io.quetzal.ethereum.rpc.ChainIdMismatchException}).
 *
 * <p>Why in-house and not web3j's {@code HttpService}: failover, 429 and retry policy would have to
 * be wrapped around it anyway, and this keeps OkHttp, RxJava and the Kotlin stdlib off the class
 * path; web3j is used for what it is good at (ABI codec, transaction signing, later blobs).
 *
 * <p>Thread-safety: the client is thread-safe and blocking (meant for virtual threads). Time is
 * injected ({@link java.time.InstantSource}, {@link io.quetzal.ethereum.rpc.Sleeper}). Errors name
 * hosts by scheme, host and port only: paths and queries of hosted endpoints carry API keys.
 */
package io.quetzal.ethereum.rpc;
