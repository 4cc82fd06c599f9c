package io.quetzal.stdlib.messaging;

import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * The L2→L1 out hashes ({@code @aztec/stdlib/src/messaging/out_hash.ts}); every node is the
 * truncated SHA-256 of its two 32-byte children, as in {@link InHash}.
 *
 * <ul>
 *   <li>tx: the <b>unbalanced</b> root of the tx's messages (power-of-two subtrees taken from the
 *       right, smallest first, folded right to left); no message gives 0;
 *   <li>block: the <b>wonky</b> root of its txs' out hashes; checkpoint: the wonky root of its
 *       blocks' out hashes. The wonky tree takes the largest power-of-two left subtree and recurses
 *       on the rest; zero leaves are compressed away (a node whose sibling is zero or absent moves
 *       up unchanged); all zeros give 0;
 *   <li>epoch (the checkpoint header's {@code epochOutHash}): the <b>balanced</b> root over the out
 *       hashes of the epoch's checkpoints so far, padded with zeros to {@link
 *       #OUT_HASH_TREE_LEAF_COUNT} leaves.
 * </ul>
 *
 * Pure functions, thread-safe.
 */
public final class OutHash {
  /** {@code OUT_HASH_TREE_LEAF_COUNT}: 2^{@code OUT_HASH_TREE_HEIGHT} (5). */
  public static final int OUT_HASH_TREE_LEAF_COUNT = 32;

  private OutHash() {}

  /** {@code computeTxOutHash}: the unbalanced root of one tx's L2→L1 messages. */
  public static Fr tx(List<Fr> messages) {
    int remaining = messages.size();
    if (remaining == 0) {
      return Fr.ZERO;
    }
    if (remaining == 1) {
      return messages.get(0);
    }
    Fr root = null;
    for (int subtree = 1; remaining > 1; subtree <<= 1) {
      if ((remaining & subtree) != 0) {
        Fr sub = balanced(messages.subList(remaining - subtree, remaining));
        root = root == null ? sub : node(sub, root);
        remaining -= subtree;
      }
    }
    return root;
  }

  /** {@code computeBlockOutHash}: the wonky root of the txs' out hashes. */
  public static Fr block(List<List<Fr>> messagesPerTx) {
    List<Fr> leaves = new ArrayList<>(messagesPerTx.size());
    messagesPerTx.forEach(m -> leaves.add(tx(m)));
    return wonkyRoot(leaves);
  }

  /** {@code computeCheckpointOutHash}: the wonky root of the blocks' out hashes. */
  public static Fr checkpoint(List<List<List<Fr>>> messagesPerBlock) {
    List<Fr> leaves = new ArrayList<>(messagesPerBlock.size());
    messagesPerBlock.forEach(b -> leaves.add(block(b)));
    return wonkyRoot(leaves);
  }

  /**
   * {@code accumulateCheckpointOutHashes}: the balanced root over the epoch's checkpoint out hashes
   * (in order, at most 32), zero-padded to 32 leaves.
   */
  public static Fr accumulate(List<Fr> checkpointOutHashes) {
    if (checkpointOutHashes.size() > OUT_HASH_TREE_LEAF_COUNT) {
      throw new IllegalArgumentException(
          checkpointOutHashes.size()
              + " checkpoint out hashes; an epoch holds at most "
              + OUT_HASH_TREE_LEAF_COUNT);
    }
    List<Fr> leaves = new ArrayList<>(OUT_HASH_TREE_LEAF_COUNT);
    leaves.addAll(checkpointOutHashes);
    while (leaves.size() < OUT_HASH_TREE_LEAF_COUNT) {
      leaves.add(Fr.ZERO);
    }
    return balanced(leaves);
  }

  /** {@code computeEpochOutHash}: the accumulated hash of the checkpoints' out hashes. */
  public static Fr epoch(List<List<List<List<Fr>>>> messagesPerCheckpoint) {
    List<Fr> outHashes = new ArrayList<>(messagesPerCheckpoint.size());
    messagesPerCheckpoint.forEach(c -> outHashes.add(checkpoint(c)));
    return accumulate(outHashes);
  }

  /** The wonky SHA root ({@code computeWonkyShaRoot}) of {@code leaves}; 0 when all are zero. */
  public static Fr wonkyRoot(List<Fr> leaves) {
    Fr r = wonky(leaves);
    return r == null ? Fr.ZERO : r;
  }

  /** The compressed root of {@code leaves}, or null when every leaf is zero (compressed away). */
  private static Fr wonky(List<Fr> leaves) {
    int n = leaves.size();
    if (n == 0) {
      return null;
    }
    if (n == 1) {
      Fr leaf = leaves.get(0);
      return leaf.isZero() ? null : leaf;
    }
    int left = Integer.highestOneBit(n);
    if (left == n) {
      left = n / 2;
    }
    Fr l = wonky(leaves.subList(0, left));
    Fr r = wonky(leaves.subList(left, n));
    if (l == null) {
      return r;
    }
    if (r == null) {
      return l;
    }
    return node(l, r);
  }

  private static Fr balanced(List<Fr> leaves) {
    List<Fr> nodes = new ArrayList<>(leaves);
    while (nodes.size() > 1) {
      List<Fr> up = new ArrayList<>(nodes.size() / 2);
      for (int i = 0; i < nodes.size(); i += 2) {
        up.add(node(nodes.get(i), nodes.get(i + 1)));
      }
      nodes = up;
    }
    return nodes.get(0);
  }

  private static Fr node(Fr left, Fr right) {
    byte[] both = new byte[64];
    left.writeTo(both, 0);
    right.writeTo(both, 32);
    return Sha256.sha256ToField(both);
  }
}
