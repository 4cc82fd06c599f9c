package io.quetzal.stdlib.genesis;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initial leaves of the two indexed trees, as the official (C++) world state creates them.
 *
 * <p>Each indexed tree starts with {@value #INITIAL_SIZE} leaves (twice the per-tx maximum). Given
 * {@code k} prefilled leaves (only the public-data tree has any), positions {@code 0 .. 127-k} hold
 * padding leaves whose key is their position (nullifier {@code i}, or slot {@code i} with value 0),
 * and the prefilled leaves take the last {@code k} positions in the given order. The 128 leaves
 * form one ascending chain: leaf {@code i} links to {@code i+1} and its key, the last leaf links to
 * index 0 and the key of leaf 0. The prefilled keys must be strictly increasing and greater than
 * the last padding key, and there can be at most 128 of them; the official world state aborts
 * otherwise, with the messages of {@link #checkPrefill}.
 */
public final class IndexedTreeGenesis {
  /** Leaves each indexed tree starts with: {@code 2 * MAX_NULLIFIERS_PER_TX}. */
  public static final int INITIAL_SIZE = 2 * Constants.MAX_NULLIFIERS_PER_TX;

  private IndexedTreeGenesis() {}

  /** The 128 initial nullifier-tree leaves (no prefill). */
  public static List<NullifierLeafPreimage> nullifierLeaves() {
    List<NullifierLeafPreimage> out = new ArrayList<>(INITIAL_SIZE);
    for (int i = 0; i < INITIAL_SIZE; i++) {
      boolean last = i == INITIAL_SIZE - 1;
      out.add(
          new NullifierLeafPreimage(
              Fr.ofLong(i), last ? Fr.ZERO : Fr.ofLong(i + 1), last ? 0 : i + 1));
    }
    return List.copyOf(out);
  }

  /**
   * The 128 initial public-data-tree leaves with the given prefill.
   *
   * @throws IllegalArgumentException with the official message if the prefill is not acceptable
   */
  public static List<PublicDataTreeLeafPreimage> publicDataLeaves(
      List<PublicDataTreeLeaf> prefilled) {
    checkPrefill(prefilled)
        .ifPresent(
            msg -> {
              throw new IllegalArgumentException(msg);
            });
    int padding = INITIAL_SIZE - prefilled.size();
    List<PublicDataTreeLeaf> values = new ArrayList<>(INITIAL_SIZE);
    for (int i = 0; i < padding; i++) {
      values.add(new PublicDataTreeLeaf(Fr.ofLong(i), Fr.ZERO));
    }
    values.addAll(prefilled);
    List<PublicDataTreeLeafPreimage> out = new ArrayList<>(INITIAL_SIZE);
    for (int i = 0; i < INITIAL_SIZE; i++) {
      int next = i == INITIAL_SIZE - 1 ? 0 : i + 1;
      out.add(PublicDataTreeLeafPreimage.of(values.get(i), values.get(next).slot(), next));
    }
    return List.copyOf(out);
  }

  /** Why the official world state would refuse this prefill, if it would. */
  public static Optional<String> checkPrefill(List<PublicDataTreeLeaf> prefilled) {
    if (prefilled.size() > INITIAL_SIZE) {
      return Optional.of("Number of prefilled values can't be more than initial size");
    }
    int padding = INITIAL_SIZE - prefilled.size();
    for (int j = 0; j < prefilled.size(); j++) {
      int i = padding + j;
      if (i == 0) {
        continue;
      }
      Fr previous = j == 0 ? Fr.ofLong(padding - 1L) : prefilled.get(j - 1).slot();
      if (prefilled.get(j).slot().compareTo(previous) <= 0) {
        return Optional.of(
            j == 0
                ? "Prefilled values must not be the same as the default values"
                : "Prefilled values must be unique and sorted");
      }
    }
    return Optional.empty();
  }
}
