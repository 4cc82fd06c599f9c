package io.quetzal.archiver.store;

import io.quetzal.ethereum.archive.Bytes32;

/**
 * An L1 block by number and hash (the messages sync point).
 *
 * @param number the L1 block number
 * @param hash the L1 block hash
 */
public record L1BlockId(long number, Bytes32 hash) {}
