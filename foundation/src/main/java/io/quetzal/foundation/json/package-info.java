/**
 * JSON codecs for the official JSON-RPC wire format.
 *
 * <p>{@link io.quetzal.foundation.json.JsonCodecs} parses each value kind from a Jackson tree
 * exactly as the official zod schemas do (including their surprises, listed there and in {@link
 * io.quetzal.foundation.json.JsonCodecs#parseBlockParameter}) and reports refusals as a {@link
 * io.quetzal.foundation.json.JsonCodecException} that keeps the official distinction between
 * validation issues (JSON-RPC error -32701) and conversion errors (-32702), with the official
 * message texts. {@link io.quetzal.foundation.json.QuetzalJsonModule} plugs the same rules and the
 * official output forms (hex fields, decimal-string bigints, base64 buffers, numeric block numbers)
 * into Jackson. {@link io.quetzal.foundation.json.BlockParameter} is the block selector of node
 * queries.
 *
 * <p>JavaScript's own conversions that the schemas depend on ({@code Number(string)}, {@code
 * BigInt(string)}, Node's lenient base64) are reimplemented in package-private helpers.
 *
 * <p>Everything here is stateless and thread-safe.
 */
package io.quetzal.foundation.json;
