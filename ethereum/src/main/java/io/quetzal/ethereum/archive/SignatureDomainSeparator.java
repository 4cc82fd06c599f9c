package io.quetzal.ethereum.archive;

/**
 * The domain separators of signed Aztec payloads ({@code signature_utils.ts}; the Solidity enum
 * uses the same numbers for the two it knows, 1 and 2).
 */
public enum SignatureDomainSeparator {
  BLOCK_PROPOSAL(0),
  CHECKPOINT_ATTESTATION(1),
  ATTESTATIONS_AND_SIGNERS(2),
  CHECKPOINT_PROPOSAL(3),
  SIGNED_TXS(4);

  private final int value;

  SignatureDomainSeparator(int value) {
    this.value = value;
  }

  /** The uint8 written in the payload. */
  public int value() {
    return value;
  }
}
