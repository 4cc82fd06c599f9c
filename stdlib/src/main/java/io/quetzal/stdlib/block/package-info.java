/**
 * Block-level values: {@link io.quetzal.stdlib.block.BlockHeader} (whose hash is the archive leaf),
 * {@link io.quetzal.stdlib.block.GlobalVariables}, the state references and {@link
 * io.quetzal.stdlib.block.GasFees}, plus {@link io.quetzal.stdlib.block.L2Block} (header, {@link
 * io.quetzal.stdlib.block.Body}, archive, checkpoint number and index; its hash is the header
 * hash). Field order, byte layout and JSON follow {@code @aztec/stdlib/src/tx/*} and {@code
 * block/*}; the node's block JSON carries a stray {@code "_cachedHash":{}} in the header (see
 * {@link io.quetzal.stdlib.json.BlockJson}). Immutable, thread-safe.
 */
package io.quetzal.stdlib.block;
