package io.quetzal.epochcache;

import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.SlotNumber;
import java.util.Objects;

/**
 * An epoch, a slot in it, and the timestamp the official cache pairs with them: the slot's start
 * for "now" and "next", the epoch's start for an explicit slot (see {@link EpochCache}).
 *
 * @param epoch the epoch
 * @param slot the slot
 * @param timestamp unix seconds
 */
public record EpochAndSlot(EpochNumber epoch, SlotNumber slot, long timestamp) {
  public EpochAndSlot {
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(slot, "slot");
  }
}
