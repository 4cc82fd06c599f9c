package io.quetzal.epochcache;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** A scripted L1 that records the timestamps it is asked about. */
final class FakeL1 implements CommitteeSource {
  final List<Long> committeeCalls = new ArrayList<>();
  final List<Long> seedCalls = new ArrayList<>();
  final Map<Long, Optional<List<EthAddress>>> byEpoch = new HashMap<>();
  final L1RollupConstants constants;
  LongFunction<Optional<List<EthAddress>>> fallback = e -> Optional.empty();
  long l1Timestamp;

  FakeL1(L1RollupConstants constants, long l1Timestamp) {
    this.constants = constants;
    this.l1Timestamp = l1Timestamp;
  }

  static BigInteger seedOf(long epoch) {
    return BigInteger.valueOf(epoch)
        .multiply(BigInteger.valueOf(1_000_003))
        .add(BigInteger.TWO.pow(200));
  }

  @Override
  public synchronized Optional<List<EthAddress>> committeeAt(long timestamp) {
    committeeCalls.add(timestamp);
    long epoch = constants.epochAtTimestamp(timestamp).value();
    return byEpoch.containsKey(epoch) ? byEpoch.get(epoch) : fallback.apply(epoch);
  }

  @Override
  public synchronized BigInteger sampleSeedAt(long timestamp) {
    seedCalls.add(timestamp);
    return seedOf(constants.epochAtTimestamp(timestamp).value());
  }

  @Override
  public synchronized long latestL1Timestamp() {
    return l1Timestamp;
  }
}
