package io.quetzal.foundation.types;

/**
 * An L2 slot number (a fixed-length time window in which one proposer may build a checkpoint).
 * JSON: a number.
 *
 * <p>The official branded number only requires a non-negative integer; here it is a non-negative
 * {@code long}. Immutable.
 *
 * @param value the number, at least 0
 */
public record SlotNumber(long value) implements Comparable<SlotNumber> {
  public static final SlotNumber ZERO = new SlotNumber(0);

  public SlotNumber {
    if (value < 0) {
      throw new IllegalArgumentException("SlotNumber must be non-negative, got " + value);
    }
  }

  public static SlotNumber of(long value) {
    return new SlotNumber(value);
  }

  /** The following number; throws {@link ArithmeticException} at {@code Long.MAX_VALUE}. */
  public SlotNumber next() {
    return new SlotNumber(Math.addExact(value, 1));
  }

  /** This number plus {@code increment} (which may be negative, as long as the result is not). */
  public SlotNumber add(long increment) {
    return new SlotNumber(Math.addExact(value, increment));
  }

  @Override
  public int compareTo(SlotNumber o) {
    return Long.compare(value, o.value);
  }

  /** The decimal number, as the official value prints. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
