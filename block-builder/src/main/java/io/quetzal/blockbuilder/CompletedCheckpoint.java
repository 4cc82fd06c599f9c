package io.quetzal.blockbuilder;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.util.List;
import java.util.Objects;

/**
 * A completed checkpoint with everything needed to propose it: the checkpoint (header, blocks,
 * archive), its blob fields (end marker included, without the zero padding), the blobs with their
 * KZG commitments, and its own out hash (to pass, with the epoch's earlier ones, to the next
 * checkpoint of the epoch).
 *
 * @param checkpoint the checkpoint
 * @param blobFields the blob fields, ending with the checkpoint end marker
 * @param blobs the blobs (1 to 6), with commitments
 * @param checkpointOutHash the checkpoint's L2→L1 out hash ({@code computeCheckpointOutHash})
 */
public record CompletedCheckpoint(
    Checkpoint checkpoint, List<Fr> blobFields, List<Blob> blobs, Fr checkpointOutHash) {
  public CompletedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    blobFields = List.copyOf(blobFields);
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(checkpointOutHash, "checkpointOutHash");
  }

  public CheckpointHeader header() {
    return checkpoint.header();
  }

  /** The blobs' versioned hashes, in order. */
  public List<byte[]> versionedHashes() {
    return CheckpointBlobs.versionedHashes(blobs);
  }

  /** The blobs' 48-byte KZG commitments, in order. */
  public List<byte[]> commitments() {
    return blobs.stream().map(Blob::commitment).toList();
  }

  /** The {@code blobInput} argument of {@code Rollup.propose}: count byte and commitments. */
  public byte[] blobInput() {
    return CheckpointBlobs.blobInput(blobs);
  }
}
