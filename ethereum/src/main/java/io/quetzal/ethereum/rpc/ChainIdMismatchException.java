package io.quetzal.ethereum.rpc;

/** An L1 host reports another chain than the configured {@code L1_CHAIN_ID}. */
public final class ChainIdMismatchException extends L1RpcException {
  private final long expected;
  private final long actual;

  public ChainIdMismatchException(String host, long expected, long actual) {
    super(
        "L1 chain id mismatch: "
            + host
            + " answers eth_chainId "
            + actual
            + " but L1_CHAIN_ID is "
            + expected
            + "; point ETHEREUM_HOSTS at a node of chain "
            + expected
            + " or set L1_CHAIN_ID="
            + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }
}
