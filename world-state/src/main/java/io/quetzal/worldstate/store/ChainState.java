package io.quetzal.worldstate.store;

/**
 * Which blocks the store holds.
 *
 * @param latest the newest applied block (0 = genesis only)
 * @param finalized the newest finalized block
 * @param oldest the oldest block whose state can still be read
 */
public record ChainState(long latest, long finalized, long oldest) {
  static final byte[] KEY = {'s', 't', 'a', 't', 'e'};

  byte[] encode() {
    byte[] b = new byte[24];
    System.arraycopy(StoreLayout.long8(latest), 0, b, 0, 8);
    System.arraycopy(StoreLayout.long8(finalized), 0, b, 8, 8);
    System.arraycopy(StoreLayout.long8(oldest), 0, b, 16, 8);
    return b;
  }

  static ChainState decode(byte[] b) {
    return new ChainState(
        StoreLayout.long8(b, 0), StoreLayout.long8(b, 8), StoreLayout.long8(b, 16));
  }

  /** Whether the state after {@code block} can be read. */
  public boolean holds(long block) {
    return block >= oldest && block <= latest;
  }
}
