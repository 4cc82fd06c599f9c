package io.quetzal.sequencerclient.publisher;

import io.quetzal.ethereum.archive.CommitteeAttestations;
import io.quetzal.ethereum.archive.ProposeCall;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes {@code Rollup.propose} calldata (the inverse of {@link ProposeCall#decode}), byte for
 * byte as viem's {@code encodeFunctionData} does for the 4.1.2 Rollup ABI:
 *
 * <pre>
 * selector ‖ head (20 words):
 *   0  archive                       1  oracleInput.feeAssetPriceModifier (int256)
 *   2-13 header: lastArchiveRoot, blockHeadersHash, blobsHash, inHash, outHash, slotNumber,
 *        timestamp, coinbase, feeRecipient, gasFees.feePerDaGas, gasFees.feePerL2Gas, totalManaUsed
 *   14 offset(attestations)          15 offset(signers)
 *   16-18 attestationsAndSignersSignature v, r, s
 *   19 offset(blobInput)
 * tail: attestations (offset, offset, bytes, bytes) ‖ signers (length, words) ‖ blobInput (bytes)
 * </pre>
 */
public final class ProposeCalldata {
  private static final int HEAD_WORDS = 20;

  private ProposeCalldata() {}

  /** The calldata of {@code propose} with these arguments (selector included). */
  public static byte[] encode(ProposeCall call) {
    byte[] attestations = attestationsTuple(call.attestations());
    int signersSize = 32 + 32 * call.signers().size();
    int attestationsOffset = HEAD_WORDS * 32;
    int signersOffset = attestationsOffset + attestations.length;
    int blobInputOffset = signersOffset + signersSize;

    AbiWriter w = new AbiWriter();
    w.raw(Hex.decode(ProposeCall.SELECTOR));
    w.bytes32(call.archive().toBytes());
    w.word(call.feeAssetPriceModifier());
    writeHeader(w, call.header());
    w.word(attestationsOffset);
    w.word(signersOffset);
    EthSignature sig = call.attestationsAndSignersSignature();
    w.word(sig.v());
    w.bytes32(sig.r());
    w.bytes32(sig.s());
    w.word(blobInputOffset);
    w.raw(attestations);
    w.word(call.signers().size());
    for (EthAddress s : call.signers()) {
      w.address(s);
    }
    w.dynamicBytes(call.blobInput());
    return w.toByteArray();
  }

  /**
   * {@code blobInput} for these blobs: {@code uint8 numBlobs ‖ numBlobs × 48-byte commitment} (the
   * official {@code getPrefixedEthBlobCommitments}).
   */
  public static byte[] blobInput(List<Blob> blobs) {
    if (blobs.size() > 255) {
      throw new IllegalArgumentException("too many blobs: " + blobs.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(blobs.size());
    for (Blob b : blobs) {
      out.writeBytes(b.commitment());
    }
    return out.toByteArray();
  }

  /**
   * {@code Rollup.validateBlobs(bytes)} calldata, used to estimate the gas of blob evaluation (the
   * official {@code blobEvaluationGas}).
   */
  public static byte[] validateBlobs(byte[] blobInput) {
    AbiWriter w = new AbiWriter();
    w.raw(Hex.decode(io.quetzal.ethereum.contracts.Abi.selector("validateBlobs(bytes)")));
    w.word(32);
    w.dynamicBytes(blobInput);
    return w.toByteArray();
  }

  private static void writeHeader(AbiWriter w, CheckpointHeader h) {
    w.bytes32(h.lastArchiveRoot().toBytes());
    w.bytes32(h.blockHeadersHash().toBytes());
    w.bytes32(h.blobsHash().toBytes());
    w.bytes32(h.inHash().toBytes());
    w.bytes32(h.epochOutHash().toBytes());
    w.word(h.slotNumber().value());
    w.word(h.timestamp());
    w.address(h.coinbase());
    w.bytes32(h.feeRecipient().toField().toBytes());
    w.word(h.gasFees().feePerDaGas());
    w.word(h.gasFees().feePerL2Gas());
    w.word(h.totalManaUsed().toBigInteger());
  }

  /** The tuple {@code (bytes signatureIndices, bytes signaturesOrAddresses)}, as a tail. */
  private static byte[] attestationsTuple(CommitteeAttestations a) {
    byte[] indices = a.signatureIndices();
    byte[] data = a.signaturesOrAddresses();
    AbiWriter w = new AbiWriter();
    w.word(64);
    w.word(64 + AbiWriter.dynamicBytesSize(indices.length));
    w.dynamicBytes(indices);
    w.dynamicBytes(data);
    return w.toByteArray();
  }
}
