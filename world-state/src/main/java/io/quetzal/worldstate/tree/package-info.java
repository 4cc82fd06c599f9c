/**
 * The Merkle tree engine, independent of storage: Poseidon2 node and leaf hashing on Montgomery
 * limbs ({@link io.quetzal.worldstate.tree.NodeHash}), empty-subtree hashes computed once per depth
 * ({@link io.quetzal.worldstate.tree.ZeroHashes}), the level-by-level recomputation of changed
 * nodes with batched, parallel hashing ({@link io.quetzal.worldstate.tree.Rehash}), the final
 * leaves of an indexed-tree batch or sequential insertion computed without replaying it ({@link
 * io.quetzal.worldstate.tree.IndexedUpdate}), and the in-memory overlay of a fork with
 * barretenberg's per-operation semantics, witnesses and checkpoints ({@link
 * io.quetzal.worldstate.tree.OverlayTree}).
 *
 * <p>Indexed-tree rules, as barretenberg's {@code content_addressed_indexed_tree.hpp}: leaves link
 * to the next larger key; a batch is processed in descending key order, empty (zero) values keep
 * their position and leave an empty leaf, a key repeated in a batch or already present (nullifiers)
 * is an error, an existing public data slot is updated in place; a sequential insertion hands out
 * indices to new keys in order; an empty leaf written after genesis has the value zero.
 *
 * <p>Thread-safety: {@code NodeHash}, {@code ZeroHashes}, {@code Rehash} and {@code IndexedUpdate}
 * are stateless (Rehash calls its sibling source from pool threads); an {@code OverlayTree} is
 * confined to one thread at a time.
 */
package io.quetzal.worldstate.tree;
