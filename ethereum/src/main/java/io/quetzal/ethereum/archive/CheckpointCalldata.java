package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.List;

/**
 * What the archiver takes from a checkpoint's {@code propose} calldata, after checking it against
 * its {@code CheckpointProposed} event (the official {@code CheckpointData}).
 *
 * @param checkpointNumber from the event
 * @param archive the archive root after the checkpoint
 * @param feeAssetPriceModifier the oracle input
 * @param header the checkpoint header
 * @param attestations the attestations unpacked to the target committee size
 * @param packedAttestations the attestations as posted
 * @param signers the {@code _signers} argument
 * @param attestationsAndSignersSignature the proposer's signature over attestations and signers
 * @param blobCommitments the KZG commitments of the blob input, in blob order
 * @param l1BlockHash the L1 block that holds the transaction
 * @param payloadDigest equal to the event's (checked)
 * @param attestationsHash equal to the event's (checked)
 */
public record CheckpointCalldata(
    long checkpointNumber,
    Fr archive,
    BigInteger feeAssetPriceModifier,
    CheckpointHeader header,
    List<CommitteeAttestation> attestations,
    CommitteeAttestations packedAttestations,
    List<EthAddress> signers,
    EthSignature attestationsAndSignersSignature,
    List<byte[]> blobCommitments,
    Bytes32 l1BlockHash,
    Bytes32 payloadDigest,
    Bytes32 attestationsHash) {
  public CheckpointCalldata {
    attestations = List.copyOf(attestations);
    signers = List.copyOf(signers);
    blobCommitments = blobCommitments.stream().map(byte[]::clone).toList();
  }

  /** The consensus payload the attestations sign. */
  public ConsensusPayload consensusPayload() {
    return new ConsensusPayload(header, archive, feeAssetPriceModifier);
  }
}
