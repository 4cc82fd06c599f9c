/**
 * The sequencer's slot loop ({@link io.quetzal.sequencerclient.Sequencer}); the L1 publisher is in
 * {@code publisher}.
 *
 * <p><b>Flow of a slot.</b> Slot of the next L1 block → in step with L1 (archiver at L1's pending
 * checkpoint, or at the proven one when the propose will prune; world state at the archiver's tip)
 * → one of our validators is the proposer → checkpoint built on a world-state fork (block-builder)
 * → proposal and attestations signed under slashing protection (validator-client), quorum packed in
 * committee order → {@code Rollup.propose} through Multicall3 as a blob transaction with a deadline
 * at the slot's end → blobs uploaded. A slot is tried once.
 *
 * <p><b>Not yet.</b> The official state machine and timetable (deadlines per state), the tx pool
 * and tx processing (blocks are empty or carry L1→L2 messages only), multi-block checkpoints,
 * attestations from other nodes (p2p), invalidation of bad checkpoints, governance and slashing
 * votes, and {@code canProposeAtTime} before building.
 *
 * <p><b>Thread-safety.</b> {@code tick()} is synchronized and runs on the loop's single thread.
 */
package io.quetzal.sequencerclient;
