package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every signature a proposer or attester makes (the official {@code ValidationService} with the
 * slashing-protecting signer in front of the key store). Each method computes the payload hash,
 * records it in {@link SlashingProtection} (committed before signing), then eth-signs it: {@code
 * sign(keccak256("\x19Ethereum Signed Message:\n32" ‖ hash))}, {@code v} 27/28, low {@code s},
 * deterministic (RFC 6979).
 *
 * <p>Slot of each duty: the checkpoint header's slot for checkpoint proposals and attestations, the
 * block header's slot for block proposals, the caller's for attestations-and-signers.
 *
 * <p>Thread-safe.
 */
public final class ValidatorSigner {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorSigner.class);

  private final ValidatorKeyStore keys;
  private final SlashingProtection protection;

  public ValidatorSigner(ValidatorKeyStore keys, SlashingProtection protection) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.protection = Objects.requireNonNull(protection, "protection");
  }

  public ValidatorKeyStore keys() {
    return keys;
  }

  /**
   * The checkpoint proposal signature (gossiped with the {@code CheckpointProposal}).
   *
   * @throws SlashingProtectionException if {@code proposer} signed another checkpoint proposal for
   *     the slot
   */
  public EthSignature signCheckpointProposal(
      EthAddress proposer, CheckpointHeader header, Fr archive, BigInteger feeAssetPriceModifier) {
    Bytes32 hash = SignedPayloads.checkpointProposalHash(header, archive, feeAssetPriceModifier);
    return sign(DutyKey.checkpointProposal(proposer, header.slotNumber()), hash);
  }

  /**
   * A block proposal signature (multi-block checkpoints; also the last block of a checkpoint
   * proposal, which the official node signs before the checkpoint).
   *
   * @throws SlashingProtectionException if {@code proposer} signed another block for that slot and
   *     index
   */
  public EthSignature signBlockProposal(
      EthAddress proposer,
      BlockHeader header,
      int indexWithinCheckpoint,
      Fr inHash,
      Fr archive,
      List<Fr> txHashes) {
    Bytes32 hash =
        SignedPayloads.blockProposalHash(header, indexWithinCheckpoint, inHash, archive, txHashes);
    SlotNumber slot = header.globalVariables().slotNumber();
    return sign(DutyKey.blockProposal(proposer, slot, indexWithinCheckpoint), hash);
  }

  /**
   * One attestation by {@code attester}.
   *
   * @throws SlashingProtectionException if {@code attester} attested to another payload in the slot
   */
  public CheckpointAttestation attest(
      EthAddress attester, ConsensusPayload payload, EthSignature proposerSignature) {
    Bytes32 hash = SignedPayloads.attestationHash(payload);
    EthSignature sig = sign(DutyKey.attestation(attester, payload.header().slotNumber()), hash);
    return new CheckpointAttestation(payload, sig, proposerSignature);
  }

  /**
   * Attestations by each of {@code attesters}, skipping (with a warning) those slashing protection
   * refuses, as the official {@code attestToCheckpointProposal} does.
   */
  public List<CheckpointAttestation> attestAll(
      List<EthAddress> attesters, ConsensusPayload payload, EthSignature proposerSignature) {
    List<CheckpointAttestation> out = new ArrayList<>(attesters.size());
    for (EthAddress a : attesters) {
      try {
        out.add(attest(a, payload, proposerSignature));
      } catch (SlashingProtectionException e) {
        LOG.warn("not attesting: {}", e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The proposer's signature over the attestations and signers it submits to L1 ({@code
   * attestationsAndSignersSignature} of {@code Rollup.propose}).
   *
   * @throws SlashingProtectionException if {@code proposer} signed other attestations for the slot
   */
  public EthSignature signAttestationsAndSigners(
      EthAddress proposer, SlotNumber slot, AttestationsAndSigners attestations) {
    return sign(DutyKey.attestationsAndSigners(proposer, slot), attestations.digest());
  }

  private EthSignature sign(DutyKey duty, Bytes32 hash) {
    if (!keys.contains(duty.validator())) {
      throw new IllegalArgumentException("no validator key for address " + duty.validator());
    }
    protection.checkAndRecord(duty, hash); // committed before the signature exists
    return keys.ethSign(duty.validator(), hash.toBytes());
  }
}
