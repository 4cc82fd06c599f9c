package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/**
 * The official {@code BatchInsertionResult}: the inserted leaves sorted by descending key (ties by
 * position) with their original positions, the sibling path of the new subtree, and one low-leaf
 * witness per inserted leaf in that order (as each low leaf was just before its update; padding
 * with empty witnesses for empty leaves).
 *
 * @param <L> the leaf type
 * @param <P> the preimage type
 */
public record BatchInsertionResult<L, P>(
    List<L> sortedNewLeaves,
    List<Long> sortedNewLeavesIndexes,
    List<Fr> newSubtreeSiblingPath,
    List<LeafWitness<P>> lowLeavesWitnessData) {
  public BatchInsertionResult {
    sortedNewLeaves = List.copyOf(sortedNewLeaves);
    sortedNewLeavesIndexes = List.copyOf(sortedNewLeavesIndexes);
    newSubtreeSiblingPath = List.copyOf(newSubtreeSiblingPath);
    lowLeavesWitnessData = List.copyOf(lowLeavesWitnessData);
  }
}
