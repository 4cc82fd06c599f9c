package io.quetzal.blockbuilder;

import io.quetzal.ethereum.blobs.Kzg;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.blob.Blob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * A checkpoint's blobs from its blob fields ({@code getBlobsPerL1Block}): the fields split into
 * blobs of 4096 (the last zero-padded), each with its KZG commitment (c-kzg, {@link Kzg}), and the
 * {@code blobInput} argument of {@code Rollup.propose} ({@code getPrefixedEthBlobCommitments}: one
 * byte with the blob count, then the 48-byte commitments in order).
 *
 * <p>The commitments are independent: given an {@link Executor} they are computed concurrently
 * (c-kzg is thread-safe once its trusted setup is loaded). Stateless, thread-safe.
 */
public final class CheckpointBlobs {
  /** The KZG commitment function (c-kzg's {@code blob_to_kzg_commitment}). */
  public static final UnaryOperator<byte[]> KZG = Kzg::commitment;

  private CheckpointBlobs() {}

  /** The blobs of {@code fields}, committed one after the other on the calling thread. */
  public static List<Blob> fromFields(List<Fr> fields) {
    return fromFields(fields, Runnable::run, KZG);
  }

  /**
   * The blobs of {@code fields} (at least one field, at most 6 blobs), their commitments computed
   * by {@code commit} on {@code executor}.
   */
  public static List<Blob> fromFields(
      List<Fr> fields, Executor executor, UnaryOperator<byte[]> commit) {
    long max = (long) Constants.BLOBS_PER_CHECKPOINT * Constants.FIELDS_PER_BLOB;
    if (fields.size() > max) {
      throw new IllegalArgumentException(
          fields.size() + " blob fields exceed the checkpoint maximum of " + max);
    }
    List<byte[]> data = Blob.splitIntoBlobs(fields);
    List<CompletableFuture<byte[]>> commitments = new ArrayList<>(data.size());
    for (byte[] d : data) {
      commitments.add(CompletableFuture.supplyAsync(() -> commit.apply(d), executor));
    }
    List<Blob> out = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      byte[] c;
      try {
        c = commitments.get(i).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
      out.add(new Blob(data.get(i), c));
    }
    return List.copyOf(out);
  }

  /** {@code getPrefixedEthBlobCommitments}: {@code uint8(count) ‖ commitment_0 ‖ …}. */
  public static byte[] blobInput(List<Blob> blobs) {
    if (blobs.size() > 255) {
      throw new IllegalArgumentException("too many blobs: " + blobs.size());
    }
    byte[] out = new byte[1 + Blob.BYTES_PER_COMMITMENT * blobs.size()];
    out[0] = (byte) blobs.size();
    for (int i = 0; i < blobs.size(); i++) {
      System.arraycopy(
          blobs.get(i).commitment(),
          0,
          out,
          1 + i * Blob.BYTES_PER_COMMITMENT,
          Blob.BYTES_PER_COMMITMENT);
    }
    return out;
  }

  /** The blobs' versioned hashes, in order (what {@code blobhash(i)} returns on L1). */
  public static List<byte[]> versionedHashes(List<Blob> blobs) {
    return blobs.stream().map(Blob::versionedHash).toList();
  }
}
