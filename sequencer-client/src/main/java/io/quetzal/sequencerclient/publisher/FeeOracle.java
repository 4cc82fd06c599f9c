package io.quetzal.sequencerclient.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fee inputs from L1 as the official {@code P75AllTxsPriorityFeeStrategy}: the latest
 * block's base fee, {@code eth_blobBaseFee} (blob transactions), and a competitive priority fee:
 * the largest of {@code eth_maxPriorityFeePerGas}, the 75th percentile of the pending block's
 * priority fees and the median of {@code eth_feeHistory(5, latest, [75])}, capped at 100× the
 * network estimate when that is non-zero. Optional sources that fail count as absent.
 */
public final class FeeOracle {
  private static final Logger LOG = LoggerFactory.getLogger(FeeOracle.class);
  static final int HISTORICAL_BLOCK_COUNT = 5;

  private final L1RpcClient rpc;

  public FeeOracle(L1RpcClient rpc) {
    this.rpc = rpc;
  }

  /** The current inputs of {@link FeePolicy}. */
  public FeePolicy.Inputs read(boolean isBlobTx) {
    JsonNode latest =
        rpc.getBlock("latest").orElseThrow(() -> new L1RpcException("no latest L1 block"));
    BigInteger baseFee =
        latest.hasNonNull("baseFeePerGas")
            ? L1RpcClient.quantity(latest.get("baseFeePerGas"))
            : BigInteger.ZERO;
    Optional<BigInteger> blobBaseFee = Optional.empty();
    if (isBlobTx) {
      try {
        blobBaseFee = Optional.of(L1RpcClient.quantity(rpc.call("eth_blobBaseFee")));
      } catch (RuntimeException e) {
        LOG.warn("Failed to get the L1 blob base fee: {}", e.getMessage());
      }
    }
    BigInteger network = BigInteger.ZERO;
    try {
      network = L1RpcClient.quantity(rpc.call("eth_maxPriorityFeePerGas"));
    } catch (RuntimeException e) {
      LOG.debug("eth_maxPriorityFeePerGas failed: {}", e.getMessage());
    }
    List<BigInteger> pending = new ArrayList<>();
    try {
      JsonNode block = rpc.call("eth_getBlockByNumber", "pending", true);
      if (block != null && block.path("transactions").isArray()) {
        for (JsonNode tx : block.get("transactions")) {
          if (tx.hasNonNull("maxPriorityFeePerGas")) {
            BigInteger fee = L1RpcClient.quantity(tx.get("maxPriorityFeePerGas"));
            if (fee.signum() > 0) {
              pending.add(fee);
            }
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("pending block unavailable: {}", e.getMessage());
    }
    List<BigInteger> history = new ArrayList<>();
    try {
      JsonNode fh =
          rpc.call(
              "eth_feeHistory",
              "0x" + Integer.toHexString(HISTORICAL_BLOCK_COUNT),
              "latest",
              List.of(75));
      if (fh != null && fh.path("reward").isArray()) {
        for (JsonNode r : fh.get("reward")) {
          if (r.isArray() && !r.isEmpty()) {
            BigInteger fee = L1RpcClient.quantity(r.get(0));
            if (fee.signum() > 0) {
              history.add(fee);
            }
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("eth_feeHistory failed: {}", e.getMessage());
    }
    return new FeePolicy.Inputs(baseFee, blobBaseFee, competitive(network, pending, history));
  }

  /** The competitive priority fee from its three sources (pure; see the class comment). */
  static BigInteger competitive(
      BigInteger networkEstimate, List<BigInteger> pendingFees, List<BigInteger> historyP75) {
    BigInteger fee = networkEstimate;
    if (!pendingFees.isEmpty()) {
      fee = fee.max(percentile(pendingFees, 75));
    }
    if (!historyP75.isEmpty()) {
      fee = fee.max(median(historyP75));
    }
    BigInteger cap = networkEstimate.multiply(BigInteger.valueOf(100));
    if (networkEstimate.signum() > 0 && fee.compareTo(cap) > 0) {
      fee = cap;
    }
    return fee;
  }

  /** The official {@code calculatePercentile}: sorted[ceil((n-1) × p / 100)]. */
  static BigInteger percentile(List<BigInteger> values, int p) {
    List<BigInteger> s = values.stream().sorted().toList();
    int index = (int) Math.ceil((s.size() - 1) * (p / 100.0));
    return s.get(index);
  }

  static BigInteger median(List<BigInteger> values) {
    List<BigInteger> s = values.stream().sorted().toList();
    int mid = s.size() / 2;
    return s.size() % 2 != 0 ? s.get(mid) : s.get(mid - 1).add(s.get(mid)).shiftRight(1);
  }
}
