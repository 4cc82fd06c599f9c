package io.quetzal.epochcache;

import io.quetzal.foundation.types.EpochNumber;

/**
 * L1 has no committee for an epoch (the official {@code NoCommitteeError}): the validator set at
 * its snapshot was smaller than the target committee size.
 */
public final class NoCommitteeException extends RuntimeException {
  private final transient EpochNumber epoch;

  public NoCommitteeException(EpochNumber epoch) {
    super("The rollup has no committee for epoch " + epoch);
    this.epoch = epoch;
  }

  /** The epoch without a committee. */
  public EpochNumber epoch() {
    return epoch;
  }
}
