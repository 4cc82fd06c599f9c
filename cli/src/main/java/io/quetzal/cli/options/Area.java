package io.quetzal.cli.options;

/** The sections of {@code quetzal start --help}, in display order. */
public enum Area {
  ROLES("Roles"),
  NETWORK("Network & L1"),
  NODE_API("Node API"),
  STORAGE("Storage & sync"),
  P2P("P2P"),
  VALIDATOR("Validator"),
  SEQUENCER("Sequencer"),
  PUBLISHER("L1 publisher"),
  ARCHIVER("Archiver & blobs"),
  LOGGING("Logging");

  private final String title;

  Area(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
