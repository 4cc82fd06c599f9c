package io.quetzal.stdlib.blob;

import java.util.List;
import java.util.Objects;

/**
 * A checkpoint's decoded blob data.
 *
 * @param checkpointEndMarker the closing marker
 * @param blocks the blocks, in order (at least one)
 */
public record CheckpointBlobData(
    CheckpointEndMarker checkpointEndMarker, List<BlockBlobData> blocks) {
  public CheckpointBlobData {
    Objects.requireNonNull(checkpointEndMarker, "checkpointEndMarker");
    blocks = List.copyOf(blocks);
  }
}
