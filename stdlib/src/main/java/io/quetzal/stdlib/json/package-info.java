/**
 * JSON for the stdlib values in the official encodings: {@link io.quetzal.stdlib.json.StdlibJson}
 * (tree-model functions), {@link io.quetzal.stdlib.json.BlockJson} (tx effects, blocks,
 * checkpoints, as node_getBlock/getTxEffect/getCheckpoints answer) and {@link
 * io.quetzal.stdlib.json.StdlibJsonModule} (Jackson binding). Proven against {@code jsonStringify}
 * output in the stdlib vectors. Stateless, thread-safe.
 */
package io.quetzal.stdlib.json;
