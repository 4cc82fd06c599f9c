package io.quetzal.stdlib.hash;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants.DomainSeparator;
import io.quetzal.stdlib.address.AztecAddress;
import java.util.List;

/** Public storage slot derivations ({@code @aztec/stdlib/hash}). Stateless. */
public final class StorageSlots {
  private StorageSlots() {}

  /**
   * The public-data tree key of a contract's storage slot: {@code
   * poseidon2HashWithSeparator([contract, storageSlot], PUBLIC_LEAF_SLOT)}.
   */
  public static Fr publicDataTreeLeafSlot(AztecAddress contract, Fr storageSlot) {
    return Poseidon2.hashWithSeparator(
        List.of(contract.toField(), storageSlot), DomainSeparator.PUBLIC_LEAF_SLOT);
  }

  /**
   * The storage slot of a map entry: {@code poseidon2HashWithSeparator([mapSlot, key],
   * PUBLIC_STORAGE_MAP_SLOT)}.
   */
  public static Fr storageSlotInMap(Fr mapSlot, Fr key) {
    return Poseidon2.hashWithSeparator(
        List.of(mapSlot, key), DomainSeparator.PUBLIC_STORAGE_MAP_SLOT);
  }
}
