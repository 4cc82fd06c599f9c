package io.quetzal.sequencerclient;

import io.quetzal.blockbuilder.TxProcessor;
import java.util.List;

/**
 * The txs the sequencer may put in blocks (the official p2p client's pending pool, as the slot loop
 * sees it): how many wait, and the processor that executes them into a block. {@link #NONE} is a
 * node that receives no txs (no p2p, no tx submission yet): it builds a block only where the rules
 * allow an empty one.
 */
public interface PendingTxs {
  /** A node without a tx pool. */
  PendingTxs NONE =
      new PendingTxs() {
        @Override
        public int count() {
          return 0;
        }

        @Override
        public TxProcessor processor() {
          return TxProcessor.preprocessed(List.of());
        }
      };

  /** How many txs are waiting ({@code getPendingTxCount}). */
  int count();

  /** Executes the eligible pending txs into the block being built. */
  TxProcessor processor();
}
