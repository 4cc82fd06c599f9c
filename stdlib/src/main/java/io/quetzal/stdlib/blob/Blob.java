package io.quetzal.stdlib.blob;

import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-4844 blob: {@link #BYTES_PER_BLOB} bytes (4096 BN254 fields, 32 bytes big-endian each) and
 * its 48-byte KZG commitment. Computing a commitment needs KZG and is not done here: the commitment
 * comes with the blob (beacon sidecar, file store) and is checked against the L1 versioned hash
 * ({@link #versionedHash()}). Immutable.
 */
public final class Blob {
  public static final int BYTES_PER_BLOB = Constants.FIELDS_PER_BLOB * Fr.SIZE_IN_BYTES;
  public static final int BYTES_PER_COMMITMENT = 48;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  private final byte[] data;
  private final byte[] commitment;

  /** Checks the sizes (131072 and 48 bytes); throws {@link BlobDecodingException} otherwise. */
  public Blob(byte[] data, byte[] commitment) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(commitment, "commitment");
    if (data.length != BYTES_PER_BLOB) {
      throw new BlobDecodingException(
          "Blob data must be " + BYTES_PER_BLOB + " bytes. Got " + data.length + ".");
    }
    if (commitment.length != BYTES_PER_COMMITMENT) {
      throw new BlobDecodingException(
          "Blob commitment must be "
              + BYTES_PER_COMMITMENT
              + " bytes. Got "
              + commitment.length
              + ".");
    }
    this.data = data.clone();
    this.commitment = commitment.clone();
  }

  public byte[] data() {
    return data.clone();
  }

  public byte[] commitment() {
    return commitment.clone();
  }

  /** The blob's 4096 fields; a 32-byte word at or above the BN254 modulus throws. */
  public List<Fr> toFields() {
    return bytesToFields(data);
  }

  /** {@code 0x01 ‖ sha256(commitment)[1..32]}: what {@code blobhash(i)} returns on L1. */
  public byte[] versionedHash() {
    return versionedHash(commitment);
  }

  public static byte[] versionedHash(byte[] commitment) {
    byte[] h = Sha256.sha256(commitment);
    h[0] = VERSIONED_HASH_VERSION_KZG;
    return h;
  }

  /** {@code blobsHash = sha256ToField(versionedHash_0 ‖ …)}, as in the checkpoint header. */
  public static Fr blobsHash(List<byte[]> versionedHashes) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    versionedHashes.forEach(all::writeBytes);
    return Sha256.sha256ToField(all.toByteArray());
  }

  /**
   * The blob bytes of up to 4096 fields, zero-padded; more fields throw {@link
   * IllegalArgumentException}.
   */
  public static byte[] fieldsToBytes(List<Fr> fields) {
    if (fields.size() > Constants.FIELDS_PER_BLOB) {
      throw new IllegalArgumentException(
          "Attempted to overfill blob with "
              + fields.size()
              + " fields. The maximum is "
              + Constants.FIELDS_PER_BLOB
              + ".");
    }
    byte[] out = new byte[BYTES_PER_BLOB];
    for (int i = 0; i < fields.size(); i++) {
      fields.get(i).writeTo(out, i * Fr.SIZE_IN_BYTES);
    }
    return out;
  }

  /**
   * The checkpoint's fields split into blob byte arrays ({@code getBlobsPerL1Block} without KZG).
   */
  public static List<byte[]> splitIntoBlobs(List<Fr> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("Cannot create blobs from empty fields.");
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i += Constants.FIELDS_PER_BLOB) {
      out.add(
          fieldsToBytes(fields.subList(i, Math.min(fields.size(), i + Constants.FIELDS_PER_BLOB))));
    }
    return out;
  }

  /**
   * The fields of blob bytes: {@code floor(length / 32)} big-endian words. A word at or above the
   * BN254 modulus throws {@link BlobDecodingException}.
   */
  public static List<Fr> bytesToFields(byte[] bytes) {
    int n = bytes.length / Fr.SIZE_IN_BYTES;
    List<Fr> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      try {
        out.add(Fr.fromBytes(bytes, i * Fr.SIZE_IN_BYTES));
      } catch (IllegalArgumentException e) {
        throw new BlobDecodingException(
            "blob field " + i + " is not a BN254 field element: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The fields of the checkpoint's blobs, concatenated in order ({@code
   * decodeCheckpointBlobDataFromBlobs}).
   */
  public static List<Fr> fieldsOf(List<Blob> blobs) {
    List<Fr> out = new ArrayList<>(blobs.size() * Constants.FIELDS_PER_BLOB);
    blobs.forEach(b -> out.addAll(b.toFields()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blob b
        && Arrays.equals(data, b.data)
        && Arrays.equals(commitment, b.commitment);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + Arrays.hashCode(commitment);
  }

  @Override
  public String toString() {
    return "Blob{versionedHash=" + io.quetzal.foundation.bytes.Hex.encode(versionedHash()) + "}";
  }
}
