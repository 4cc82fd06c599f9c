package io.quetzal.ethereum.archive;

/**
 * Where an L1 log is.
 *
 * @param blockNumber L1 block number
 * @param blockHash L1 block hash
 * @param txHash hash of the transaction that emitted it
 * @param logIndex index of the log in the block
 * @param removed true when the node reports the log as removed by a reorg
 */
public record L1EventRef(
    long blockNumber, Bytes32 blockHash, Bytes32 txHash, long logIndex, boolean removed) {}
