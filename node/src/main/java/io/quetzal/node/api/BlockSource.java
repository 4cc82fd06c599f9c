package io.quetzal.node.api;

import io.quetzal.foundation.field.Fr;
import io.quetzal.node.L2Tips;
import io.quetzal.stdlib.block.BlockHeader;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the node learns about blocks: the official {@code L2BlockSource} as far as the {@code
 * node_*} methods backed by world state need it. The archiver implements it; until it exists {@link
 * WorldStateBlockSource} answers from the world state alone (genesis, and block hashes from the
 * archive tree).
 *
 * <p>Block 0 (the initial header) is the node's own business, as in the official node: sources are
 * only asked about blocks from 1 on, except for the tips and numbers. Implementations must be
 * thread-safe; calls may come from several request threads at once.
 */
public interface BlockSource {
  /** The latest (proposed) block number; 0 before any block. */
  long getBlockNumber();

  /** The latest proven block number. */
  long getProvenBlockNumber();

  /** The latest checkpointed block number. */
  long getCheckpointedBlockNumber();

  /** The latest checkpoint number. */
  long getCheckpointNumber();

  /** The chain tips (proposed; checkpointed, proven, finalized with their checkpoints). */
  L2Tips getL2Tips();

  /** The header of block {@code number} (at least 1), if the source holds it. */
  Optional<BlockHeader> getBlockHeader(long number);

  /** The header of the block whose hash is {@code blockHash}, if the source holds it. */
  Optional<BlockHeader> getBlockHeaderByHash(Fr blockHash);

  /**
   * The number of the block whose hash is {@code blockHash}: what resolving a block parameter given
   * as a hash needs. Defaults to {@link #getBlockHeaderByHash}.
   */
  default OptionalLong getBlockNumberByHash(Fr blockHash) {
    return getBlockHeaderByHash(blockHash)
        .map(h -> OptionalLong.of(h.blockNumber().value()))
        .orElse(OptionalLong.empty());
  }
}
