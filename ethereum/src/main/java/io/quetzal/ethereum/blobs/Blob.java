package io.quetzal.ethereum.blobs;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Sha256;
import java.util.Arrays;

/**
 * An EIP-4844 blob (131 072 bytes: 4096 32-byte field elements) with its KZG commitment (48 bytes).
 * Decoding the Aztec fields inside it is stdlib's job; this is the transport form.
 */
public final class Blob {
  /** Bytes in a blob. */
  public static final int BYTES_PER_BLOB = 131_072;

  /** Bytes in a KZG commitment (a compressed BLS12-381 G1 point). */
  public static final int BYTES_PER_COMMITMENT = 48;

  /** The version byte of EIP-4844 versioned hashes. */
  public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  private final byte[] data;
  private final byte[] commitment;

  /** Checks the sizes only; see {@link Kzg#verifyCommitment} for the content. */
  public Blob(byte[] data, byte[] commitment) {
    if (data.length != BYTES_PER_BLOB) {
      throw new IllegalArgumentException(
          "a blob has " + BYTES_PER_BLOB + " bytes, got " + data.length);
    }
    if (commitment.length != BYTES_PER_COMMITMENT) {
      throw new IllegalArgumentException(
          "a KZG commitment has " + BYTES_PER_COMMITMENT + " bytes, got " + commitment.length);
    }
    this.data = data.clone();
    this.commitment = commitment.clone();
  }

  /** The blob bytes (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** The KZG commitment (a copy). */
  public byte[] commitment() {
    return commitment.clone();
  }

  /** {@code 0x01 ‖ sha256(commitment)[1..32]}. */
  public Bytes32 versionedHash() {
    return versionedHash(commitment);
  }

  /** {@code 0x01 ‖ sha256(commitment)[1..32]} of any 48-byte commitment. */
  public static Bytes32 versionedHash(byte[] commitment) {
    byte[] h = Sha256.sha256(commitment);
    h[0] = VERSIONED_HASH_VERSION_KZG;
    return Bytes32.wrap(h);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blob b
        && Arrays.equals(commitment, b.commitment)
        && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(commitment);
  }

  @Override
  public String toString() {
    return "Blob[" + versionedHash() + ", commitment " + Hex.encode(commitment) + "]";
  }
}
