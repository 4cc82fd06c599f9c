package io.quetzal.node.api;

import io.quetzal.foundation.field.Fr;
import io.quetzal.node.L2Tips;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateStatus;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link BlockSource} from the world state alone, until the archiver exists: the latest block is
 * the world state's, nothing is checkpointed or proven beyond genesis, no header is known beyond
 * the initial one (which the node serves itself), and a block hash resolves through the archive
 * tree (leaf {@code n} is block {@code n}'s hash).
 *
 * @param worldState the node's world state
 * @param genesisTipsHash the hash the tips give block 0 (the official {@code
 *     GENESIS_BLOCK_HEADER_HASH}, whatever the prefill)
 */
public record WorldStateBlockSource(WorldState worldState, Fr genesisTipsHash)
    implements BlockSource {
  @Override
  public long getBlockNumber() {
    return worldState.status().unfinalizedBlockNumber();
  }

  @Override
  public long getProvenBlockNumber() {
    return 0;
  }

  @Override
  public long getCheckpointedBlockNumber() {
    return 0;
  }

  @Override
  public long getCheckpointNumber() {
    return 0;
  }

  @Override
  public L2Tips getL2Tips() {
    WorldStateStatus s = worldState.status();
    L2Tips g = L2Tips.genesis(genesisTipsHash);
    long n = s.unfinalizedBlockNumber();
    if (n == 0) {
      return g;
    }
    Fr hash = worldState.committed().leafValue(MerkleTreeId.ARCHIVE, n);
    return new L2Tips(new L2Tips.BlockId(n, hash), g.checkpointed(), g.proven(), g.finalized());
  }

  @Override
  public Optional<BlockHeader> getBlockHeader(long number) {
    return Optional.empty();
  }

  @Override
  public Optional<BlockHeader> getBlockHeaderByHash(Fr blockHash) {
    return Optional.empty();
  }

  @Override
  public OptionalLong getBlockNumberByHash(Fr blockHash) {
    return worldState
        .committed()
        .findLeafIndex(MerkleTreeId.ARCHIVE, blockHash)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }
}
