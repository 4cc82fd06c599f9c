package io.quetzal.sequencerclient;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;

/**
 * What the slot loop asks L1's rollup. An interface so that the loop runs on a manual clock in
 * tests with an L1 that answers as the test needs; {@link L1RollupView} is the real one.
 */
public interface RollupView {
  /** The timestamp of L1's latest block. */
  long latestL1BlockTimestamp();

  /** {@code getManaMinFeeAt(timestamp, true)}: the L2 gas fee the rollup requires then. */
  BigInteger manaMinFeeAt(long timestamp);

  /**
   * {@code canProposeAtTime(timestamp, archive, who)} simulated from {@code who}: whether {@code
   * who} may propose on top of {@code archive} in an L1 block at {@code timestamp}, after any prune
   * L1 would do first.
   */
  ProposeCheck canProposeAtTime(long timestamp, Fr archive, EthAddress who);

  /** What {@link #canProposeAtTime} answered. */
  sealed interface ProposeCheck {
    /** Allowed: the slot of {@code timestamp} and the number the new checkpoint would get. */
    record Allowed(long slot, long checkpointNumber) implements ProposeCheck {}

    /**
     * Refused: the rollup's custom error ({@code Rollup__SlotAlreadyInChain}, {@code
     * Rollup__InvalidArchive}, {@code ValidatorSelection__InvalidProposer}, ...) or the failure.
     */
    record Refused(String reason) implements ProposeCheck {}
  }
}
