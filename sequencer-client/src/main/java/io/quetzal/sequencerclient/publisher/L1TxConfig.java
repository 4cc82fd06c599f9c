package io.quetzal.sequencerclient.publisher;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * The official {@code L1TxUtilsConfig} (defaults and environment variables of 4.1.2).
 *
 * @param gasLimitBufferPercentage {@code L1_GAS_LIMIT_BUFFER_PERCENTAGE} (20)
 * @param maxGwei {@code L1_GAS_PRICE_MAX} (2000): hard cap of {@code maxFeePerGas}
 * @param maxBlobGwei {@code L1_BLOB_FEE_PER_GAS_MAX} (3000): hard cap of {@code maxFeePerBlobGas}
 * @param priorityFeeBumpPercentage {@code L1_PRIORITY_FEE_BUMP_PERCENTAGE} (20): first attempt
 * @param priorityFeeRetryBumpPercentage {@code L1_PRIORITY_FEE_RETRY_BUMP_PERCENTAGE} (50): each
 *     speed-up (at least 10%, or 100% for blob transactions, the geth replacement rules)
 * @param minimumPriorityFeePerGasGwei {@code L1_MINIMUM_PRIORITY_FEE_PER_GAS_GWEI} (0): a floor
 * @param maxSpeedUpAttempts {@code L1_TX_MONITOR_MAX_ATTEMPTS} (3)
 * @param checkInterval {@code L1_TX_MONITOR_CHECK_INTERVAL_MS} (1 s)
 * @param stallTime {@code L1_TX_MONITOR_STALL_TIME_MS} (12 s)
 * @param txTimeout {@code L1_TX_MONITOR_TX_TIMEOUT_MS} (120 s; zero disables)
 * @param cancelTxOnTimeout {@code L1_TX_MONITOR_CANCEL_TX_ON_TIMEOUT} (true)
 */
public record L1TxConfig(
    int gasLimitBufferPercentage,
    double maxGwei,
    double maxBlobGwei,
    int priorityFeeBumpPercentage,
    int priorityFeeRetryBumpPercentage,
    double minimumPriorityFeePerGasGwei,
    int maxSpeedUpAttempts,
    Duration checkInterval,
    Duration stallTime,
    Duration txTimeout,
    boolean cancelTxOnTimeout) {

  /** EIP-7825: the protocol cap on a transaction's gas limit (2^24). */
  public static final long MAX_L1_TX_LIMIT = 16_777_216L;

  /** geth's minimum replacement bump for ordinary transactions. */
  public static final int MIN_REPLACEMENT_BUMP_PERCENTAGE = 10;

  /** geth's blob pool minimum replacement bump. */
  public static final int MIN_BLOB_REPLACEMENT_BUMP_PERCENTAGE = 100;

  /** An L1 block (the base-fee headroom is computed per 12 s of stall time). */
  public static final Duration BLOCK_TIME = Duration.ofSeconds(12);

  private static final BigDecimal GWEI = BigDecimal.valueOf(1_000_000_000L);

  public L1TxConfig {
    if (gasLimitBufferPercentage < 0
        || maxSpeedUpAttempts < 0
        || priorityFeeBumpPercentage < 0
        || priorityFeeRetryBumpPercentage < 0) {
      throw new IllegalArgumentException("negative L1 tx setting");
    }
  }

  /** The official defaults. */
  public static L1TxConfig defaults() {
    return new L1TxConfig(
        20,
        2000,
        3000,
        20,
        50,
        0,
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(12),
        Duration.ofSeconds(120),
        true);
  }

  public L1TxConfig withStallTime(Duration d) {
    return new L1TxConfig(
        gasLimitBufferPercentage,
        maxGwei,
        maxBlobGwei,
        priorityFeeBumpPercentage,
        priorityFeeRetryBumpPercentage,
        minimumPriorityFeePerGasGwei,
        maxSpeedUpAttempts,
        checkInterval,
        d,
        txTimeout,
        cancelTxOnTimeout);
  }

  public L1TxConfig withCancelTxOnTimeout(boolean on) {
    return new L1TxConfig(
        gasLimitBufferPercentage,
        maxGwei,
        maxBlobGwei,
        priorityFeeBumpPercentage,
        priorityFeeRetryBumpPercentage,
        minimumPriorityFeePerGasGwei,
        maxSpeedUpAttempts,
        checkInterval,
        stallTime,
        txTimeout,
        on);
  }

  /** {@code maxGwei} in wei (truncated, as the official). */
  public BigInteger maxFeePerGasWei() {
    return toWei(maxGwei);
  }

  /** {@code maxBlobGwei} in wei. */
  public BigInteger maxFeePerBlobGasWei() {
    return toWei(maxBlobGwei);
  }

  /** {@code minimumPriorityFeePerGasGwei} in wei. */
  public BigInteger minimumPriorityFeeWei() {
    return toWei(minimumPriorityFeePerGasGwei);
  }

  /** {@code gas + gas × buffer% } (integer, as the official {@code bumpGasLimit}). */
  public long bumpGasLimit(long gas) {
    return gas + gas * (gasLimitBufferPercentage * 100L) / 10_000L;
  }

  private static BigInteger toWei(double gwei) {
    return new BigDecimal(gwei).multiply(GWEI).toBigInteger();
  }
}
