package io.quetzal.archiver;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint as the archiver keeps it (the official {@code PublishedCheckpoint}): the rebuilt
 * checkpoint, where it was published on L1, and the committee attestations it carried.
 *
 * @param checkpoint the checkpoint with its blocks
 * @param l1BlockNumber the L1 block of the {@code propose} transaction
 * @param l1BlockHash that block's hash
 * @param l1Timestamp that block's timestamp, in seconds
 * @param attestations the attestations in committee order (empty for an empty committee)
 */
public record ArchivedCheckpoint(
    Checkpoint checkpoint,
    long l1BlockNumber,
    Bytes32 l1BlockHash,
    long l1Timestamp,
    List<CommitteeAttestation> attestations) {
  public ArchivedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(l1BlockHash, "l1BlockHash");
    attestations = List.copyOf(attestations);
  }

  /** The checkpoint number. */
  public long number() {
    return checkpoint.number().value();
  }
}
