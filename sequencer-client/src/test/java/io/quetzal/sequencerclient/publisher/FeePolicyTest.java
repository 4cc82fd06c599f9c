package io.quetzal.sequencerclient.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeePolicyTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private final L1TxConfig config = L1TxConfig.defaults();

  private static BigInteger gwei(double g) {
    return java.math.BigDecimal.valueOf(g).multiply(new java.math.BigDecimal(GWEI)).toBigInteger();
  }

  @Test
  void firstAttemptAddsBaseFeeHeadroomAndTheTwentyPercentBump() {
    GasPrice p =
        FeePolicy.gasPrice(
            config,
            new FeePolicy.Inputs(GWEI, Optional.of(BigInteger.ONE), GWEI),
            true,
            0,
            Optional.empty());
    assertThat(p.maxPriorityFeePerGas()).isEqualTo(gwei(1.2));
    assertThat(p.maxFeePerGas()).isEqualTo(gwei(1.125).add(gwei(1.2)));
    // A blob base fee of 1 wei becomes 2 (ceil of 1.125): the official proposals carry 0x2.
    assertThat(p.maxFeePerBlobGas()).isEqualTo(BigInteger.TWO);
  }

  @Test
  void blobSpeedUpsAtLeastDoubleEveryFee() {
    FeePolicy.Inputs in = new FeePolicy.Inputs(GWEI, Optional.of(BigInteger.ONE), GWEI);
    GasPrice first = FeePolicy.gasPrice(config, in, true, 0, Optional.empty());
    GasPrice second = FeePolicy.gasPrice(config, in, true, 1, Optional.of(first));
    assertThat(second.maxPriorityFeePerGas()).isEqualTo(first.maxPriorityFeePerGas().shiftLeft(1));
    assertThat(second.maxFeePerGas()).isEqualTo(first.maxFeePerGas().shiftLeft(1));
    assertThat(second.maxFeePerBlobGas()).isEqualTo(first.maxFeePerBlobGas().shiftLeft(1));
    // Non-blob: the 50% retry bump (above geth's 10% minimum).
    GasPrice plain1 = FeePolicy.gasPrice(config, in, false, 0, Optional.empty());
    GasPrice plain2 = FeePolicy.gasPrice(config, in, false, 1, Optional.of(plain1));
    assertThat(plain2.maxPriorityFeePerGas())
        .isEqualTo(FeePolicy.percent(plain1.maxPriorityFeePerGas(), 50));
    assertThat(plain2.maxFeePerBlobGas()).isZero();
  }

  @Test
  void capsAreHardLimits() {
    FeePolicy.Inputs in = new FeePolicy.Inputs(gwei(5000), Optional.of(gwei(10_000)), gwei(100));
    GasPrice p = FeePolicy.gasPrice(config, in, true, 0, Optional.empty());
    assertThat(p.maxFeePerGas()).isEqualTo(gwei(2000));
    assertThat(p.maxPriorityFeePerGas()).isEqualTo(gwei(120));
    assertThat(p.maxFeePerBlobGas()).isEqualTo(gwei(3000));
    FeePolicy.Inputs tipHeavy = new FeePolicy.Inputs(GWEI, Optional.empty(), gwei(3000));
    GasPrice q = FeePolicy.gasPrice(config, tipHeavy, false, 0, Optional.empty());
    assertThat(q.maxPriorityFeePerGas()).isEqualTo(q.maxFeePerGas()).isEqualTo(gwei(2000));
  }

  @Test
  void competitiveFeeTakesTheLargestSourceUpToOneHundredTimesTheEstimate() {
    assertThat(FeeOracle.competitive(BigInteger.TEN, List.of(), List.of()))
        .isEqualTo(BigInteger.TEN);
    assertThat(
            FeeOracle.competitive(
                BigInteger.TEN,
                List.of(BigInteger.valueOf(1), BigInteger.valueOf(50), BigInteger.valueOf(20)),
                List.of(BigInteger.valueOf(30), BigInteger.valueOf(40))))
        .isEqualTo(BigInteger.valueOf(50));
    assertThat(FeeOracle.competitive(BigInteger.TEN, List.of(BigInteger.valueOf(5000)), List.of()))
        .isEqualTo(BigInteger.valueOf(1000));
    assertThat(FeeOracle.percentile(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.TEN), 75))
        .isEqualTo(BigInteger.TEN);
  }

  @Test
  void proposeGasLimitIsTheOfficialFormula() {
    // ceil(300000 × 64 / 63) = 304762; + 21000 × 1.2 + 5000; × 1.2.
    long blobGas = config.bumpGasLimit(21_000);
    assertThat(blobGas).isEqualTo(25_200);
    assertThat(SequencerPublisher.proposeGasLimit(config, 300_000, blobGas))
        .isEqualTo((304_762L + 25_200 + 5_000) * 120 / 100);
  }
}
