package io.quetzal.archiver;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.worldstate.BlockInput;
import io.quetzal.worldstate.TxEffects;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the world state in step with the archived chain (the official world-state synchronizer,
 * without its block stream): applies every archived block the world state does not have yet, in
 * order, each checked against its header's state reference; unwinds when the archive went back (a
 * reorg or a prune); finalizes what the archive finalized.
 *
 * <p>Single-threaded: call it from the thread that writes the archive, after each write.
 */
public final class WorldStateFeed {

  /** What the feed reads from the archive. */
  public interface Source {
    /** The latest archived block number (0 when empty). */
    long latestBlockNumber();

    /** Archived block {@code number}. */
    L2Block block(long number);

    /** The L1→L2 messages of checkpoint {@code checkpointNumber}, in leaf order, unpadded. */
    List<Fr> l1ToL2Messages(long checkpointNumber);

    /** The hash of archived block {@code number}, to detect a replaced block. */
    default Fr blockHash(long number) {
      return block(number).hash();
    }
  }

  private final WorldState worldState;
  private final Source source;

  public WorldStateFeed(WorldState worldState, Source source) {
    this.worldState = Objects.requireNonNull(worldState, "worldState");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Unwinds the world state past the archive's tip, then applies the missing blocks. Returns the
   * number of blocks applied.
   */
  public int catchUp() {
    long archived = source.latestBlockNumber();
    long applied = worldState.status().unfinalizedBlockNumber();
    if (applied > archived) {
      worldState.unwindBlocks(archived);
      applied = archived;
    }
    int n = 0;
    for (long b = applied + 1; b <= archived; b++) {
      L2Block block = source.block(b);
      List<Fr> messages =
          block.indexWithinCheckpoint() == 0
              ? source.l1ToL2Messages(block.checkpointNumber().value())
              : List.of();
      worldState.applyBlock(toInput(block, messages));
      n++;
    }
    return n;
  }

  /** Unwinds the world state to {@code block} (a prune or a reorg of the archive). */
  public WorldStateStatus unwindTo(long block) {
    if (worldState.status().unfinalizedBlockNumber() <= block) {
      return worldState.status();
    }
    return worldState.unwindBlocks(block);
  }

  /** Marks {@code block} finalized in the world state, when it has it. */
  public void finalizeTo(long block) {
    WorldStateStatus s = worldState.status();
    long target = Math.min(block, s.unfinalizedBlockNumber());
    if (target > s.finalizedBlockNumber()) {
      worldState.setFinalized(target);
    }
  }

  /** The world-state input of an archived block. */
  public static BlockInput toInput(L2Block block, List<Fr> l1ToL2Messages) {
    List<TxEffects> txs = new ArrayList<>(block.txEffects().size());
    for (TxEffect e : block.txEffects()) {
      List<PublicDataTreeLeaf> writes = new ArrayList<>(e.publicDataWrites().size());
      for (PublicDataWrite w : e.publicDataWrites()) {
        writes.add(new PublicDataTreeLeaf(w.leafSlot(), w.value()));
      }
      txs.add(new TxEffects(e.noteHashes(), e.nullifiers(), writes));
    }
    return new BlockInput(
        block.number().value(),
        block.hash(),
        block.header().state(),
        block.indexWithinCheckpoint() == 0,
        l1ToL2Messages,
        txs);
  }
}
