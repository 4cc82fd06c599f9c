package io.quetzal.blockbuilder;

import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.SlotNumber;

/**
 * A checkpoint failed {@link CheckpointValidator} (the official {@code CheckpointValidationError}).
 */
public final class CheckpointValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long checkpointNumber;
  private final long slot;

  public CheckpointValidationException(String message, CheckpointNumber number, SlotNumber slot) {
    super(message);
    this.checkpointNumber = number.value();
    this.slot = slot.value();
  }

  public CheckpointNumber checkpointNumber() {
    return CheckpointNumber.of(checkpointNumber);
  }

  public SlotNumber slot() {
    return SlotNumber.of(slot);
  }
}
