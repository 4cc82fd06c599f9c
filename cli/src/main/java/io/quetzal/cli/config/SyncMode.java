package io.quetzal.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a node gets its initial state ({@code SYNC_MODE}). */
public enum SyncMode {
  /** Always sync from L1. */
  FULL("full"),
  /** Download a snapshot when there is no local data, then follow L1. */
  SNAPSHOT("snapshot"),
  /** Download a snapshot even when there is local data. */
  FORCE_SNAPSHOT("force-snapshot");

  private final String id;

  SyncMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<SyncMode> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
