package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.tx.RevertCode;
import java.math.BigInteger;

/**
 * The receipt of a mined tx as the archiver settles it ({@code getSettledTxReceipt}); the node adds
 * {@code pending}/{@code dropped} for txs it does not find here. JSON: {@code {txHash, status,
 * executionResult, transactionFee (decimal), blockHash, blockNumber, epochNumber}}.
 *
 * @param txHash the tx hash
 * @param status how settled its block is
 * @param revertCode its revert code ({@link #executionResult()} is the JSON form)
 * @param transactionFee the fee paid
 * @param blockHash its block's hash
 * @param blockNumber its block's number
 * @param epochNumber its block's epoch, or null when the epoch duration was not given
 */
public record TxReceipt(
    Fr txHash,
    TxStatus status,
    RevertCode revertCode,
    BigInteger transactionFee,
    Fr blockHash,
    long blockNumber,
    Long epochNumber) {

  /** The settlement levels ({@code TxStatus}); JSON is the lower-case name. */
  public enum TxStatus {
    PROPOSED,
    CHECKPOINTED,
    PROVEN,
    FINALIZED;

    /** The JSON value. */
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code success | app_logic_reverted | teardown_reverted | both_reverted}. */
  public String executionResult() {
    return switch (revertCode) {
      case OK -> "success";
      case APP_LOGIC_REVERTED -> "app_logic_reverted";
      case TEARDOWN_REVERTED -> "teardown_reverted";
      case BOTH_REVERTED -> "both_reverted";
    };
  }
}
