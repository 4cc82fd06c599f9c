package io.quetzal.worldstate;

import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applying a block produced trees that differ from its header's state reference; the block was not
 * written. {@link #mismatches()} maps each differing tree to (expected, actual).
 */
public final class StateMismatchException extends WorldStateException {
  /** An expected and an actual snapshot. */
  public record Mismatch(AppendOnlyTreeSnapshot expected, AppendOnlyTreeSnapshot actual) {}

  private final long blockNumber;
  private final Map<MerkleTreeId, Mismatch> mismatches;

  public StateMismatchException(long blockNumber, Map<MerkleTreeId, Mismatch> mismatches) {
    super(
        "Can't synch block "
            + blockNumber
            + ": block state does not match world state in "
            + mismatches.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + " (expected root "
                            + e.getValue().expected().root()
                            + " size "
                            + e.getValue().expected().nextAvailableLeafIndex()
                            + ", got root "
                            + e.getValue().actual().root()
                            + " size "
                            + e.getValue().actual().nextAvailableLeafIndex()
                            + ")")
                .collect(Collectors.joining(", ")));
    this.blockNumber = blockNumber;
    this.mismatches = Map.copyOf(mismatches);
  }

  public long blockNumber() {
    return blockNumber;
  }

  /** The first differing tree, in the official tree-id order. */
  public MerkleTreeId tree() {
    return mismatches.keySet().stream()
        .min(java.util.Comparator.comparingInt(MerkleTreeId::id))
        .orElseThrow();
  }

  public Map<MerkleTreeId, Mismatch> mismatches() {
    return mismatches;
  }
}
