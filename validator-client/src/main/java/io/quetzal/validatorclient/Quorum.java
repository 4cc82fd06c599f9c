package io.quetzal.validatorclient;

/**
 * The attestation quorum: {@code floor(2n/3) + 1} signatures of a committee of {@code n} (the
 * sequencer's and archiver's {@code Math.floor((committee.length * 2) / 3) + 1}, L1's {@code
 * (targetCommitteeSize << 1) / 3 + 1}); 33 of 48.
 */
public final class Quorum {
  private Quorum() {}

  /**
   * Signatures needed for a committee of {@code committeeSize}; 0 for an empty committee, which the
   * official node and L1 treat as "no validation" (local networks).
   */
  public static int required(int committeeSize) {
    if (committeeSize < 0) {
      throw new IllegalArgumentException("negative committee size " + committeeSize);
    }
    return committeeSize == 0 ? 0 : committeeSize * 2 / 3 + 1;
  }
}
