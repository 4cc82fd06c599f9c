package io.quetzal.testkit;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded property checks: {@code Property.forAll("add commutes", 1000, gen, check)}.
 *
 * <p>The run's seed is {@code -Dquetzal.test.seed} when set, otherwise a fixed default, so test
 * runs are deterministic. Each trial gets its own random stream split from the seed.
 */
public final class Property {
  /** The seed used when {@code quetzal.test.seed} is not set. */
  public static final long DEFAULT_SEED = 0x5eed_a27ec_0001L;

  /** The trial count for properties that do not name one. */
  public static final int DEFAULT_TRIALS = 500;

  private Property() {}

  /** The seed of this run. */
  public static long seed() {
    String s = System.getProperty("quetzal.test.seed");
    return s == null || s.isBlank() ? DEFAULT_SEED : Long.decode(s.trim());
  }

  /** Runs {@code check} on {@link #DEFAULT_TRIALS} inputs drawn by {@code generator}. */
  public static <T> void forAll(
      String name, Function<SplittableRandom, T> generator, Consumer<T> check) {
    forAll(name, DEFAULT_TRIALS, generator, check);
  }

  /**
   * Runs {@code check} on {@code trials} inputs drawn by {@code generator}; the first failing trial
   * is rethrown as an {@link AssertionError} naming the property, trial, input and seed.
   */
  public static <T> void forAll(
      String name, int trials, Function<SplittableRandom, T> generator, Consumer<T> check) {
    Objects.requireNonNull(name, "name");
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be positive");
    }
    long seed = seed();
    SplittableRandom root = new SplittableRandom(seed ^ name.hashCode());
    for (int trial = 0; trial < trials; trial++) {
      SplittableRandom random = root.split();
      T input = generator.apply(random);
      try {
        check.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "property '"
                + name
                + "' failed at trial "
                + trial
                + " (seed "
                + seed
                + ", replay with -Dquetzal.test.seed="
                + seed
                + ") for input: "
                + describe(input)
                + "\n"
                + e.getMessage(),
            e);
      }
    }
  }

  private static String describe(Object input) {
    if (input instanceof byte[] b) {
      return "bytes[" + b.length + "]";
    }
    String s = String.valueOf(input);
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }

  /** {@code n} random bytes. */
  public static byte[] bytes(SplittableRandom random, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; ) {
      long v = random.nextLong();
      for (int k = 0; k < 8 && i < n; k++, i++) {
        out[i] = (byte) (v >>> (8 * k));
      }
    }
    return out;
  }

  /**
   * A generator that yields the {@code edges} in list order, one per call, and once they are used
   * up yields values drawn by {@code random}. Edge calls draw nothing from the stream they are
   * given, so the random values that follow are those {@code random} would give on the same
   * streams.
   *
   * <p>Pass the result to {@link #forAll(String, int, Function, Consumer)} with {@code edges.size()
   * + n} trials to check every edge value and then {@code n} random ones. The generator is
   * stateful: it walks {@code edges} once, so make a new one for each run, and do not change {@code
   * edges} while it is in use.
   *
   * @param edges the fixed values to yield first, in order
   * @param random draws the values that follow the edges
   * @return a single-use generator: the edges, then random values
   */
  public static <T> Function<SplittableRandom, T> edgesThen(
      List<T> edges, Function<SplittableRandom, T> random) {
    Objects.requireNonNull(random, "random");
    Iterator<T> next = edges.iterator();
    return r -> next.hasNext() ? next.next() : random.apply(r);
  }

  /**
   * A value uniform in {@code [0, bound)}, by rejection: draws {@code bound.bitLength()} random
   * bits (whole bytes from {@link #bytes}, shifted down) until the value is below {@code bound}, so
   * each draw is accepted with probability above one half.
   *
   * @param random the stream to draw from
   * @param bound the exclusive upper bound; must be positive
   * @return a value in {@code [0, bound)}
   * @throws IllegalArgumentException if {@code bound} is not positive
   */
  public static BigInteger uniformBelow(SplittableRandom random, BigInteger bound) {
    if (bound.signum() <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    int bits = bound.bitLength();
    int bytes = (bits + 7) / 8;
    while (true) {
      BigInteger v = new BigInteger(1, bytes(random, bytes)).shiftRight(8 * bytes - bits);
      if (v.compareTo(bound) < 0) {
        return v;
      }
    }
  }

  /**
   * Text of {@code min} to {@code max} UTF-16 units (its {@link String#length()}), usually short:
   * one time in three the length is uniform in {@code [min, max]}, otherwise in {@code [min,
   * min(max, min + 16)]}. The characters mix printable ASCII, control characters, two-byte UTF-8,
   * the rest of the BMP outside the surrogate range, and supplementary characters (as surrogate
   * pairs); a supplementary character that would overrun the length is replaced by a lowercase
   * ASCII letter. The result is always well-formed UTF-16: it never holds a lone surrogate.
   *
   * @param random the stream to draw from
   * @param min the least length, at least 0
   * @param max the greatest length, at least {@code min} and below {@link Integer#MAX_VALUE}
   * @return the text
   * @throws IllegalArgumentException if the bounds are out of range
   */
  public static String text(SplittableRandom random, int min, int max) {
    if (min < 0 || max < min || max == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad length bounds [" + min + ", " + max + "]");
    }
    int len =
        random.nextInt(3) == 0
            ? random.nextInt(min, max + 1)
            : random.nextInt(min, min + Math.min(max - min, 16) + 1);
    StringBuilder sb = new StringBuilder(len);
    while (sb.length() < len) {
      int cp =
          switch (random.nextInt(8)) {
            case 0, 1, 2 -> random.nextInt(0x20, 0x7f);
            case 3 -> random.nextInt(0x20);
            case 4 -> random.nextInt(0x80, 0x800);
            case 5, 6 -> {
              int c = random.nextInt(0x800, 0xf800);
              yield c < 0xd800 ? c : c + 0x800;
            }
            default -> random.nextInt(0x10000, 0x110000);
          };
      if (sb.length() + Character.charCount(cp) > len) {
        cp = 'a' + random.nextInt(26);
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }
}
