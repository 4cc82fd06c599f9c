package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.keys.PublicKeys;

/**
 * A published contract instance ({@code ContractInstanceWithAddress}, {@code node_getContract}).
 *
 * @param address the address
 * @param version the instance version (1)
 * @param salt the deployment salt
 * @param deployer the deployer (zero for a universal deploy)
 * @param currentContractClassId the class at the time asked (after updates)
 * @param originalContractClassId the class it was deployed with
 * @param initializationHash the initialization hash
 * @param publicKeys the instance's public keys
 */
public record ContractInstance(
    AztecAddress address,
    int version,
    Fr salt,
    AztecAddress deployer,
    Fr currentContractClassId,
    Fr originalContractClassId,
    Fr initializationHash,
    PublicKeys publicKeys) {

  /** This instance with another current class. */
  public ContractInstance withCurrentClassId(Fr classId) {
    return new ContractInstance(
        address,
        version,
        salt,
        deployer,
        classId,
        originalContractClassId,
        initializationHash,
        publicKeys);
  }
}
