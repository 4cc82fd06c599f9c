package io.quetzal.foundation.field;

/**
 * Allocation-free arithmetic on {@link Fr} elements held as four little-endian 64-bit limbs in
 * Montgomery form inside caller-owned {@code long[]}s, for hot kernels such as Poseidon2.
 *
 * <p>Every method reads its operands at the given offsets and writes its result to {@code
 * r[ro..ro+3]}; outputs may alias inputs. Limbs come from {@link Fr#writeMontgomeryLimbs} (or
 * {@link #fromCanonical}) and go back through {@link Fr#fromMontgomeryLimbs} once canonical.
 *
 * <p>Two ranges: <em>canonical</em> limbs are below r (what {@link Fr} holds); <em>lazy</em> limbs
 * are below 2r, which the {@code *Lazy} methods accept and produce so that kernels can skip most
 * conditional subtractions; {@link #reduce} makes a lazy value canonical. Stateless and
 * thread-safe.
 */
public final class FrLimbs {
  private static final Montgomery M = Fr.ARITH;

  private FrLimbs() {}

  /** {@code r = a * b}; canonical inputs, canonical result. */
  public static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    M.mul(r, ro, a, ao, b, bo);
  }

  /** {@code r = a^2}; canonical. */
  public static void square(long[] r, int ro, long[] a, int ao) {
    M.square(r, ro, a, ao);
  }

  /** {@code r = a + b}; canonical. */
  public static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    M.add(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  /** {@code r = a - b}; canonical. */
  public static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    M.sub(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  /** {@code r = a * b}; lazy inputs, lazy result. */
  public static void mulLazy(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    M.mulLazy(r, ro, a, ao, b, bo);
  }

  /** {@code r = a^2}; lazy input, lazy result. */
  public static void squareLazy(long[] r, int ro, long[] a, int ao) {
    M.squareLazy(r, ro, a, ao);
  }

  /** {@code r = a + b}; lazy inputs, lazy result. */
  public static void addLazy(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    M.addLazy(r, ro, a, ao, b, bo);
  }

  /**
   * {@code r = a * c} for a constant prepared by {@link #constantTable}, stored at {@code
   * k[ko..ko+15]}. The input may be any 256-bit value (so a sum of two lazy values is fine); the
   * result is lazy.
   */
  public static void mulConstLazy(long[] r, int ro, long[] a, int ao, long[] k, int ko) {
    M.mulConstLazy(r, ro, a, ao, k, ko);
  }

  /** The 16-limb table {@link #mulConstLazy} needs to multiply by {@code c}. */
  public static long[] constantTable(Fr c) {
    long[] limbs = new long[4];
    c.writeMontgomeryLimbs(limbs, 0);
    return M.constantTable(limbs, 0);
  }

  /** Makes lazy limbs at {@code a[ao..ao+3]} canonical, in place. */
  public static void reduce(long[] a, int ao) {
    M.reduceOnce(a, ao);
  }

  /**
   * Converts canonical plain limbs (a value below r, little-endian) at {@code a[ao..ao+3]} into
   * Montgomery form, in place.
   */
  public static void fromCanonical(long[] a, int ao) {
    M.toMontgomery(a, ao, a, ao);
  }

  /**
   * Converts Montgomery limbs (lazy or canonical) at {@code a[ao..ao+3]} to plain limbs, in place.
   */
  public static void toCanonical(long[] a, int ao) {
    M.fromMontgomery(a, ao, a, ao);
  }
}
