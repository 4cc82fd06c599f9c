package io.quetzal.worldstate;

import java.util.List;

/**
 * The official {@code SequentialInsertionResult}: per inserted (non-empty) value, the low leaf's
 * witness before its update and the insertion witness of the new leaf's position (empty with a zero
 * path when the value updated an existing leaf).
 *
 * @param <P> the preimage type
 */
public record SequentialInsertionResult<P>(
    List<LeafWitness<P>> lowLeavesWitnessData, List<LeafWitness<P>> insertionWitnessData) {
  public SequentialInsertionResult {
    lowLeavesWitnessData = List.copyOf(lowLeavesWitnessData);
    insertionWitnessData = List.copyOf(insertionWitnessData);
  }
}
