package io.quetzal.sequencerclient.publisher;

/** An L1 transaction could not be sent or was not mined. Messages never contain keys. */
public class L1TxException extends RuntimeException {
  public L1TxException(String message) {
    super(message);
  }

  public L1TxException(String message, Throwable cause) {
    super(message, cause);
  }
}
