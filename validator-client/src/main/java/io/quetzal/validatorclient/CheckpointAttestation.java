package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * An attestation to a checkpoint proposal (the official {@code CheckpointAttestation}): the
 * consensus payload, the attester's eth-signature over its {@code payloadDigest}, and the
 * proposer's signature of the proposal it answers. The p2p wire codec is not here yet.
 */
public record CheckpointAttestation(
    ConsensusPayload payload, EthSignature signature, EthSignature proposerSignature) {
  public CheckpointAttestation {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(proposerSignature, "proposerSignature");
  }

  /** The attester recovered from the signature (strict: v 27/28, low s), empty if none. */
  public Optional<EthAddress> sender() {
    return EthSign.tryRecoverAddress(payload.ethSignedDigest(), signature);
  }

  public SlotNumber slot() {
    return payload.header().slotNumber();
  }
}
