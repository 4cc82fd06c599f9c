package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packed attestations of {@code Rollup.propose} ({@code CommitteeAttestations{bytes
 * signatureIndices; bytes signaturesOrAddresses}}): bit {@code 7 - i%8} of byte {@code i/8} of the
 * bitmap says whether position {@code i} is a 65-byte {@code v ‖ r ‖ s} signature or a 20-byte
 * address; the data is the concatenation in committee order.
 */
public record CommitteeAttestations(byte[] signatureIndices, byte[] signaturesOrAddresses) {
  public CommitteeAttestations {
    signatureIndices = signatureIndices.clone();
    signaturesOrAddresses = signaturesOrAddresses.clone();
  }

  @Override
  public byte[] signatureIndices() {
    return signatureIndices.clone();
  }

  @Override
  public byte[] signaturesOrAddresses() {
    return signaturesOrAddresses.clone();
  }

  /** The empty attestations of a checkpoint proposed without a committee. */
  public static CommitteeAttestations empty() {
    return new CommitteeAttestations(new byte[0], new byte[0]);
  }

  /**
   * {@code keccak256(abi.encode(attestations))}: the {@code attestationsHash} that {@code
   * CheckpointProposed} carries and the rollup stores.
   */
  public Bytes32 hash() {
    return Bytes32.wrap(Keccak256.hash(abiEncode()));
  }

  /** {@code abi.encode((bytes,bytes))} of this value, as one tuple parameter. */
  public byte[] abiEncode() {
    int a = padded(signatureIndices.length);
    int b = padded(signaturesOrAddresses.length);
    byte[] out = new byte[32 + 64 + 32 + a + 32 + b];
    putUint(out, 0, 32); // offset of the tuple
    putUint(out, 32, 64); // offset of signatureIndices inside the tuple
    putUint(out, 64, 64 + 32 + a); // offset of signaturesOrAddresses
    putUint(out, 96, signatureIndices.length);
    System.arraycopy(signatureIndices, 0, out, 128, signatureIndices.length);
    putUint(out, 128 + a, signaturesOrAddresses.length);
    System.arraycopy(signaturesOrAddresses, 0, out, 160 + a, signaturesOrAddresses.length);
    return out;
  }

  /**
   * Unpacks {@code committeeSize} positions as the official {@code CommitteeAttestation.fromPacked}
   * does (positions past the bitmap are addresses; trailing data is ignored).
   *
   * @throws L1DecodeException when the data ends before position {@code committeeSize - 1}
   */
  public List<CommitteeAttestation> unpack(int committeeSize) {
    List<CommitteeAttestation> out = new ArrayList<>(committeeSize);
    int p = 0;
    for (int i = 0; i < committeeSize; i++) {
      int byteIndex = i / 8;
      boolean hasSignature =
          byteIndex < signatureIndices.length
              && (signatureIndices[byteIndex] & (1 << (7 - i % 8))) != 0;
      if (hasSignature) {
        if (p + 65 > signaturesOrAddresses.length) {
          throw new L1DecodeException(
              "attestations: insufficient data for the signature at position " + i);
        }
        int v = signaturesOrAddresses[p] & 0xff;
        byte[] r = Arrays.copyOfRange(signaturesOrAddresses, p + 1, p + 33);
        byte[] s = Arrays.copyOfRange(signaturesOrAddresses, p + 33, p + 65);
        out.add(CommitteeAttestation.ofSignature(new EthSignature(r, s, v)));
        p += 65;
      } else {
        if (p + 20 > signaturesOrAddresses.length) {
          throw new L1DecodeException(
              "attestations: insufficient data for the address at position " + i);
        }
        out.add(
            CommitteeAttestation.ofAddress(
                EthAddress.fromBytes(Arrays.copyOfRange(signaturesOrAddresses, p, p + 20))));
        p += 20;
      }
    }
    return List.copyOf(out);
  }

  /**
   * Packs positions as the official {@code getPackedAttestations}: a position whose signature has
   * {@code v = 0} is packed as its address.
   */
  public static CommitteeAttestations pack(List<CommitteeAttestation> attestations) {
    byte[] bitmap = new byte[(attestations.size() + 7) / 8];
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int i = 0; i < attestations.size(); i++) {
      CommitteeAttestation a = attestations.get(i);
      EthSignature sig = a.signature();
      if (sig.v() != 0) {
        bitmap[i / 8] |= (byte) (1 << (7 - i % 8));
        data.write((int) sig.v());
        data.writeBytes(sig.r());
        data.writeBytes(sig.s());
      } else {
        data.writeBytes(a.address().toBytes());
      }
    }
    return new CommitteeAttestations(bitmap, data.toByteArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommitteeAttestations other
        && Arrays.equals(signatureIndices, other.signatureIndices)
        && Arrays.equals(signaturesOrAddresses, other.signaturesOrAddresses);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(signatureIndices) + Arrays.hashCode(signaturesOrAddresses);
  }

  @Override
  public String toString() {
    return "CommitteeAttestations[signatureIndices="
        + io.quetzal.foundation.bytes.Hex.encode(signatureIndices)
        + ", "
        + signaturesOrAddresses.length
        + " bytes of signatures or addresses]";
  }

  private static int padded(int n) {
    return (n + 31) / 32 * 32;
  }

  private static void putUint(byte[] out, int offset, long v) {
    for (int i = 0; i < 8; i++) {
      out[offset + 31 - i] = (byte) (v >>> (8 * i));
    }
  }
}
