package io.quetzal.blockbuilder;

import java.util.List;

/**
 * Fewer txs were processed than a block needs ({@code minValidTxs}): the block was not built and
 * the fork is unchanged (the official {@code InsufficientValidTxsError}).
 */
public final class InsufficientValidTxsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int processed;
  private final int required;
  private final transient List<TxProcessor.FailedTx> failed;

  public InsufficientValidTxsException(
      int processed, int required, List<TxProcessor.FailedTx> failed) {
    super(
        "Insufficient valid txs for block: processed "
            + processed
            + ", required "
            + required
            + " ("
            + failed.size()
            + " failed)");
    this.processed = processed;
    this.required = required;
    this.failed = List.copyOf(failed);
  }

  public int processed() {
    return processed;
  }

  public int required() {
    return required;
  }

  /** The txs that failed processing (to drop from the pool). */
  public List<TxProcessor.FailedTx> failed() {
    return failed == null ? List.of() : failed;
  }
}
