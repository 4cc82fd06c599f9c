package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.Bytes32;

/**
 * Refusal to sign: a different payload was already signed for the same duty (the official {@code
 * SlashingProtectionError}). The message names the validator, slot, duty and both payload hashes
 * (public values: no key material).
 */
public final class SlashingProtectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DutyKey duty;

  public SlashingProtectionException(DutyKey duty, Bytes32 signedHash, Bytes32 attemptedHash) {
    super(
        "slashing protection: refusing to sign for "
            + duty.describe()
            + ": payload "
            + attemptedHash
            + " differs from the already signed "
            + signedHash);
    this.duty = duty;
  }

  /** The duty that was refused. */
  public DutyKey duty() {
    return duty;
  }
}
