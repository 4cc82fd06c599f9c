package io.quetzal.sequencerclient.timetable;

import io.quetzal.sequencerclient.SequencerState;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * When, in seconds into a slot, the sequencer may still enter each state, and how the slot is cut
 * into sub-slots for blocks (the official {@code SequencerTimetable}; the figures are checked
 * against vectors of the official class).
 *
 * <p>"Seconds into the slot" counts from the slot's <em>build start</em>: the official sequencer
 * works on the slot of the next L1 block, so it starts one L1 slot before the L2 slot does ({@code
 * getSlotStartBuildTimestamp}). The budget of a slot is:
 *
 * <ul>
 *   <li>{@code initializationOffset} for the sync and proposer checks, then blocks;
 *   <li>{@code checkpointFinalizationTime} at the end: assembly, a round trip of p2p propagation
 *       (proposal out, attestations back) and the L1 publishing allowance;
 *   <li>{@link #initializeDeadline()}: the latest start that still leaves {@code minExecutionTime}
 *       for execution and as much again for the validators' re-execution.
 * </ul>
 *
 * With an L1 slot under 8 s (test networks) propagation is taken as free and the fixed times are
 * shortened, as the official code does. Arithmetic is in doubles in the official order, so the
 * deadlines are the official ones to the last bit.
 *
 * <p>Immutable and thread-safe.
 */
public final class SequencerTimetable {
  /** Official {@code CHECKPOINT_INITIALIZATION_TIME}, seconds. */
  public static final double CHECKPOINT_INITIALIZATION_TIME = 1;

  /** Official {@code CHECKPOINT_ASSEMBLE_TIME}, seconds. */
  public static final double CHECKPOINT_ASSEMBLE_TIME = 1;

  /** Official {@code DEFAULT_P2P_PROPAGATION_TIME}, seconds (one way). */
  public static final double DEFAULT_P2P_PROPAGATION_TIME = 2;

  /** Official {@code MIN_EXECUTION_TIME}, seconds. */
  public static final double MIN_EXECUTION_TIME = 2;

  /**
   * When a new block may start, and until when it may be built.
   *
   * @param canStart whether a block may be started now
   * @param deadline seconds into the slot by which the block must be built; empty when the
   *     timetable is not enforced (build one block, no deadline) or no block may start
   * @param isLastBlock whether this is the checkpoint's last block
   */
  public record BlockStart(boolean canStart, OptionalDouble deadline, boolean isLastBlock) {
    public BlockStart {
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  private final double ethereumSlotDuration;
  private final double aztecSlotDuration;
  private final double l1PublishingTime;
  private final double p2pPropagationTime;
  private final double checkpointAssembleTime;
  private final double checkpointInitializationTime;
  private final double minExecutionTime;
  private final OptionalDouble blockDuration;
  private final boolean enforce;
  private final double initializationOffset;
  private final double checkpointFinalizationTime;
  private final int maxNumberOfBlocks;
  private final double initializeDeadline;

  /**
   * @param ethereumSlotDuration L1 slot, seconds
   * @param aztecSlotDuration L2 slot, seconds
   * @param l1PublishingTime time kept at the end of the slot for the L1 transaction ({@code
   *     SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT}; the official default is one L1 slot)
   * @param p2pPropagationTime one-way p2p propagation ({@code SEQ_ATTESTATION_PROPAGATION_TIME});
   *     empty for the default of 2 s
   * @param blockDurationMs length of a block's sub-slot ({@code SEQ_BLOCK_DURATION_MS}); empty for
   *     one block per slot
   * @param enforce whether deadlines are enforced ({@code SEQ_ENFORCE_TIME_TABLE})
   * @throws IllegalArgumentException when the slot is too short for the minimum work
   */
  public SequencerTimetable(
      double ethereumSlotDuration,
      double aztecSlotDuration,
      double l1PublishingTime,
      OptionalDouble p2pPropagationTime,
      OptionalLong blockDurationMs,
      boolean enforce) {
    Objects.requireNonNull(p2pPropagationTime, "p2pPropagationTime");
    Objects.requireNonNull(blockDurationMs, "blockDurationMs");
    this.ethereumSlotDuration = ethereumSlotDuration;
    this.aztecSlotDuration = aztecSlotDuration;
    this.l1PublishingTime = l1PublishingTime;
    this.enforce = enforce;
    // A block duration of 0 means "not set", as in the official (a falsy number).
    this.blockDuration =
        blockDurationMs.isPresent() && blockDurationMs.getAsLong() != 0
            ? OptionalDouble.of(blockDurationMs.getAsLong() / 1000.0)
            : OptionalDouble.empty();
    double p2p = p2pPropagationTime.orElse(DEFAULT_P2P_PROPAGATION_TIME);
    double assemble = CHECKPOINT_ASSEMBLE_TIME;
    double init = CHECKPOINT_INITIALIZATION_TIME;
    double minExecution = MIN_EXECUTION_TIME;
    if (ethereumSlotDuration < 8) {
      // Test networks with short L1 slots: free propagation, faster fixed steps.
      p2p = 0;
      assemble = 0.5;
      init = 0.5;
      minExecution = 1;
    }
    if (blockDuration.isPresent() && minExecution > blockDuration.getAsDouble()) {
      minExecution = blockDuration.getAsDouble();
    }
    this.p2pPropagationTime = p2p;
    this.checkpointAssembleTime = assemble;
    this.checkpointInitializationTime = init;
    this.minExecutionTime = minExecution;
    this.initializationOffset = init;
    this.checkpointFinalizationTime = assemble + p2p * 2 + l1PublishingTime;
    if (blockDuration.isEmpty()) {
      this.maxNumberOfBlocks = 1;
    } else {
      double d = blockDuration.getAsDouble();
      double reservedAtEnd = d + checkpointFinalizationTime;
      double available = aztecSlotDuration - initializationOffset - reservedAtEnd;
      this.maxNumberOfBlocks = (int) Math.floor(available / d);
    }
    double minWorkToDo = initializationOffset + minExecutionTime * 2 + checkpointFinalizationTime;
    this.initializeDeadline = aztecSlotDuration - minWorkToDo;
    if (initializeDeadline <= 0) {
      throw new IllegalArgumentException(
          "the slot is too short for the sequencer's timetable: initialize deadline "
              + format(initializeDeadline)
              + " s (a slot of "
              + format(aztecSlotDuration)
              + " s, minimum work "
              + format(minWorkToDo)
              + " s: 2 × execution "
              + format(minExecutionTime)
              + " s + L1 publishing "
              + format(l1PublishingTime)
              + " s + propagation and assembly)");
    }
  }

  /**
   * The latest time into the slot at which {@code state} may be entered; empty for the states
   * without a slot (stopped, idle, synchronizing).
   */
  public OptionalDouble maxAllowedTime(SequencerState state) {
    return switch (state) {
      case STOPPED, STOPPING, IDLE, SYNCHRONIZING -> OptionalDouble.empty();
      case PROPOSER_CHECK, INITIALIZING_CHECKPOINT -> OptionalDouble.of(initializeDeadline);
      case WAITING_FOR_TXS, CREATING_BLOCK, WAITING_UNTIL_NEXT_BLOCK ->
          OptionalDouble.of(initializeDeadline + checkpointInitializationTime);
      case ASSEMBLING_CHECKPOINT, COLLECTING_ATTESTATIONS ->
          OptionalDouble.of(aztecSlotDuration - l1PublishingTime - 2 * p2pPropagationTime);
      case PUBLISHING_CHECKPOINT -> OptionalDouble.of(aztecSlotDuration - l1PublishingTime);
    };
  }

  /**
   * Throws {@link SequencerTooSlowException} when the timetable is enforced and {@code
   * secondsIntoSlot} is past {@code state}'s deadline.
   */
  public void assertTimeLeft(SequencerState state, double secondsIntoSlot) {
    if (!enforce) {
      return;
    }
    OptionalDouble max = maxAllowedTime(state);
    if (max.isPresent() && max.getAsDouble() - secondsIntoSlot < 0) {
      throw new SequencerTooSlowException(state, max.getAsDouble(), secondsIntoSlot);
    }
  }

  /**
   * Whether a block may start at {@code secondsIntoSlot}, and its deadline.
   *
   * <ul>
   *   <li>Not enforced: always, one block, no deadline.
   *   <li>One block per slot: the time left before finalization is split evenly between execution
   *       and the validators' re-execution; the block may start if its half is at least {@code
   *       minExecutionTime}.
   *   <li>Several blocks: the first sub-slot whose end is at least {@code minExecutionTime} away;
   *       sub-slot {@code k} ends at {@code initializationOffset + k × blockDuration}.
   * </ul>
   */
  public BlockStart canStartNextBlock(double secondsIntoSlot) {
    if (!enforce) {
      return new BlockStart(true, OptionalDouble.empty(), true);
    }
    if (blockDuration.isEmpty()) {
      double maxAllowed = aztecSlotDuration - checkpointFinalizationTime;
      double available = (maxAllowed - secondsIntoSlot) / 2;
      return new BlockStart(
          available >= minExecutionTime, OptionalDouble.of(secondsIntoSlot + available), true);
    }
    double d = blockDuration.getAsDouble();
    for (int subSlot = 1; subSlot <= maxNumberOfBlocks; subSlot++) {
      double deadline = initializationOffset + subSlot * d;
      if (deadline - secondsIntoSlot >= minExecutionTime) {
        return new BlockStart(true, OptionalDouble.of(deadline), subSlot == maxNumberOfBlocks);
      }
    }
    return new BlockStart(false, OptionalDouble.empty(), false);
  }

  /** The latest time into the slot at which the sync and proposer checks may start. */
  public double initializeDeadline() {
    return initializeDeadline;
  }

  /** Estimated time of the sync and proposer checks; sub-slots are counted from here. */
  public double initializationOffset() {
    return initializationOffset;
  }

  /** Assembly, propagation round trip and L1 publishing, reserved at the end of the slot. */
  public double checkpointFinalizationTime() {
    return checkpointFinalizationTime;
  }

  /** The least time a block gets for execution. */
  public double minExecutionTime() {
    return minExecutionTime;
  }

  /** One-way p2p propagation. */
  public double p2pPropagationTime() {
    return p2pPropagationTime;
  }

  /** Time to assemble the checkpoint after its last block. */
  public double checkpointAssembleTime() {
    return checkpointAssembleTime;
  }

  /** Time to get ready to build. */
  public double checkpointInitializationTime() {
    return checkpointInitializationTime;
  }

  /** How many blocks fit in a slot. */
  public int maxNumberOfBlocks() {
    return maxNumberOfBlocks;
  }

  /** A block's sub-slot, seconds; empty for one block per slot. */
  public OptionalDouble blockDuration() {
    return blockDuration;
  }

  /** Whether deadlines are enforced. */
  public boolean enforced() {
    return enforce;
  }

  /** The L2 slot, seconds. */
  public double aztecSlotDuration() {
    return aztecSlotDuration;
  }

  /** The L1 slot, seconds. */
  public double ethereumSlotDuration() {
    return ethereumSlotDuration;
  }

  /** The L1 publishing allowance, seconds. */
  public double l1PublishingTime() {
    return l1PublishingTime;
  }

  /** A number of seconds as JavaScript prints it ({@code 14}, {@code 14.001}). */
  static String format(double seconds) {
    if (seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15) {
      return Long.toString((long) seconds);
    }
    return Double.toString(seconds);
  }
}
