package io.quetzal.stdlib.genesis;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.hash.StorageSlots;

/**
 * The FeeJuice protocol contract's balance storage: the contract lives at address {@value
 * Constants#FEE_JUICE_ADDRESS} and keeps balances in a public map at storage slot {@value
 * Constants#FEE_JUICE_BALANCES_SLOT} (its artifact's {@code storageLayout.balances.slot}).
 */
public final class FeeJuice {
  public static final AztecAddress ADDRESS = AztecAddress.fromLong(Constants.FEE_JUICE_ADDRESS);
  public static final Fr BALANCES_SLOT = Fr.ofLong(Constants.FEE_JUICE_BALANCES_SLOT);

  private FeeJuice() {}

  /** The storage slot of {@code feePayer}'s balance ({@code computeFeePayerBalanceStorageSlot}). */
  public static Fr balanceStorageSlot(AztecAddress feePayer) {
    return StorageSlots.storageSlotInMap(BALANCES_SLOT, feePayer.toField());
  }

  /** The public-data tree key of that balance ({@code computeFeePayerBalanceLeafSlot}). */
  public static Fr balanceLeafSlot(AztecAddress feePayer) {
    return StorageSlots.publicDataTreeLeafSlot(ADDRESS, balanceStorageSlot(feePayer));
  }
}
