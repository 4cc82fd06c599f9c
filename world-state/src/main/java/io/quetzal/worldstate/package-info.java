/**
 * The Aztec world state: the five trees (nullifier, note hash, public data, L1→L2 messages,
 * archive) with the official native world state's semantics, on a {@link
 * io.quetzal.kvstore.KvStore}. Entry point: {@link io.quetzal.worldstate.WorldState}.
 *
 * <p><b>What it owns.</b> Genesis (128 prefilled leaves per indexed tree with the genesis public
 * data prefill, archive leaf 0 = the initial header's hash); applying blocks as {@code SYNC_BLOCK}
 * ({@link io.quetzal.worldstate.WorldState#applyBlock}: padding, nullifier batch insertion, public
 * data sequential insertion, archive append, state-reference check); reads at any retained block
 * ({@link io.quetzal.worldstate.MerkleTreeReadOps}); forks for block building with the official
 * per-operation witnesses and nested checkpoints ({@link io.quetzal.worldstate.WorldStateFork});
 * unwinding (reorgs), finalization and pruning of history beyond {@code historyToKeep} blocks (each
 * block counts as its own checkpoint until checkpoints are modelled; 0 keeps everything).
 *
 * <p><b>Flow of a block.</b> The inputs are padded and validated; the five trees are computed in
 * parallel on a bounded fork/join pool against the committed state (the final leaves of the indexed
 * trees directly, then every changed node exactly once, level by level, with batched Poseidon2);
 * while they compute, the calling thread streams their nodes and leaves into the block's single
 * write transaction; the state reference is compared and the transaction commits, or aborts on any
 * error so the store never holds half a block.
 *
 * <p><b>Thread-safety.</b> One writer: applying, unwinding, finalizing and pruning serialize on a
 * lock. Readers ({@link io.quetzal.worldstate.WorldState#at}, {@link
 * io.quetzal.worldstate.WorldState#committed}) are thread-safe and read committed snapshots
 * concurrently with the writer. A fork is confined to one thread at a time; it reads its base block
 * through fresh snapshots, so it stays valid until that block is unwound or pruned.
 *
 * <p><b>Storage.</b> Versioned by block, one LMDB environment: see {@link
 * io.quetzal.worldstate.store.StoreLayout}.
 */
package io.quetzal.worldstate;
