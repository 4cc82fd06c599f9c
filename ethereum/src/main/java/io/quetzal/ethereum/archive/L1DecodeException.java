package io.quetzal.ethereum.archive;

/**
 * L1 data (a log, a transaction's calldata, a view's return data, a blob file) that does not have
 * the expected shape. The message names what was being decoded and what is wrong, never a bare
 * index; it is safe to show to an operator.
 */
public class L1DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public L1DecodeException(String message) {
    super(message);
  }

  public L1DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
