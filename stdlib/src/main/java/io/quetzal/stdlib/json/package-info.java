/**
 * JSON for the stdlib values in the official encodings: {@link io.quetzal.stdlib.json.StdlibJson}
 * (tree-model functions) and {@link io.quetzal.stdlib.json.StdlibJsonModule} (Jackson binding).
 * Proven against {@code jsonStringify} output in the stdlib vectors. Stateless, thread-safe.
 */
package io.quetzal.stdlib.json;
