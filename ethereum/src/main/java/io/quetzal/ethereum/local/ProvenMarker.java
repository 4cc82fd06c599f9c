package io.quetzal.ethereum.local;

import io.quetzal.ethereum.contracts.RollupContract;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Marks checkpoints proven on a local anvil without a prover (the official {@code
 * RollupCheatCodes.markAsProven}): writes the rollup's tips word ({@code pending << 128 | proven}
 * at the STF storage slot) with mining paused, so no block sees a half-written state. Only ever
 * moves the proven tip forward, and never past the pending one.
 */
public final class ProvenMarker {
  private static final BigInteger LOW_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private final AnvilCheatCodes cheats;
  private final RollupContract rollup;

  public ProvenMarker(AnvilCheatCodes cheats, RollupContract rollup) {
    this.cheats = Objects.requireNonNull(cheats, "cheats");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  /**
   * Marks {@code checkpoint} (capped at the pending checkpoint) proven. Returns the proven
   * checkpoint after the call.
   */
  public long markProven(long checkpoint) {
    return cheats.withMiningPaused(
        () -> {
          BigInteger word = cheats.load(rollup.address(), RollupContract.STF_STORAGE_SLOT);
          long pending = word.shiftRight(128).longValueExact();
          long proven = word.and(LOW_128).longValueExact();
          long target = Math.min(checkpoint, pending);
          if (target <= proven) {
            return proven;
          }
          BigInteger next =
              BigInteger.valueOf(pending).shiftLeft(128).or(BigInteger.valueOf(target));
          cheats.store(rollup.address(), RollupContract.STF_STORAGE_SLOT, next);
          return target;
        });
  }
}
