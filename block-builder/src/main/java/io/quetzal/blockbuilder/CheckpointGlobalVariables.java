package io.quetzal.blockbuilder;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.GlobalVariables;
import java.util.Objects;

/**
 * The global variables shared by every block of a checkpoint (the official {@code
 * CheckpointGlobalVariables}): a block's {@link GlobalVariables} are these plus its number (and its
 * timestamp, which for a proposal is this same slot timestamp).
 *
 * @param chainId the L1 chain id
 * @param version the rollup version
 * @param slotNumber the slot
 * @param timestamp the slot's start, seconds since the epoch
 * @param coinbase the L1 address paid for the checkpoint
 * @param feeRecipient the L2 address receiving fees
 * @param gasFees the fees per gas unit
 */
public record CheckpointGlobalVariables(
    Fr chainId,
    Fr version,
    SlotNumber slotNumber,
    long timestamp,
    EthAddress coinbase,
    AztecAddress feeRecipient,
    GasFees gasFees) {
  public CheckpointGlobalVariables {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(slotNumber, "slotNumber");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(gasFees, "gasFees");
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be non-negative: " + timestamp);
    }
  }

  /** The global variables of block {@code blockNumber} at {@code blockTimestamp}. */
  public GlobalVariables forBlock(BlockNumber blockNumber, long blockTimestamp) {
    return new GlobalVariables(
        chainId, version, blockNumber, slotNumber, blockTimestamp, coinbase, feeRecipient, gasFees);
  }

  /** The checkpoint part of a block's global variables. */
  public static CheckpointGlobalVariables of(GlobalVariables gv) {
    return new CheckpointGlobalVariables(
        gv.chainId(),
        gv.version(),
        gv.slotNumber(),
        gv.timestamp(),
        gv.coinbase(),
        gv.feeRecipient(),
        gv.gasFees());
  }
}
