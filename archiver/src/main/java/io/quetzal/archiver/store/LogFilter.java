package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.address.AztecAddress;

/**
 * The official {@code LogFilter} of {@code node_getPublicLogs}/{@code getContractClassLogs}; every
 * field is optional (null). {@code toBlock} is exclusive.
 *
 * @param txHash only this tx's logs
 * @param fromBlock first block (inclusive)
 * @param toBlock last block (exclusive)
 * @param afterLog continue after this log (see the store for the official cursor semantics)
 * @param contractAddress only logs of this contract
 * @param tag only public logs whose first field is this
 */
public record LogFilter(
    Fr txHash, Long fromBlock, Long toBlock, LogId afterLog, AztecAddress contractAddress, Fr tag) {
  /** No restriction. */
  public static final LogFilter ALL = new LogFilter(null, null, null, null, null, null);
}
