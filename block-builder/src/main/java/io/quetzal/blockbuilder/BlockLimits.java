package io.quetzal.blockbuilder;

/**
 * Per-block limits handed to tx processing (the official {@code PublicProcessorLimits} without the
 * deadline): {@link Long#MAX_VALUE} means no limit.
 *
 * @param maxTransactions the most txs in the block
 * @param maxL2Gas the most mana (L2 gas) the block may use
 * @param maxDaGas the most DA gas the block may use
 * @param maxBlobFields the most blob fields the block's txs may take (block-end overhead excluded)
 */
public record BlockLimits(long maxTransactions, long maxL2Gas, long maxDaGas, long maxBlobFields) {
  /** No limit at all. */
  public static final BlockLimits UNLIMITED =
      new BlockLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  public BlockLimits {
    if (maxTransactions < 0 || maxL2Gas < 0 || maxDaGas < 0 || maxBlobFields < 0) {
      throw new IllegalArgumentException(
          "negative block limit: "
              + maxTransactions
              + "/"
              + maxL2Gas
              + "/"
              + maxDaGas
              + "/"
              + maxBlobFields);
    }
  }
}
