package io.quetzal.cli.config;

import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigDecimal;
import java.util.List;

/**
 * The L1 publisher: the keys that send checkpoints to the rollup, and gas limits.
 *
 * @param privateKeys publisher keys, kept secret; when the operator gives none, the start command
 *     uses the first validator key, as Aztec's {@code startNode} does
 * @param gasLimitBufferPercentage added to the estimated gas limit
 * @param maxGwei highest gas price paid, in gwei
 * @param maxBlobGwei highest blob fee per gas paid, in gwei
 * @param priorityFeeBumpPercentage priority fee increase per speed-up attempt
 */
public record PublisherConfig(
    List<Secret<Secp256k1PrivateKey>> privateKeys,
    int gasLimitBufferPercentage,
    BigDecimal maxGwei,
    BigDecimal maxBlobGwei,
    int priorityFeeBumpPercentage) {

  public static final int DEFAULT_GAS_LIMIT_BUFFER_PERCENTAGE = 20;
  public static final BigDecimal DEFAULT_MAX_GWEI = BigDecimal.valueOf(2_000);
  public static final BigDecimal DEFAULT_MAX_BLOB_GWEI = BigDecimal.valueOf(3_000);
  public static final int DEFAULT_PRIORITY_FEE_BUMP_PERCENTAGE = 20;

  public PublisherConfig {
    privateKeys = Keys.distinct(privateKeys, "privateKeys");
    Checks.atLeast(gasLimitBufferPercentage, 0, "gasLimitBufferPercentage");
    maxGwei = positive(maxGwei, "maxGwei");
    maxBlobGwei = positive(maxBlobGwei, "maxBlobGwei");
    Checks.atLeast(priorityFeeBumpPercentage, 0, "priorityFeeBumpPercentage");
  }

  public static PublisherConfig defaults() {
    return new PublisherConfig(
        List.of(),
        DEFAULT_GAS_LIMIT_BUFFER_PERCENTAGE,
        DEFAULT_MAX_GWEI,
        DEFAULT_MAX_BLOB_GWEI,
        DEFAULT_PRIORITY_FEE_BUMP_PERCENTAGE);
  }

  /** The publisher addresses, in key order. */
  public List<EthAddress> addresses() {
    return Keys.addresses(privateKeys);
  }

  public PublisherConfig withPrivateKeys(List<Secret<Secp256k1PrivateKey>> keys) {
    return new PublisherConfig(
        keys, gasLimitBufferPercentage, maxGwei, maxBlobGwei, priorityFeeBumpPercentage);
  }

  /** Normalised so that {@code 2000} and {@code 2000.0} compare equal. */
  private static BigDecimal positive(BigDecimal value, String name) {
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be above zero");
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
