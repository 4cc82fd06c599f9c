package io.quetzal.ethereum.archive;

/** No {@code propose} call in a checkpoint's L1 transaction matches its event. */
public class ProposeCalldataNotFoundException extends L1DecodeException {
  private static final long serialVersionUID = 1L;

  public ProposeCalldataNotFoundException(String message) {
    super(message);
  }

  public ProposeCalldataNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
