package io.quetzal.blockbuilder;

import io.quetzal.stdlib.tx.TxEffect;
import java.util.Objects;

/**
 * An already-processed tx: its effect and billed mana.
 *
 * @param txEffect the effect
 * @param manaUsed the billed L2 gas, non-negative
 */
public record ProcessedTxEffect(TxEffect txEffect, long manaUsed) implements ProcessedTx {
  public ProcessedTxEffect {
    Objects.requireNonNull(txEffect, "txEffect");
    if (manaUsed < 0) {
      throw new IllegalArgumentException("manaUsed must be non-negative: " + manaUsed);
    }
  }
}
