package io.quetzal.sequencerclient.publisher;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The fees of one attempt, in wei.
 *
 * @param maxFeePerGas {@code maxFeePerGas}
 * @param maxPriorityFeePerGas {@code maxPriorityFeePerGas}
 * @param maxFeePerBlobGas {@code maxFeePerBlobGas} (zero for a non-blob transaction)
 */
public record GasPrice(
    BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerBlobGas) {
  public GasPrice {
    Objects.requireNonNull(maxFeePerGas);
    Objects.requireNonNull(maxPriorityFeePerGas);
    Objects.requireNonNull(maxFeePerBlobGas);
  }
}
