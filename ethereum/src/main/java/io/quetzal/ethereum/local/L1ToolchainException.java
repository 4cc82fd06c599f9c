package io.quetzal.ethereum.local;

/**
 * The L1 tooling (npm, anvil, forge, the L1 artifacts) could not be installed or run. The message
 * is one clear sentence for an operator: what failed and what to do.
 */
public final class L1ToolchainException extends RuntimeException {
  public L1ToolchainException(String message) {
    super(message);
  }

  public L1ToolchainException(String message, Throwable cause) {
    super(message, cause);
  }
}
