package io.quetzal.foundation.types;

/**
 * An L1 (Ethereum) block number. The official code keeps these as {@code bigint}, so in JSON they
 * are decimal strings, unlike the L2 numbers.
 *
 * <p>The official value only requires a non-negative integer; here it is a non-negative {@code
 * long}. Immutable.
 *
 * @param value the number, at least 0
 */
public record L1BlockNumber(long value) implements Comparable<L1BlockNumber> {
  public static final L1BlockNumber ZERO = new L1BlockNumber(0);

  public L1BlockNumber {
    if (value < 0) {
      throw new IllegalArgumentException("L1BlockNumber must be non-negative, got " + value);
    }
  }

  public static L1BlockNumber of(long value) {
    return new L1BlockNumber(value);
  }

  /** The following number; throws {@link ArithmeticException} at {@code Long.MAX_VALUE}. */
  public L1BlockNumber next() {
    return new L1BlockNumber(Math.addExact(value, 1));
  }

  /** This number plus {@code increment} (which may be negative, as long as the result is not). */
  public L1BlockNumber add(long increment) {
    return new L1BlockNumber(Math.addExact(value, increment));
  }

  @Override
  public int compareTo(L1BlockNumber o) {
    return Long.compare(value, o.value);
  }

  /** The decimal number, as the official value prints. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
