package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.StateReference;
import java.util.List;
import java.util.Objects;

/**
 * A block as the world state applies it (the official {@code SYNC_BLOCK} message before padding).
 *
 * @param blockNumber the L2 block number, the latest applied plus one
 * @param blockHash the block header hash, appended to the archive
 * @param expectedState the header's state reference, which the result must equal
 * @param firstInCheckpoint whether this is its checkpoint's first block (only those carry L1→L2
 *     messages, padded to 1024)
 * @param l1ToL2Messages the checkpoint's L1→L2 messages (at most 1024; empty otherwise)
 * @param txs the transactions' tree effects, in block order
 */
public record BlockInput(
    long blockNumber,
    Fr blockHash,
    StateReference expectedState,
    boolean firstInCheckpoint,
    List<Fr> l1ToL2Messages,
    List<TxEffects> txs) {
  public BlockInput {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(expectedState, "expectedState");
    l1ToL2Messages = List.copyOf(l1ToL2Messages);
    txs = List.copyOf(txs);
  }
}
