package io.quetzal.worldstate.tree;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.field.FrLimbs;

/**
 * The tree hashes on Montgomery limbs, allocation-free: a node is {@code poseidon2(left, right)},
 * an indexed leaf is {@code poseidon2} of its 3 or 4 hash inputs. Each is barretenberg's sponge
 * ({@link Poseidon2#hash}) unrolled for a fixed input count: the capacity element starts at {@code
 * n << 64}, the first three inputs are absorbed into one permutation and a fourth costs a second
 * one.
 *
 * <p>Values are four canonical Montgomery limbs ({@link Fr#writeMontgomeryLimbs} layout) at an
 * offset in a caller's {@code long[]}. Stateless; the scratch state is thread-confined.
 */
public final class NodeHash {
  private static final long[] IV2 = capacity(2);
  private static final long[] IV3 = capacity(3);
  private static final long[] IV4 = capacity(4);
  private static final ThreadLocal<long[]> STATE =
      ThreadLocal.withInitial(() -> new long[Poseidon2.STATE_LONGS]);

  private NodeHash() {}

  private static long[] capacity(int inputs) {
    long[] l = {0, inputs, 0, 0}; // inputs << 64, canonical little-endian limbs
    FrLimbs.fromCanonical(l, 0);
    return l;
  }

  /** {@code out = poseidon2(left, right)}. Outputs may alias inputs. */
  public static void pair(long[] l, int lo, long[] r, int ro, long[] out, int oo) {
    long[] s = STATE.get();
    s[0] = l[lo];
    s[1] = l[lo + 1];
    s[2] = l[lo + 2];
    s[3] = l[lo + 3];
    s[4] = r[ro];
    s[5] = r[ro + 1];
    s[6] = r[ro + 2];
    s[7] = r[ro + 3];
    s[8] = 0;
    s[9] = 0;
    s[10] = 0;
    s[11] = 0;
    s[12] = IV2[0];
    s[13] = IV2[1];
    s[14] = IV2[2];
    s[15] = IV2[3];
    Poseidon2.permute(s);
    out[oo] = s[0];
    out[oo + 1] = s[1];
    out[oo + 2] = s[2];
    out[oo + 3] = s[3];
  }

  /** {@code poseidon2(left, right)} on values. */
  public static Fr pair(Fr left, Fr right) {
    long[] t = new long[8];
    left.writeMontgomeryLimbs(t, 0);
    right.writeMontgomeryLimbs(t, 4);
    pair(t, 0, t, 4, t, 0);
    return Fr.fromMontgomeryLimbs(t, 0);
  }

  /** {@code out = poseidon2(a, b, c)}. */
  public static void three(Fr a, Fr b, Fr c, long[] out, int oo) {
    long[] s = STATE.get();
    a.writeMontgomeryLimbs(s, 0);
    b.writeMontgomeryLimbs(s, 4);
    c.writeMontgomeryLimbs(s, 8);
    System.arraycopy(IV3, 0, s, 12, 4);
    Poseidon2.permute(s);
    System.arraycopy(s, 0, out, oo, 4);
  }

  /** {@code out = poseidon2(a, b, c, d)}: two permutations. */
  public static void four(Fr a, Fr b, Fr c, Fr d, long[] out, int oo) {
    long[] s = STATE.get();
    a.writeMontgomeryLimbs(s, 0);
    b.writeMontgomeryLimbs(s, 4);
    c.writeMontgomeryLimbs(s, 8);
    System.arraycopy(IV4, 0, s, 12, 4);
    Poseidon2.permute(s);
    long[] t = new long[4];
    d.writeMontgomeryLimbs(t, 0);
    FrLimbs.add(s, 0, s, 0, t, 0);
    Poseidon2.permute(s);
    System.arraycopy(s, 0, out, oo, 4);
  }

  /** Whether the limbs at {@code a[ao..]} equal those at {@code b[bo..]}. */
  public static boolean equal(long[] a, int ao, long[] b, int bo) {
    return a[ao] == b[bo]
        && a[ao + 1] == b[bo + 1]
        && a[ao + 2] == b[bo + 2]
        && a[ao + 3] == b[bo + 3];
  }

  /** Whether the limbs at {@code a[ao..]} are zero. */
  public static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }
}
