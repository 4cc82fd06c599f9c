package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/**
 * A tagged log with what a wallet needs to process it ({@code TxScopedL2Log}, the items of {@code
 * node_getPrivateLogsByTags} and {@code getPublicLogsByTagsFromContract}).
 *
 * @param txHash the emitting tx
 * @param blockNumber its block
 * @param blockTimestamp its block's timestamp
 * @param logData the log's emitted fields (the tag first)
 * @param noteHashes the tx's note hashes
 * @param firstNullifier the tx's first nullifier
 */
public record TxScopedL2Log(
    Fr txHash,
    long blockNumber,
    long blockTimestamp,
    List<Fr> logData,
    List<Fr> noteHashes,
    Fr firstNullifier) {
  public TxScopedL2Log {
    logData = List.copyOf(logData);
    noteHashes = List.copyOf(noteHashes);
  }
}
