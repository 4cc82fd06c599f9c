package io.quetzal.foundation.types;

/**
 * A checkpoint number (the unit of L2 blocks published to L1 together). JSON: a number.
 *
 * <p>The official branded number only requires a non-negative integer; here it is a non-negative
 * {@code long}. Immutable.
 *
 * @param value the number, at least 0
 */
public record CheckpointNumber(long value) implements Comparable<CheckpointNumber> {
  public static final CheckpointNumber ZERO = new CheckpointNumber(0);

  public CheckpointNumber {
    if (value < 0) {
      throw new IllegalArgumentException("CheckpointNumber must be non-negative, got " + value);
    }
  }

  public static CheckpointNumber of(long value) {
    return new CheckpointNumber(value);
  }

  /** The following number; throws {@link ArithmeticException} at {@code Long.MAX_VALUE}. */
  public CheckpointNumber next() {
    return new CheckpointNumber(Math.addExact(value, 1));
  }

  /** This number plus {@code increment} (which may be negative, as long as the result is not). */
  public CheckpointNumber add(long increment) {
    return new CheckpointNumber(Math.addExact(value, increment));
  }

  @Override
  public int compareTo(CheckpointNumber o) {
    return Long.compare(value, o.value);
  }

  /** The decimal number, as the official value prints. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
