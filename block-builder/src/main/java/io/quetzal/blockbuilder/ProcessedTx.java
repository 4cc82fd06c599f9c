package io.quetzal.blockbuilder;

import io.quetzal.stdlib.tx.TxEffect;

/**
 * A transaction that has been executed for a block (the part of the official {@code ProcessedTx}
 * the block builder reads): its effect and the mana it is billed. Real tx processing (fees, public
 * execution) produces these; until then they can be given directly ({@link ProcessedTxEffect}).
 */
public interface ProcessedTx {
  /** The tx's effect, exactly as it goes in the block body. */
  TxEffect txEffect();

  /** {@code gasUsed.billedGas.l2Gas}: the mana the tx adds to the block's {@code totalManaUsed}. */
  long manaUsed();
}
