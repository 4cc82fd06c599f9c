package io.quetzal.testkit;

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
}
