package io.quetzal.worldstate;

/**
 * Which blocks the world state holds (the official {@code WorldStateStatusSummary}).
 *
 * @param unfinalizedBlockNumber the latest applied block
 * @param finalizedBlockNumber the latest finalized block
 * @param oldestHistoricalBlock the oldest block whose state can be read (1 once a block exists, as
 *     officially reported, although genesis stays readable until pruned)
 * @param treesAreSynched always true: all trees move in one transaction
 */
public record WorldStateStatus(
    long unfinalizedBlockNumber,
    long finalizedBlockNumber,
    long oldestHistoricalBlock,
    boolean treesAreSynched) {}
