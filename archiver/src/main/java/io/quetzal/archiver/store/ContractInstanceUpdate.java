package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.address.AztecAddress;

/**
 * A scheduled class change of an instance ({@code ContractInstanceUpdatedEvent}).
 *
 * @param address the instance
 * @param prevContractClassId the class before the change (zero: the original)
 * @param newContractClassId the class from {@code timestampOfChange} on
 * @param timestampOfChange the L2 timestamp from which the new class applies
 */
public record ContractInstanceUpdate(
    AztecAddress address, Fr prevContractClassId, Fr newContractClassId, long timestampOfChange) {}
