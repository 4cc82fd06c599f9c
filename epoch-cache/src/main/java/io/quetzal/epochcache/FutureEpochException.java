package io.quetzal.epochcache;

import io.quetzal.foundation.types.EpochNumber;

/**
 * The committee of an epoch was asked for before L1 can know it: the epoch's validator-set snapshot
 * time is later than the latest L1 block (usually an L1 node that is not synced).
 */
public final class FutureEpochException extends RuntimeException {
  public FutureEpochException(EpochNumber epoch, long timestamp, long l1Timestamp) {
    super(
        "Cannot query committee for future epoch "
            + epoch
            + " with timestamp "
            + timestamp
            + " (current L1 time is "
            + l1Timestamp
            + "). Check your Ethereum node is synced.");
  }
}
