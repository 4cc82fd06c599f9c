package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;

/**
 * A log's position ({@code LogId}); as a filter's {@code afterLog} only the numbers are used.
 *
 * @param blockNumber the block
 * @param blockHash the block hash (may be null in a filter)
 * @param txHash the tx hash (may be null in a filter)
 * @param txIndex the tx's index in the block
 * @param logIndex the log's index in the tx
 */
public record LogId(long blockNumber, Fr blockHash, Fr txHash, int txIndex, int logIndex) {}
