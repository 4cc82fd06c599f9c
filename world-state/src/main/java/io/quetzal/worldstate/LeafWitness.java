package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/**
 * A leaf preimage, its index and its sibling path (leaf level first).
 *
 * @param index the leaf index
 * @param preimage the preimage (the empty preimage for an empty position)
 * @param siblingPath the siblings, one per level
 * @param <P> the preimage type
 */
public record LeafWitness<P>(long index, P preimage, List<Fr> siblingPath) {
  public LeafWitness {
    siblingPath = List.copyOf(siblingPath);
  }
}
