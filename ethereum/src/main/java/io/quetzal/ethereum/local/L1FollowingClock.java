package io.quetzal.ethereum.local;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The local network's clock (the official {@code TestDateProvider}): the wall clock plus an offset,
 * moved forward whenever L1 time is warped, so the node's notion of "now" follows anvil's. Reads
 * and {@link #setTime} are thread-safe.
 */
public final class L1FollowingClock implements InstantSource {
  private final InstantSource wall;
  private volatile long offsetMillis;

  public L1FollowingClock(InstantSource wall) {
    this.wall = Objects.requireNonNull(wall, "wall");
  }

  /** A clock following the system clock. */
  public static L1FollowingClock system() {
    return new L1FollowingClock(InstantSource.system());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return wall.millis() + offsetMillis;
  }

  /** From now on, {@link #millis()} reads {@code millis} and advances with the wall clock. */
  public void setTime(long millis) {
    offsetMillis = millis - wall.millis();
  }

  /** How far this clock is ahead of the wall clock, in milliseconds. */
  public long offsetMillis() {
    return offsetMillis;
  }
}
