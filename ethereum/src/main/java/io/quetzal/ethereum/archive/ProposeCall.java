package io.quetzal.ethereum.archive;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The arguments of one {@code Rollup.propose} call (4.1.2 ABI):
 *
 * <pre>
 * propose(ProposeArgs{bytes32 archive; OracleInput{int256 feeAssetPriceModifier}; ProposedHeader header},
 *         CommitteeAttestations{bytes signatureIndices; bytes signaturesOrAddresses},
 *         address[] signers, Signature{uint8 v; bytes32 r; bytes32 s} attestationsAndSignersSignature,
 *         bytes blobInput)
 * </pre>
 *
 * {@code ProposeArgs} is all static, so it sits in the head (14 words), followed by the offset of
 * the attestations, the offset of the signers, the three signature words and the offset of the blob
 * input (20 head words in all).
 *
 * @param archive the archive root after the checkpoint
 * @param feeAssetPriceModifier the oracle input
 * @param header the checkpoint header
 * @param attestations the packed attestations
 * @param signers the addresses that signed (committee order)
 * @param attestationsAndSignersSignature the proposer's signature over attestations and signers
 * @param blobInput {@code uint8 numBlobs ‖ numBlobs × 48-byte KZG commitment}
 */
public record ProposeCall(
    Fr archive,
    BigInteger feeAssetPriceModifier,
    CheckpointHeader header,
    CommitteeAttestations attestations,
    List<EthAddress> signers,
    EthSignature attestationsAndSignersSignature,
    byte[] blobInput) {

  /** The canonical signature of {@code propose}. */
  public static final String SIGNATURE =
      "propose((bytes32,(int256),(bytes32,bytes32,bytes32,bytes32,bytes32,uint256,uint256,address,"
          + "bytes32,(uint128,uint128),uint256)),(bytes,bytes),address[],(uint8,bytes32,bytes32),bytes)";

  /** The 4-byte selector of {@code propose}, 0x-hex. */
  public static final String SELECTOR = Abi.selector(SIGNATURE);

  /** Size of a compressed BLS12-381 G1 point (a KZG commitment). */
  public static final int COMMITMENT_SIZE = 48;

  public ProposeCall {
    signers = List.copyOf(signers);
    blobInput = blobInput.clone();
  }

  @Override
  public byte[] blobInput() {
    return blobInput.clone();
  }

  /** The KZG commitments in {@link #blobInput()}, in blob order. */
  public List<byte[]> blobCommitments() {
    if (blobInput.length == 0) {
      throw new L1DecodeException("propose calldata: blobInput is empty");
    }
    int n = blobInput[0] & 0xff;
    if (blobInput.length < 1 + n * COMMITMENT_SIZE) {
      throw new L1DecodeException(
          "propose calldata: blobInput announces "
              + n
              + " blobs but has "
              + blobInput.length
              + " bytes (needs "
              + (1 + n * COMMITMENT_SIZE)
              + ")");
    }
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = 1 + i * COMMITMENT_SIZE;
      out.add(Arrays.copyOfRange(blobInput, at, at + COMMITMENT_SIZE));
    }
    return out;
  }

  /** The payload attesters signed; its digest is the event's {@code payloadDigest}. */
  public ConsensusPayload consensusPayload() {
    return new ConsensusPayload(header, archive, feeAssetPriceModifier);
  }

  /** True when {@code calldata} (0x-hex or bytes) starts with the propose selector. */
  public static boolean isPropose(byte[] calldata) {
    return calldata.length >= 4 && Hex.encode(Arrays.copyOf(calldata, 4)).equals(SELECTOR);
  }

  /**
   * Decodes {@code propose} calldata (selector included).
   *
   * @throws L1DecodeException naming the field when the data does not match the ABI
   */
  public static ProposeCall decode(byte[] calldata) {
    if (!isPropose(calldata)) {
      throw new L1DecodeException(
          "not a propose call: selector "
              + (calldata.length >= 4 ? Hex.encode(Arrays.copyOf(calldata, 4)) : "missing")
              + ", expected "
              + SELECTOR);
    }
    AbiReader r =
        AbiReader.of(Arrays.copyOfRange(calldata, 4, calldata.length), "propose calldata");
    Fr archive = fr(r, 0, "archive");
    BigInteger modifier = r.int256(32, "oracleInput.feeAssetPriceModifier");
    CheckpointHeader header = header(r, 64);

    AbiReader att = r.at(448, "attestations");
    CommitteeAttestations attestations =
        new CommitteeAttestations(
            att.dynamicBytes(0, "attestations.signatureIndices"),
            att.dynamicBytes(32, "attestations.signaturesOrAddresses"));

    int nSigners = r.arrayLength(480, 32, "signers");
    AbiReader signerWords = r.arrayElements(480, "signers");
    List<EthAddress> signers = new ArrayList<>(nSigners);
    for (int i = 0; i < nSigners; i++) {
      signers.add(signerWords.address(32 * i, "signers[" + i + "]"));
    }
    EthSignature sig =
        new EthSignature(
            r.word(544, "attestationsAndSignersSignature.r"),
            r.word(576, "attestationsAndSignersSignature.s"),
            r.uint8(512, "attestationsAndSignersSignature.v"));
    byte[] blobInput = r.dynamicBytes(608, "blobInput");
    return new ProposeCall(archive, modifier, header, attestations, signers, sig, blobInput);
  }

  private static CheckpointHeader header(AbiReader r, int at) {
    Fr feeRecipient = fr(r, at + 256, "header.feeRecipient");
    return guard(
        () ->
            new CheckpointHeader(
                fr(r, at, "header.lastArchiveRoot"),
                fr(r, at + 32, "header.blockHeadersHash"),
                fr(r, at + 64, "header.blobsHash"),
                fr(r, at + 96, "header.inHash"),
                fr(r, at + 128, "header.outHash"),
                SlotNumber.of(r.uintLong(at + 160, "header.slotNumber")),
                r.uintLong(at + 192, "header.timestamp"),
                r.address(at + 224, "header.coinbase"),
                AztecAddress.fromField(feeRecipient),
                new GasFees(
                    r.uint(at + 288, 128, "header.gasFees.feePerDaGas"),
                    r.uint(at + 320, 128, "header.gasFees.feePerL2Gas")),
                fr(r, at + 352, "header.totalManaUsed")),
        "header");
  }

  private static Fr fr(AbiReader r, int offset, String field) {
    Bytes32 w = r.bytes32(offset, field);
    try {
      return w.toFr();
    } catch (IllegalArgumentException e) {
      throw new L1DecodeException(
          "propose calldata: " + field + " " + w + " is not a BN254 field element", e);
    }
  }

  private static <T> T guard(Supplier<T> s, String what) {
    try {
      return s.get();
    } catch (L1DecodeException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new L1DecodeException("propose calldata: invalid " + what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProposeCall p
        && archive.equals(p.archive)
        && feeAssetPriceModifier.equals(p.feeAssetPriceModifier)
        && header.equals(p.header)
        && attestations.equals(p.attestations)
        && signers.equals(p.signers)
        && attestationsAndSignersSignature.equals(p.attestationsAndSignersSignature)
        && Arrays.equals(blobInput, p.blobInput);
  }

  @Override
  public int hashCode() {
    return archive.hashCode() * 31 + Arrays.hashCode(blobInput);
  }

  @Override
  public String toString() {
    return "ProposeCall[archive="
        + archive
        + ", slot="
        + header.slotNumber()
        + ", signers="
        + signers.size()
        + ", blobInput="
        + blobInput.length
        + " bytes]";
  }
}
