package io.quetzal.stdlib.messaging;

import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint's {@code inHash}: the root of the balanced SHA-256 tree (each node the truncated
 * SHA-256 of its two children, 32 bytes each) over the checkpoint's L1→L2 messages padded with
 * zeros to {@link Constants#NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP}. The Inbox computes the same root
 * on L1, and the archiver compares it with the header's to know its stored messages are L1's.
 * Subtrees made only of padding are taken from a precomputed table, so the cost is proportional to
 * the number of messages. Thread-safe.
 */
public final class InHash {
  private static final int HEIGHT =
      Integer.numberOfTrailingZeros(Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP);

  /** ZERO_ROOTS[h]: the root of a subtree of height h with only zero leaves. */
  private static final Fr[] ZERO_ROOTS = new Fr[HEIGHT + 1];

  static {
    ZERO_ROOTS[0] = Fr.ZERO;
    for (int h = 1; h <= HEIGHT; h++) {
      ZERO_ROOTS[h] = node(ZERO_ROOTS[h - 1], ZERO_ROOTS[h - 1]);
    }
  }

  private InHash() {}

  /** The in hash of {@code messages} (at most 1024, unpadded, in leaf order). */
  public static Fr of(List<Fr> messages) {
    if (messages.size() > Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP) {
      throw new IllegalArgumentException(
          messages.size()
              + " L1-to-L2 messages; a checkpoint holds at most "
              + Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP);
    }
    List<Fr> level = new ArrayList<>(messages);
    for (int h = 0; h < HEIGHT; h++) {
      if (level.isEmpty()) {
        return ZERO_ROOTS[HEIGHT];
      }
      List<Fr> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        Fr right = i + 1 < level.size() ? level.get(i + 1) : ZERO_ROOTS[h];
        up.add(node(level.get(i), right));
      }
      level = up;
    }
    return level.isEmpty() ? ZERO_ROOTS[HEIGHT] : level.get(0);
  }

  /** The in hash of a checkpoint without messages. */
  public static Fr empty() {
    return ZERO_ROOTS[HEIGHT];
  }

  private static Fr node(Fr left, Fr right) {
    byte[] both = new byte[64];
    System.arraycopy(left.toBytes(), 0, both, 0, 32);
    System.arraycopy(right.toBytes(), 0, both, 32, 32);
    return Sha256.sha256ToField(both);
  }
}
