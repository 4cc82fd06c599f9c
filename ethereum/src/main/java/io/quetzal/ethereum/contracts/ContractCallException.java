package io.quetzal.ethereum.contracts;

import io.quetzal.ethereum.rpc.L1RpcException;
import java.util.Optional;

/**
 * A contract view failed: it reverted (the revert data is kept, so callers can match a custom
 * error's selector), or its answer did not decode.
 */
public final class ContractCallException extends L1RpcException {
  private final String revertData;

  public ContractCallException(String message) {
    super(message);
    this.revertData = null;
  }

  public ContractCallException(String message, String revertData, Throwable cause) {
    super(message, cause);
    this.revertData = revertData;
  }

  /** The revert data (0x-hex), when the call reverted with some. */
  public Optional<String> revertData() {
    return Optional.ofNullable(revertData);
  }

  /** Whether the call reverted with the custom error of this selector (0x + 8 hex digits). */
  public boolean isCustomError(String selector) {
    return revertData != null && revertData.toLowerCase().startsWith(selector.toLowerCase());
  }
}
