package io.quetzal.validatorclient;

import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.util.Objects;

/**
 * One signing duty: at most one payload may ever be signed for it.
 *
 * @param validator the signing key's address
 * @param slot the slot the signed payload belongs to
 * @param duty what is signed
 * @param blockIndex the block index within the checkpoint for {@link Duty#BLOCK_PROPOSAL}; 0 for
 *     every other duty (the official store uses -1)
 */
public record DutyKey(EthAddress validator, SlotNumber slot, Duty duty, int blockIndex) {
  public DutyKey {
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(duty, "duty");
    if (blockIndex < 0) {
      throw new IllegalArgumentException("blockIndex must not be negative, got " + blockIndex);
    }
    if (duty != Duty.BLOCK_PROPOSAL && blockIndex != 0) {
      throw new IllegalArgumentException("blockIndex is only meaningful for BLOCK_PROPOSAL");
    }
  }

  public static DutyKey checkpointProposal(EthAddress validator, SlotNumber slot) {
    return new DutyKey(validator, slot, Duty.CHECKPOINT_PROPOSAL, 0);
  }

  public static DutyKey blockProposal(EthAddress validator, SlotNumber slot, int blockIndex) {
    return new DutyKey(validator, slot, Duty.BLOCK_PROPOSAL, blockIndex);
  }

  public static DutyKey attestation(EthAddress validator, SlotNumber slot) {
    return new DutyKey(validator, slot, Duty.ATTESTATION, 0);
  }

  public static DutyKey attestationsAndSigners(EthAddress validator, SlotNumber slot) {
    return new DutyKey(validator, slot, Duty.ATTESTATIONS_AND_SIGNERS, 0);
  }

  /** {@code validator 0x…, slot N, duty X[, block index I]}: for messages. */
  public String describe() {
    return "validator "
        + validator
        + ", slot "
        + slot.value()
        + ", duty "
        + duty
        + (duty == Duty.BLOCK_PROPOSAL ? ", block index " + blockIndex : "");
  }
}
