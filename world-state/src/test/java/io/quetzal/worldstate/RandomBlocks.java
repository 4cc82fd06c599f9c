package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random blocks: block {@code b}'s contents depend only on the seed and {@code b}.
 * Public data writes mix new slots, slots written by earlier blocks, genesis slots, and repeats
 * within the block; nullifiers are fresh random values; some blocks open a checkpoint with a few
 * L1→L2 messages. The expected state reference is computed by replaying the block on a fork (the
 * official per-operation path), so applying it also checks that both paths agree.
 */
final class RandomBlocks {
  private final long seed;
  private final int maxTxs;

  RandomBlocks(long seed, int maxTxs) {
    this.seed = seed;
    this.maxTxs = maxTxs;
  }

  private SplittableRandom rng(long b, long salt) {
    return new SplittableRandom(seed * 1_000_003L + b * 7919L + salt);
  }

  static Fr randomField(SplittableRandom r) {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i += 8) {
      long v = r.nextLong();
      for (int k = 0; k < 8; k++) {
        b[i + k] = (byte) (v >>> (8 * k));
      }
    }
    b[0] &= 0x0f;
    return Fr.fromBytes(b);
  }

  /** The {@code j}th new slot written by block {@code b}. */
  Fr slot(long b, int j) {
    return randomField(rng(b, 100 + j));
  }

  /** The unpadded contents of block {@code b} (hash and expected state to be filled in). */
  record Contents(boolean first, List<Fr> messages, List<TxEffects> txs) {}

  Contents contents(long b) {
    SplittableRandom r = rng(b, 1);
    boolean first = b == 1 || r.nextInt(3) == 0;
    List<Fr> messages = new ArrayList<>();
    if (first) {
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        messages.add(randomField(r));
      }
    }
    int txs = r.nextInt(maxTxs + 1);
    List<TxEffects> out = new ArrayList<>();
    int newSlots = 0;
    List<Fr> blockSlots = new ArrayList<>();
    for (int t = 0; t < txs; t++) {
      List<Fr> notes = new ArrayList<>();
      int nn = r.nextInt(5) == 0 ? 64 : r.nextInt(9);
      for (int i = 0; i < nn; i++) {
        notes.add(randomField(r));
      }
      List<Fr> nullifiers = new ArrayList<>();
      int nf = 1 + r.nextInt(r.nextInt(6) == 0 ? 64 : 8);
      for (int i = 0; i < nf; i++) {
        nullifiers.add(randomField(r));
      }
      List<PublicDataTreeLeaf> writes = new ArrayList<>();
      int nw = r.nextInt(7);
      for (int i = 0; i < nw; i++) {
        Fr slot;
        int kind = r.nextInt(10);
        if (kind < 4 || b == 1) {
          slot = slot(b, newSlots++);
        } else if (kind < 7) {
          long earlier = 1 + r.nextInt((int) b - 1);
          slot = slot(earlier, r.nextInt(3));
        } else if (kind < 8) {
          slot = Fr.ofLong(1 + r.nextInt(127));
        } else if (!blockSlots.isEmpty()) {
          slot = blockSlots.get(r.nextInt(blockSlots.size()));
        } else {
          slot = slot(b, newSlots++);
        }
        blockSlots.add(slot);
        Fr value = r.nextInt(8) == 0 ? Fr.ZERO : randomField(r);
        writes.add(new PublicDataTreeLeaf(slot, value));
      }
      out.add(new TxEffects(notes, nullifiers, writes));
    }
    return new Contents(first, messages, out);
  }

  Fr blockHash(long b) {
    return randomField(rng(b, 2));
  }

  /**
   * Block {@code b} with its expected state, computed on a fork of the latest state with the
   * per-operation API: messages, then per tx note hashes, nullifiers (a batch per tx) and public
   * data writes (sequential).
   */
  BlockInput block(WorldState ws, long b) {
    Contents c = contents(b);
    try (WorldStateFork f = ws.fork()) {
      if (f.blockNumber() != b - 1) {
        throw new IllegalStateException("block " + b + " does not follow " + f.blockNumber());
      }
      replay(f, c);
      return new BlockInput(b, blockHash(b), f.stateReference(), c.first, c.messages, c.txs);
    }
  }

  static void replay(WorldStateFork f, Contents c) {
    if (c.first) {
      List<Fr> msgs = new ArrayList<>(c.messages);
      while (msgs.size() < 1024) {
        msgs.add(Fr.ZERO);
      }
      f.appendLeaves(MerkleTreeId.L1_TO_L2_MESSAGE_TREE, msgs);
    }
    for (TxEffects t : c.txs) {
      List<Fr> notes = new ArrayList<>(t.noteHashes());
      while (notes.size() < 64) {
        notes.add(Fr.ZERO);
      }
      f.appendLeaves(MerkleTreeId.NOTE_HASH_TREE, notes);
      List<Fr> nullifiers = new ArrayList<>(t.nullifiers());
      while (nullifiers.size() < 64) {
        nullifiers.add(Fr.ZERO);
      }
      f.batchInsertNullifiers(nullifiers, 6);
      f.sequentialInsertPublicData(t.publicDataWrites());
    }
  }
}
