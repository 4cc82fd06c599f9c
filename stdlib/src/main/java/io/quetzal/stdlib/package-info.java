/**
 * The Aztec domain model shared by every Quetzal component, mirroring {@code @aztec/stdlib} 4.1.2:
 * protocol {@link io.quetzal.stdlib.Constants}, block headers and state references ({@code block}),
 * tree ids, snapshots and indexed-tree leaves ({@code trees}), addresses ({@code address}), account
 * keys and contract addresses ({@code keys}, {@code contract}), the genesis state ({@code
 * genesis}), tx effects and logs ({@code tx}, {@code logs}), L2 blocks and checkpoints ({@code
 * block}, {@code checkpoint}) and the blob codecs that carry them on L1 ({@code blob}).
 *
 * <p>All values are immutable records, safe to share between threads. Each has the official buffer
 * form ({@code toBuffer}/{@code fromBuffer}), field form ({@code toFields}) and JSON form, proven
 * against vectors produced by the official packages ({@code scripts/vectors/stdlib.mjs}). No
 * threads, I/O or configuration here.
 */
package io.quetzal.stdlib;
