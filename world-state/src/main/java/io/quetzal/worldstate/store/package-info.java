/**
 * The world state's storage: key layout ({@link io.quetzal.worldstate.store.StoreLayout}), reads at
 * any retained block ({@link io.quetzal.worldstate.store.StoreReader}), a block's computed changes
 * ({@link io.quetzal.worldstate.store.TreeDelta}) and their writing ({@link
 * io.quetzal.worldstate.store.BlockWriter}), genesis, and history maintenance ({@link
 * io.quetzal.worldstate.store.History}: unwinding the newest block, pruning the oldest).
 *
 * <p><b>Layout.</b> Every node and leaf is stored as a version keyed by (position, inverted block),
 * so one seek finds the newest version at or before any block; a block writes only what it changed,
 * empty subtrees are never written, and per-tree per-block metadata (root, size) plus a per-block
 * changelog of changed existing leaves let a block be unwound (delete exactly its versions) or
 * pruned (delete the versions its successor superseded). One write transaction per block: a crash
 * leaves the store at a block boundary.
 *
 * <p><b>Thread-safety.</b> A {@code StoreReader} is confined to one thread; the world state gives
 * each pool thread its own, over its own snapshot. Writes happen only inside the world state's
 * single write transaction.
 */
package io.quetzal.worldstate.store;
