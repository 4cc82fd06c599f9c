package io.quetzal.ethereum.rpc;

import java.time.Duration;

/**
 * Waits. Injected so that retry and back-off logic is tested on a manual clock without real sleeps.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(Duration)}. */
  Sleeper SYSTEM = Thread::sleep;

  /** Blocks for {@code duration}; zero or negative returns at once. */
  void sleep(Duration duration) throws InterruptedException;
}
