/**
 * Block-level values: {@link io.quetzal.stdlib.block.BlockHeader} (whose hash is the archive
 * leaf), {@link io.quetzal.stdlib.block.GlobalVariables}, the state references and {@link
 * io.quetzal.stdlib.block.GasFees}. Field order, byte layout and JSON follow {@code
 * @aztec/stdlib/src/tx/*}; immutable, thread-safe.
 */
package io.quetzal.stdlib.block;
