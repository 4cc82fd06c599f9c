package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What checkpoint attesters sign and what L1 checks ({@code ConsensusPayload} of the official node,
 * {@code ProposeLib.digest} on L1): {@code abi.encode(uint8 domain, (bytes32 archive, (int256
 * feeAssetPriceModifier), bytes32 headerHash))}. Its keccak-256 is the {@code payloadDigest} of
 * {@code CheckpointProposed}; attesters sign the EIP-191 digest of that.
 *
 * @param header the checkpoint header
 * @param archive the archive root after the checkpoint
 * @param feeAssetPriceModifier the oracle input (int256, basis points)
 */
public record ConsensusPayload(
    CheckpointHeader header, Fr archive, BigInteger feeAssetPriceModifier) {
  private static final BigInteger INT256_MIN = BigInteger.ONE.shiftLeft(255).negate();
  private static final BigInteger INT256_MAX =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);

  public ConsensusPayload {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(feeAssetPriceModifier, "feeAssetPriceModifier");
    if (feeAssetPriceModifier.compareTo(INT256_MIN) < 0
        || feeAssetPriceModifier.compareTo(INT256_MAX) > 0) {
      throw new IllegalArgumentException("feeAssetPriceModifier is not an int256");
    }
  }

  /**
   * The header packed as {@code ProposedHeaderLib.hash} packs it (and the official {@code
   * CheckpointHeader.toBuffer}): five 32-byte roots, slot (32), timestamp (uint64, 8), coinbase
   * (20), fee recipient (32), fee per DA gas and per L2 gas (uint128 each), total mana used (32):
   * 316 bytes.
   */
  public static byte[] packHeader(CheckpointHeader h) {
    return new BufferWriter(316)
        .writeFr(h.lastArchiveRoot())
        .writeFr(h.blockHeadersHash())
        .writeFr(h.blobsHash())
        .writeFr(h.inHash())
        .writeFr(h.epochOutHash())
        .writeFr(Fr.ofLong(h.slotNumber().value()))
        .writeUInt64(h.timestamp())
        .writeBytes(h.coinbase().toBytes())
        .writeFr(h.feeRecipient().toField())
        .writeUInt128(h.gasFees().feePerDaGas())
        .writeUInt128(h.gasFees().feePerL2Gas())
        .writeFr(h.totalManaUsed())
        .toByteArray();
  }

  /** {@code CheckpointHeader.hash()}: {@code sha256ToField(packHeader(h))}. */
  public static Fr headerHash(CheckpointHeader h) {
    return Sha256.sha256ToField(packHeader(h));
  }

  /** The ABI payload for {@code domain} (128 bytes). */
  public byte[] payloadToSign(SignatureDomainSeparator domain) {
    byte[] out = new byte[128];
    out[31] = (byte) domain.value();
    System.arraycopy(archive.toBytes(), 0, out, 32, 32);
    byte[] m = feeAssetPriceModifier.toByteArray(); // two's complement, minimal
    byte fill = feeAssetPriceModifier.signum() < 0 ? (byte) 0xff : 0;
    for (int i = 64; i < 96; i++) {
      out[i] = fill;
    }
    int len = Math.min(m.length, 32);
    System.arraycopy(m, m.length - len, out, 96 - len, len);
    System.arraycopy(headerHash(header).toBytes(), 0, out, 96, 32);
    return out;
  }

  /** {@code keccak256(payloadToSign(checkpointAttestation))}: L1's {@code payloadDigest}. */
  public Bytes32 payloadDigest() {
    return Bytes32.wrap(
        Keccak256.hash(payloadToSign(SignatureDomainSeparator.CHECKPOINT_ATTESTATION)));
  }

  /** The EIP-191 digest attesters sign and from which signers are recovered. */
  public byte[] ethSignedDigest() {
    return EthSign.makeEthSignDigest(payloadDigest().toBytes());
  }
}
