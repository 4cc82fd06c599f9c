package io.quetzal.epochcache;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What the epoch cache reads from L1. {@link RollupCommitteeSource} is the real one; tests use a
 * fake. Implementations must be thread-safe.
 */
public interface CommitteeSource {
  /**
   * The Rollup's {@code getCommitteeAt(timestamp)}; empty when L1 has no committee (too few
   * validators).
   */
  Optional<List<EthAddress>> committeeAt(long timestamp);

  /** The Rollup's {@code getSampleSeedAt(timestamp)}. */
  BigInteger sampleSeedAt(long timestamp);

  /** The timestamp of the latest L1 block. */
  long latestL1Timestamp();
}
