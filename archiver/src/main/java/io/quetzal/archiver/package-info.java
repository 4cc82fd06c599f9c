/**
 * The archiver: follows the canonical rollup on L1 and keeps what the node serves.
 *
 * <p><b>Owns.</b> {@link io.quetzal.archiver.L1Synchronizer} (one iteration over L1, pinned to the
 * head read at its start: Inbox messages, then checkpoints, then the epoch prune and the finalized
 * tip), {@link io.quetzal.archiver.CheckpointRetriever} (event → calldata + blobs → rebuilt
 * checkpoint, authenticated by the header's {@code blockHeadersHash}), {@link
 * io.quetzal.archiver.Archiver} (the loop on its own thread), {@link
 * io.quetzal.archiver.WorldStateFeed} (applies archived blocks to the world state, unwinds it with
 * the archive), and {@link io.quetzal.archiver.SyncStore}, the store seam, implemented over the
 * LMDB store of package {@code store} by {@link io.quetzal.archiver.StoreSync}.
 *
 * <p><b>Flow.</b> Messages are appended in Inbox order, checking the rolling hash; a stored message
 * L1 no longer has means a reorg: walk back to the last one L1 still has. Checkpoints: L1's tips →
 * proven; {@code archiveAt} against the stored chain to find a reorg's common ancestor and unwind;
 * {@code CheckpointProposed} events from the sync point in L1-block batches, retrieved in parallel
 * on virtual threads, then checked in order (on L1, builds on our tip, attestations of the epoch's
 * committee, {@code inHash} of the stored messages) and stored a batch per write with the sync
 * point. When L1 would prune at its next block (judged on L1's tips), the archiver unwinds to the
 * proven checkpoint first and does not fetch the doomed ones again. At start, before the first L1
 * read, the world state re-applies whatever the store holds beyond it (a crash between the two
 * stores' writes, tested with kill -9 in the CLI's {@code FollowerKill9Test}); the synchronizer
 * then exposes the timestamp of the L1 block it synced to, from which the sequencer derives the
 * last fully synced L2 slot.
 *
 * <p><b>Thread-safety.</b> One writer: the synchronizer runs on the archiver's thread only. Readers
 * (the node API, the sequencer) read the store's committed snapshots at any time.
 */
package io.quetzal.archiver;
