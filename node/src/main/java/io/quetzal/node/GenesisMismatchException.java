package io.quetzal.node;

import io.quetzal.foundation.field.Fr;

/** The node's genesis archive root differs from the one the rollup was deployed with. */
public final class GenesisMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GenesisMismatchException(Fr local, Fr rollup, String rollupAddress) {
    super(
        "the genesis archive root of this node ("
            + local
            + ") differs from the rollup's archiveAt(0) ("
            + rollup
            + ") at "
            + rollupAddress
            + ": the genesis options (funded accounts, prefilled public data) differ from the"
            + " deployment's");
  }
}
