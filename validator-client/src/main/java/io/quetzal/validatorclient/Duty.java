package io.quetzal.validatorclient;

/**
 * What a validator key signs, for slashing protection: the four slot-bound duties of the official
 * {@code DutyType} ({@code @aztec/validator-ha-signer}) that can be slashed for equivocation. The
 * official governance/slashing votes, auth requests and signed txs are not slot-bound proposals and
 * are not covered here.
 */
public enum Duty {
  /** A block proposal (one per block index within the slot's checkpoint). */
  BLOCK_PROPOSAL(1),
  /** The checkpoint proposal of a slot. */
  CHECKPOINT_PROPOSAL(2),
  /** An attestation to a slot's checkpoint. */
  ATTESTATION(3),
  /** The proposer's signature over the packed attestations and signers it submits to L1. */
  ATTESTATIONS_AND_SIGNERS(4);

  private final int code;

  Duty(int code) {
    this.code = code;
  }

  /** The byte stored in the protection database (stable: never renumber). */
  int code() {
    return code;
  }

  static Duty fromCode(int code) {
    for (Duty d : values()) {
      if (d.code == code) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown duty code " + code);
  }
}
