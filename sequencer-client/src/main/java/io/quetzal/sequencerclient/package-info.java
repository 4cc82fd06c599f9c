/**
 * The sequencer's slot loop ({@link io.quetzal.sequencerclient.Sequencer}) with the official states
 * ({@link io.quetzal.sequencerclient.SequencerState}) and timetable ({@code timetable}); the L1
 * publisher is in {@code publisher}.
 *
 * <p><b>Flow of a slot.</b> Slot of the next L1 block → in step (the archiver has processed L1 up
 * to the slot; world state at the archiver's tip, same archive root) → one of our validators is the
 * proposer, the slot is free, and the rollup's {@code canProposeAtTime} agrees on slot and
 * checkpoint number → checkpoint built on a world-state fork (block-builder), block by block in the
 * timetable's sub-slots, waiting for txs as the official rules say → final validation → proposal
 * and attestations signed under slashing protection (validator-client), quorum packed in committee
 * order → {@code Rollup.propose} through Multicall3 as a blob transaction with a deadline at the
 * slot's last L1 block → blobs uploaded. Every state change checks the timetable; a slot is worked
 * on once (when the timetable is enforced).
 *
 * <p><b>Seams.</b> L1 ({@link io.quetzal.sequencerclient.RollupView}), publishing ({@link
 * io.quetzal.sequencerclient.CheckpointPublisher}), the tx pool ({@link
 * io.quetzal.sequencerclient.PendingTxs}), time and sleeping are injected, so whole slots run on a
 * manual clock in tests; the archiver's store, the world state and the signer are the real ones.
 *
 * <p><b>Not yet.</b> The tx pool and tx processing (blocks are empty or carry L1→L2 messages only),
 * attestations from other nodes and block proposals over p2p, invalidation of bad checkpoints,
 * governance and slashing votes.
 *
 * <p><b>Thread-safety.</b> {@code tick()} is synchronized and runs on the loop's single thread;
 * {@code close()} may be called from any thread and ends a pass at its next state change or wait.
 */
package io.quetzal.sequencerclient;
