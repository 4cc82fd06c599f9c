package io.quetzal.sequencerclient.publisher;

/**
 * The transaction's deadline ({@code txTimeoutAt} or {@code L1_TX_MONITOR_TX_TIMEOUT_MS}) passed:
 * either before it was sent ({@link #sent()} false: nothing went to L1) or while it was pending.
 */
public final class L1TxTimeoutException extends L1TxException {
  private final boolean sent;

  public L1TxTimeoutException(String message, boolean sent) {
    super(message);
    this.sent = sent;
  }

  /** Whether a transaction had been sent before the deadline passed. */
  public boolean sent() {
    return sent;
  }
}
