package io.quetzal.sequencerclient.publisher;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import io.quetzal.ethereum.blobs.Kzg;
import io.quetzal.stdlib.blob.Blob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The EIP-4844 sidecar of a blob transaction: blobs, their KZG commitments and blob proofs (network
 * wrapper version 0, what viem's {@code blobs + kzg} produces), plus the versioned hashes that go
 * into the signed transaction. Commitments come with the {@link Blob}s; proofs are computed here
 * with c-kzg ({@code computeBlobKzgProof}, tens of milliseconds per blob).
 */
public final class BlobSidecar {
  /** Blob gas per blob (EIP-4844). */
  public static final long GAS_PER_BLOB = 131_072;

  private final List<Blob> blobs;
  private final List<byte[]> proofs;

  private BlobSidecar(List<Blob> blobs, List<byte[]> proofs) {
    this.blobs = List.copyOf(blobs);
    this.proofs = proofs.stream().map(byte[]::clone).toList();
  }

  /**
   * A sidecar for these blobs; the commitments are checked to be the blobs' and the proofs are
   * computed.
   *
   * @throws IllegalArgumentException when there is no blob or a commitment is not its blob's
   */
  public static BlobSidecar of(List<Blob> blobs) {
    if (blobs.isEmpty()) {
      throw new IllegalArgumentException("a blob transaction needs at least one blob");
    }
    Kzg.ensureLoaded();
    List<byte[]> proofs = new ArrayList<>(blobs.size());
    for (int i = 0; i < blobs.size(); i++) {
      Blob b = blobs.get(i);
      if (!Arrays.equals(Kzg.commitment(b.data()), b.commitment())) {
        throw new IllegalArgumentException("blob " + i + ": commitment is not the blob's");
      }
      try {
        proofs.add(CKZG4844JNI.computeBlobKzgProof(b.data(), b.commitment()));
      } catch (CKZGException e) {
        throw new IllegalArgumentException("blob " + i + ": " + e.getMessage(), e);
      }
    }
    return new BlobSidecar(blobs, proofs);
  }

  /** A blob with this data and its commitment (computed with c-kzg). */
  public static Blob blobOf(byte[] data) {
    return new Blob(data, Kzg.commitment(data));
  }

  /** The all-zero blob: the official cancellation of a blob transaction carries one. */
  public static BlobSidecar emptyBlob() {
    return of(List.of(blobOf(new byte[Blob.BYTES_PER_BLOB])));
  }

  public List<Blob> blobs() {
    return blobs;
  }

  public List<byte[]> commitments() {
    return blobs.stream().map(Blob::commitment).toList();
  }

  public List<byte[]> proofs() {
    return proofs.stream().map(byte[]::clone).toList();
  }

  /** {@code 0x01 ‖ sha256(commitment)[1..]} of each blob, in order. */
  public List<byte[]> versionedHashes() {
    return blobs.stream().map(Blob::versionedHash).toList();
  }

  /** The number of blobs. */
  public int size() {
    return blobs.size();
  }

  @Override
  public String toString() {
    return "BlobSidecar[" + blobs.size() + " blobs]";
  }
}
