package io.quetzal.foundation.types;

/**
 * An L2 block number (block 0 is the genesis block). Not for L1 blocks: see {@link L1BlockNumber}.
 * JSON: a number.
 *
 * <p>The official branded number only requires a non-negative integer; here it is a non-negative
 * {@code long}. Immutable.
 *
 * @param value the number, at least 0
 */
public record BlockNumber(long value) implements Comparable<BlockNumber> {
  public static final BlockNumber ZERO = new BlockNumber(0);

  public BlockNumber {
    if (value < 0) {
      throw new IllegalArgumentException("BlockNumber must be non-negative, got " + value);
    }
  }

  public static BlockNumber of(long value) {
    return new BlockNumber(value);
  }

  /** The following number; throws {@link ArithmeticException} at {@code Long.MAX_VALUE}. */
  public BlockNumber next() {
    return new BlockNumber(Math.addExact(value, 1));
  }

  /** This number plus {@code increment} (which may be negative, as long as the result is not). */
  public BlockNumber add(long increment) {
    return new BlockNumber(Math.addExact(value, increment));
  }

  @Override
  public int compareTo(BlockNumber o) {
    return Long.compare(value, o.value);
  }

  /** The decimal number, as the official value prints. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
