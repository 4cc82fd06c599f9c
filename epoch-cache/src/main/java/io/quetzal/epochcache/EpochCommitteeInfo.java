package io.quetzal.epochcache;

import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An epoch's committee and sample seed as L1 reports them. Immutable.
 *
 * @param epoch the epoch
 * @param committee the attesters in L1's order; empty when L1 has no committee for the epoch (too
 *     few validators at the snapshot: {@code ValidatorSelection__InsufficientValidatorSetSize});
 *     present but an empty list when the target committee size is 0 (anyone may propose)
 * @param seed the epoch's sample seed ({@code getSampleSeedAt})
 */
public record EpochCommitteeInfo(
    EpochNumber epoch, Optional<List<EthAddress>> committee, BigInteger seed) {
  public EpochCommitteeInfo {
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(seed, "seed");
    committee = Objects.requireNonNull(committee, "committee").map(List::copyOf);
    if (seed.signum() < 0 || seed.bitLength() > 256) {
      throw new IllegalArgumentException("seed must be a uint256");
    }
  }

  /** Whether there is a non-empty committee (only those are cached). */
  public boolean hasMembers() {
    return committee.map(c -> !c.isEmpty()).orElse(false);
  }

  /**
   * The proposer of {@code slot} (which must be in this epoch); empty when the committee is empty
   * (anyone may propose).
   *
   * @throws NoCommitteeException when there is no committee
   */
  public Optional<EthAddress> proposerAt(SlotNumber slot) {
    List<EthAddress> c = committee.orElseThrow(() -> new NoCommitteeException(epoch));
    if (c.isEmpty()) {
      return Optional.empty();
    }
    int index = ProposerSelection.proposerIndex(epoch, slot, seed, c.size());
    return Optional.of(c.get(index));
  }
}
