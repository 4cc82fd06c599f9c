package io.quetzal.archiver.store;

import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint as retrieved from L1 (the official {@code PublishedCheckpoint}): the checkpoint,
 * where it was published and the committee attestations from its calldata.
 *
 * @param checkpoint the checkpoint with its blocks
 * @param l1 the L1 block that carried it
 * @param attestations the committee positions, in committee order (empty without a committee)
 */
public record PublishedCheckpoint(
    Checkpoint checkpoint, L1PublishedData l1, List<CommitteeAttestation> attestations) {
  public PublishedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(l1, "l1");
    attestations = List.copyOf(attestations);
  }
}
