package io.quetzal.sequencerclient;

/**
 * The sequencer's states, in the official order ({@code SequencerState}; {@link #ordinal()} is the
 * number the official metrics report). The states from {@link #PROPOSER_CHECK} on belong to a slot
 * and have a deadline in the {@link io.quetzal.sequencerclient.timetable.SequencerTimetable}.
 */
public enum SequencerState {
  /** Not running. */
  STOPPED,
  /** Being stopped; moves to {@link #STOPPED} shortly. */
  STOPPING,
  /** Waiting for the next look at the slot. */
  IDLE,
  /** Checking that the archiver, world state and L1 agree on the chain's tip. */
  SYNCHRONIZING,
  /** Checking whether one of our validators proposes in the slot. */
  PROPOSER_CHECK,
  /** Starting the checkpoint: globals, L1→L2 messages, the world-state fork. */
  INITIALIZING_CHECKPOINT,
  /** Waiting for enough txs to build a block. */
  WAITING_FOR_TXS,
  /** Building a block. */
  CREATING_BLOCK,
  /** Waiting for the next block's sub-slot. */
  WAITING_UNTIL_NEXT_BLOCK,
  /** Completing the checkpoint (header, blobs) and signing the proposal. */
  ASSEMBLING_CHECKPOINT,
  /** Gathering the committee's attestations. */
  COLLECTING_ATTESTATIONS,
  /** Sending {@code Rollup.propose} to L1 and waiting for it to be mined. */
  PUBLISHING_CHECKPOINT
}
