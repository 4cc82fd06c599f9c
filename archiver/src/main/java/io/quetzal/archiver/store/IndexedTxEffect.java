package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.tx.TxEffect;

/**
 * A tx effect with its place in the chain ({@code node_getTxEffect}).
 *
 * @param data the effect
 * @param blockNumber the block holding it
 * @param blockHash that block's hash
 * @param txIndexInBlock its index in the block
 */
public record IndexedTxEffect(TxEffect data, long blockNumber, Fr blockHash, int txIndexInBlock) {}
