/**
 * Tx-level effects ({@code @aztec/stdlib/src/tx/tx_effect.ts}, {@code avm/revert_code.ts}, {@code
 * avm/public_data_write.ts}): {@link io.quetzal.stdlib.tx.TxEffect} with its {@link
 * io.quetzal.stdlib.tx.RevertCode} and {@link io.quetzal.stdlib.tx.PublicDataWrite}s.
 *
 * <p>Formats: the official buffer ({@code toBuffer}: 1-byte counts except public logs' 4-byte
 * count), the blob form ({@link io.quetzal.stdlib.blob.BlobFieldCodec}) and the JSON of {@code
 * node_getTxEffect} ({@link io.quetzal.stdlib.json.BlockJson}). Pitfalls: the constructor enforces
 * the official invariants (maxima, no zero note hash/nullifier/message, no empty write or private
 * log), so a blob carrying such a value is refused as {@link
 * io.quetzal.stdlib.blob.BlobDecodingException} by {@code fromBlobData}. Immutable, thread-safe.
 */
package io.quetzal.stdlib.tx;
