package io.quetzal.epochcache;

import java.time.InstantSource;
import java.util.Objects;

/**
 * Where the epoch cache reads "now" (the official {@code DateProvider}). Injected so that tests,
 * and a node that warps L1 time, decide what now is; nothing in this package reads the wall clock
 * except through an instance.
 */
@FunctionalInterface
public interface TimeSource {
  /** Milliseconds since the unix epoch. */
  long nowMillis();

  /** Whole seconds since the unix epoch (floored, as the official {@code nowInSeconds}). */
  default long nowSeconds() {
    return Math.floorDiv(nowMillis(), 1000L);
  }

  /** A time source reading {@code clock}. */
  static TimeSource of(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    return clock::millis;
  }

  /** The system clock (the production default). */
  static TimeSource system() {
    return of(InstantSource.system());
  }
}
