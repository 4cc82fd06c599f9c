package io.quetzal.sequencerclient.timetable;

import io.quetzal.sequencerclient.SequencerState;
import java.util.Locale;

/**
 * The slot has gone too far to enter a state: the work of the slot is given up (the official {@code
 * SequencerTooSlowError}, with the same message).
 */
public final class SequencerTooSlowException extends RuntimeException {
  private final SequencerState state;
  private final double maxAllowedTime;
  private final double secondsIntoSlot;

  public SequencerTooSlowException(
      SequencerState state, double maxAllowedTime, double secondsIntoSlot) {
    super(
        "Too far into slot for "
            + state
            + " (time into slot "
            + SequencerTimetable.format(secondsIntoSlot)
            + "s greater than "
            + SequencerTimetable.format(maxAllowedTime)
            + "s allowance)");
    this.state = state;
    this.maxAllowedTime = maxAllowedTime;
    this.secondsIntoSlot = secondsIntoSlot;
  }

  /** The state that could not be entered. */
  public SequencerState state() {
    return state;
  }

  /** The latest time into the slot at which the state may be entered. */
  public double maxAllowedTime() {
    return maxAllowedTime;
  }

  /** When it was tried, in seconds into the slot. */
  public double secondsIntoSlot() {
    return secondsIntoSlot;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SequencerTooSlowException: %s", getMessage());
  }
}
