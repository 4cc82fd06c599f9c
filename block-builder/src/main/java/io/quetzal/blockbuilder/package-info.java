/**
 * Block building and checkpoint assembly, for the sequencer (building proposals) and the validator
 * (re-executing them): the official {@code LightweightCheckpointBuilder} and the block-building
 * half of the validator client's {@code CheckpointBuilder}. Entry point: {@link
 * io.quetzal.blockbuilder.CheckpointBuilder}.
 *
 * <p><b>Flow.</b> {@code CheckpointBuilder.start(fork, ...)} on a world-state fork at the synced
 * block appends the checkpoint's L1→L2 messages (padded to 1024). Each {@code buildBlock} opens a
 * fork checkpoint, lets a {@link io.quetzal.blockbuilder.TxProcessor} write the txs' effects,
 * builds the header (running {@link io.quetzal.stdlib.blob.SpongeBlob} over the checkpoint's blob
 * fields so far) and appends the block hash to the archive; on any failure the fork checkpoint is
 * reverted and the builder is unchanged. {@code complete()} appends the checkpoint end marker,
 * splits the fields into blobs, computes the KZG commitments ({@link
 * io.quetzal.blockbuilder.CheckpointBlobs}, optionally in parallel) and the {@link
 * io.quetzal.stdlib.checkpoint.CheckpointHeader}; {@link
 * io.quetzal.blockbuilder.CheckpointValidator} runs the official structural and limit checks.
 *
 * <p><b>Tx processing.</b> Txs arrive as {@link io.quetzal.blockbuilder.ProcessedTx} (effect +
 * billed mana). Until public execution exists, {@link
 * io.quetzal.blockbuilder.TxProcessor#preprocessed} inserts known effects as the official {@code
 * insertSideEffects} ({@link io.quetzal.blockbuilder.SideEffects}); a real processor (fees, AVM,
 * validators, limits) implements {@link io.quetzal.blockbuilder.TxProcessor} and writes into the
 * fork itself.
 *
 * <p><b>Pitfalls.</b> Only the first block of a checkpoint may be empty and only its blob data
 * carries the L1→L2 root; the checkpoint header's timestamp is the last block's; {@code
 * epochOutHash} accumulates the epoch's earlier checkpoint out hashes (the caller supplies them)
 * with this one's, over a 32-leaf balanced SHA tree, so it is not zero even without messages; the
 * sponge is squeezed on a copy so it keeps absorbing. The blob commitments use c-kzg (JNI) with the
 * mainnet trusted setup, loaded once per process on first use.
 *
 * <p><b>Threads.</b> A builder, like its fork, is used from one thread; {@link
 * io.quetzal.blockbuilder.CheckpointBlobs} and {@link io.quetzal.blockbuilder.CheckpointValidator}
 * are stateless and thread-safe.
 */
package io.quetzal.blockbuilder;
