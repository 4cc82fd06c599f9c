package io.quetzal.sequencerclient.publisher;

import io.quetzal.ethereum.rpc.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when something sleeps on it; an optional hook runs on every sleep. */
final class ManualClock implements InstantSource, Sleeper {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private volatile Runnable onSleep = () -> {};

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public void sleep(Duration d) {
    synchronized (this) {
      now = now.plus(d);
    }
    onSleep.run();
  }

  void onSleep(Runnable r) {
    onSleep = r;
  }
}
