package io.quetzal.epochcache;

import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The committee views of a deployed Rollup, called with {@code eth_call} at {@code latest} (they
 * are {@code nonpayable} in the ABI). Thread-safe.
 */
public final class RollupCommitteeSource implements CommitteeSource {
  private final L1RpcClient rpc;
  private final RollupContract rollup;

  public RollupCommitteeSource(L1RpcClient rpc, RollupContract rollup) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  @Override
  public Optional<List<EthAddress>> committeeAt(long timestamp) {
    return rollup.getCommitteeAt(timestamp);
  }

  @Override
  public BigInteger sampleSeedAt(long timestamp) {
    return rollup.getSampleSeedAt(timestamp);
  }

  @Override
  public long latestL1Timestamp() {
    return rpc.latestBlockTimestamp();
  }
}
