package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.ethereum.archive.CommitteeAttestations;
import io.quetzal.ethereum.archive.SignatureDomainSeparator;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EthAddress;
import java.util.Arrays;
import java.util.List;

/**
 * A checkpoint's attestations in committee order, as the proposer submits them to {@code
 * Rollup.propose} (the official {@code CommitteeAttestationsAndSigners}). Each position carries the
 * member's address and either its signature or the empty signature.
 *
 * <p>The proposer signs {@link #payloadToSign()}: {@code abi.encode(uint8 2, (bytes
 * signatureIndices, bytes signaturesOrAddresses), address[] signers)}, where the tuple is {@link
 * #packed()} and {@code signers} the addresses of the signed positions in committee order. This is
 * what L1's {@code AttestationLib.getAttestationsAndSignersDigest} hashes in {@code
 * ValidatorSelectionLib.verifyProposer} (domain {@code
 * SignatureDomainSeparator.attestationsAndSigners = 2}), checked against the proposer with {@code
 * toEthSignedMessageHash} and OpenZeppelin ECDSA.
 */
public record AttestationsAndSigners(List<CommitteeAttestation> attestations) {
  public AttestationsAndSigners {
    attestations = List.copyOf(attestations);
  }

  /** No committee: nothing to attest (the official {@code empty()}). */
  public static AttestationsAndSigners empty() {
    return new AttestationsAndSigners(List.of());
  }

  /** The addresses of the signed positions, in committee order ({@code getSigners()}). */
  public List<EthAddress> signers() {
    return attestations.stream()
        .filter(a -> a.signed())
        .map(CommitteeAttestation::address)
        .toList();
  }

  /** How many positions are signed. */
  public int signatureCount() {
    return (int) attestations.stream().filter(CommitteeAttestation::signed).count();
  }

  /** The packed form of {@code Rollup.propose}'s {@code _attestations}. */
  public CommitteeAttestations packed() {
    return CommitteeAttestations.pack(attestations);
  }

  /** {@code abi.encode(uint8(2), packed(), signers())}. */
  public byte[] payloadToSign() {
    byte[] tupleWithOffset = packed().abiEncode(); // word 0 is the tuple's offset (32)
    byte[] tuple = Arrays.copyOfRange(tupleWithOffset, 32, tupleWithOffset.length);
    List<EthAddress> signers = signers();
    int headSize = 3 * 32;
    byte[] out = new byte[headSize + tuple.length + 32 + 32 * signers.size()];
    putUint(out, 0, SignatureDomainSeparator.ATTESTATIONS_AND_SIGNERS.value());
    putUint(out, 32, headSize);
    putUint(out, 64, headSize + tuple.length);
    System.arraycopy(tuple, 0, out, headSize, tuple.length);
    int p = headSize + tuple.length;
    putUint(out, p, signers.size());
    for (int i = 0; i < signers.size(); i++) {
      System.arraycopy(signers.get(i).toBytes(), 0, out, p + 32 + 32 * i + 12, 20);
    }
    return out;
  }

  /** {@code keccak256(payloadToSign())}: the hash the proposer eth-signs. */
  public Bytes32 digest() {
    return Bytes32.wrap(Keccak256.hash(payloadToSign()));
  }

  private static void putUint(byte[] out, int offset, long v) {
    for (int i = 0; i < 8; i++) {
      out[offset + 31 - i] = (byte) (v >>> (8 * i));
    }
  }
}
