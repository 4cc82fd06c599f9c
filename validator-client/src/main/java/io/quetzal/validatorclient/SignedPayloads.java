package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.ethereum.archive.SignatureDomainSeparator;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.List;

/**
 * The byte strings validators sign, as the official {@code getPayloadToSign} of each message
 * ({@code @aztec/stdlib/src/p2p}); the signed value is always {@code keccak256(payload)} and the
 * signature an EIP-191 eth-sign of it.
 *
 * <ul>
 *   <li>Checkpoint proposal (p2p only, never seen by L1): Aztec buffer serialization {@code u32(3)
 *       ‖ CheckpointHeader.toBuffer() (316) ‖ archive (32) ‖ int256 modifier (32, two's
 *       complement)}.
 *   <li>Block proposal (p2p only): {@code u32(0) ‖ BlockHeader.toBuffer() ‖
 *       u32(indexWithinCheckpoint) ‖ inHash ‖ archive ‖ u32(txCount) ‖ txHashes}.
 *   <li>Attestation (checked by L1): the ABI encoding of {@link ConsensusPayload} with domain 1;
 *       its hash is L1's {@code payloadDigest}.
 *   <li>Attestations and signers (checked by L1): see {@link AttestationsAndSigners}.
 * </ul>
 *
 * <p>Stateless.
 */
public final class SignedPayloads {
  private SignedPayloads() {}

  /** The checkpoint proposal payload. */
  public static byte[] checkpointProposal(
      CheckpointHeader header, Fr archive, BigInteger feeAssetPriceModifier) {
    return new BufferWriter(4 + 316 + 64)
        .writeNumber(SignatureDomainSeparator.CHECKPOINT_PROPOSAL.value())
        .writeObject(header)
        .writeFr(archive)
        .writeSignedBigInt(feeAssetPriceModifier, 32)
        .toByteArray();
  }

  /** {@code keccak256} of {@link #checkpointProposal}. */
  public static Bytes32 checkpointProposalHash(
      CheckpointHeader header, Fr archive, BigInteger feeAssetPriceModifier) {
    return Bytes32.wrap(Keccak256.hash(checkpointProposal(header, archive, feeAssetPriceModifier)));
  }

  /** The block proposal payload. */
  public static byte[] blockProposal(
      BlockHeader header, int indexWithinCheckpoint, Fr inHash, Fr archive, List<Fr> txHashes) {
    if (indexWithinCheckpoint < 0) {
      throw new IllegalArgumentException("indexWithinCheckpoint must not be negative");
    }
    BufferWriter w =
        new BufferWriter()
            .writeNumber(SignatureDomainSeparator.BLOCK_PROPOSAL.value())
            .writeObject(header)
            .writeNumber(indexWithinCheckpoint)
            .writeFr(inHash)
            .writeFr(archive)
            .writeNumber(txHashes.size());
    for (Fr h : txHashes) {
      w.writeFr(h);
    }
    return w.toByteArray();
  }

  /** {@code keccak256} of {@link #blockProposal}. */
  public static Bytes32 blockProposalHash(
      BlockHeader header, int indexWithinCheckpoint, Fr inHash, Fr archive, List<Fr> txHashes) {
    return Bytes32.wrap(
        Keccak256.hash(blockProposal(header, indexWithinCheckpoint, inHash, archive, txHashes)));
  }

  /** {@code keccak256} of the attestation payload: L1's {@code payloadDigest}. */
  public static Bytes32 attestationHash(ConsensusPayload payload) {
    return payload.payloadDigest();
  }
}
