package io.quetzal.foundation.types;

/**
 * An epoch number (a run of slots sharing a committee and proven together). JSON: a number.
 *
 * <p>The official branded number only requires a non-negative integer; here it is a non-negative
 * {@code long}. Immutable.
 *
 * @param value the number, at least 0
 */
public record EpochNumber(long value) implements Comparable<EpochNumber> {
  public static final EpochNumber ZERO = new EpochNumber(0);

  public EpochNumber {
    if (value < 0) {
      throw new IllegalArgumentException("EpochNumber must be non-negative, got " + value);
    }
  }

  public static EpochNumber of(long value) {
    return new EpochNumber(value);
  }

  /** The following number; throws {@link ArithmeticException} at {@code Long.MAX_VALUE}. */
  public EpochNumber next() {
    return new EpochNumber(Math.addExact(value, 1));
  }

  /** This number plus {@code increment} (which may be negative, as long as the result is not). */
  public EpochNumber add(long increment) {
    return new EpochNumber(Math.addExact(value, increment));
  }

  @Override
  public int compareTo(EpochNumber o) {
    return Long.compare(value, o.value);
  }

  /** The decimal number, as the official value prints. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
