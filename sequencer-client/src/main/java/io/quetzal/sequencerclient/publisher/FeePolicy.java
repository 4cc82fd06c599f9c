package io.quetzal.sequencerclient.publisher;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The official {@code ReadOnlyL1TxUtils.getGasPrice}, as a pure function of what L1 said.
 *
 * <ol>
 *   <li>Headroom: the base fee and the blob base fee are each raised by 12.5% (rounded up) once per
 *       12 s of stall time, so the transaction stays valid if it waits that long.
 *   <li>First attempt: {@code priority = competitive × (1 + priorityFeeBump%)}, {@code maxFee =
 *       base + priority}.
 *   <li>Speed-up {@code n ≥ 1}: {@code priority = max(competitive × (1 + retryBump%), previous × (1
 *       + minBump%))} with {@code minBump = max(retryBump, 10)} (100 for blob transactions); {@code
 *       maxFee = max(base + priority, previousMaxFee × (1 + minBump%))}; {@code maxFeePerBlobGas ≥
 *       previous × (1 + max(retryBump, 100)%)}.
 *   <li>Caps: {@code maxFee ≤ L1_GAS_PRICE_MAX}, {@code maxFeePerBlobGas ≤ L1_BLOB_FEE_PER_GAS_MAX}
 *       (before the blob replacement floor, as the official), {@code priority ≤ maxFee}.
 * </ol>
 */
public final class FeePolicy {
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  /**
   * What L1 said.
   *
   * @param baseFee the latest block's {@code baseFeePerGas}
   * @param blobBaseFee {@code eth_blobBaseFee}, if known
   * @param competitivePriorityFee the priority-fee estimate (see {@link FeeOracle})
   */
  public record Inputs(
      BigInteger baseFee, Optional<BigInteger> blobBaseFee, BigInteger competitivePriorityFee) {}

  private FeePolicy() {}

  /**
   * The fees for attempt {@code attempt} (0 = first send).
   *
   * @param previous the previous attempt's fees (required when {@code attempt > 0})
   */
  public static GasPrice gasPrice(
      L1TxConfig config,
      Inputs in,
      boolean isBlobTx,
      int attempt,
      Optional<GasPrice> previous,
      int retryBumpOverride) {
    BigInteger priority = in.competitivePriorityFee();
    BigInteger floor = config.minimumPriorityFeeWei();
    if (floor.signum() > 0 && priority.compareTo(floor) < 0) {
      priority = floor;
    }
    BigInteger maxFee = in.baseFee();
    BigInteger blobFee = isBlobTx ? in.blobBaseFee().orElse(BigInteger.ZERO) : BigInteger.ZERO;
    long blocks =
        (config.stallTime().toMillis() + L1TxConfig.BLOCK_TIME.toMillis() - 1)
            / L1TxConfig.BLOCK_TIME.toMillis();
    for (long i = 0; i < blocks; i++) {
      maxFee = ceilPermille(maxFee, 1125);
      blobFee = ceilPermille(blobFee, 1125);
    }
    int retryBump = retryBumpOverride;
    if (attempt > 0) {
      GasPrice prev =
          previous.orElseThrow(() -> new IllegalArgumentException("speed-up without fees"));
      int minBump =
          isBlobTx
              ? L1TxConfig.MIN_BLOB_REPLACEMENT_BUMP_PERCENTAGE
              : L1TxConfig.MIN_REPLACEMENT_BUMP_PERCENTAGE;
      int bump = Math.max(retryBump, minBump);
      BigInteger minPriority = percent(prev.maxPriorityFeePerGas(), bump);
      BigInteger minMaxFee = percent(prev.maxFeePerGas(), bump);
      BigInteger competitive = percent(priority, retryBump);
      priority = competitive.max(minPriority);
      maxFee = maxFee.add(priority).max(minMaxFee);
    } else {
      priority = percent(priority, config.priorityFeeBumpPercentage());
      maxFee = maxFee.add(priority);
    }
    BigInteger capGas = config.maxFeePerGasWei();
    BigInteger capBlob = config.maxFeePerBlobGasWei();
    if (capGas.signum() > 0) {
      maxFee = maxFee.min(capGas);
    }
    if (blobFee.signum() > 0 && capBlob.signum() > 0) {
      blobFee = blobFee.min(capBlob);
    }
    BigInteger maxPriority = priority.min(maxFee);
    if (attempt > 0 && previous.isPresent() && previous.get().maxFeePerBlobGas().signum() > 0) {
      int bump = Math.max(retryBump, L1TxConfig.MIN_BLOB_REPLACEMENT_BUMP_PERCENTAGE);
      blobFee = blobFee.max(percent(previous.get().maxFeePerBlobGas(), bump));
    }
    return new GasPrice(maxFee, maxPriority, blobFee);
  }

  /** {@link #gasPrice(L1TxConfig, Inputs, boolean, int, Optional, int)} with the config's bump. */
  public static GasPrice gasPrice(
      L1TxConfig config, Inputs in, boolean isBlobTx, int attempt, Optional<GasPrice> previous) {
    return gasPrice(
        config, in, isBlobTx, attempt, previous, config.priorityFeeRetryBumpPercentage());
  }

  /** {@code v × (10000 + pct×100) / 10000}, as the official. */
  static BigInteger percent(BigInteger v, int pct) {
    return v.multiply(TEN_THOUSAND.add(BigInteger.valueOf(pct * 100L))).divide(TEN_THOUSAND);
  }

  private static BigInteger ceilPermille(BigInteger v, int permille) {
    return v.multiply(BigInteger.valueOf(permille))
        .add(BigInteger.valueOf(999))
        .divide(BigInteger.valueOf(1000));
  }
}
