package io.quetzal.archiver.store;

import io.quetzal.foundation.field.Fr;

/**
 * A published contract class ({@code ContractClassPublic} as {@code node_getContractClass} answers
 * it, with the block that published it). Individually broadcast private/utility functions are not
 * stored yet, so {@code privateFunctions} and {@code utilityFunctions} are always empty.
 *
 * @param id the class id
 * @param version the class version (1)
 * @param artifactHash the artifact hash
 * @param privateFunctionsRoot the private functions root
 * @param packedBytecode the packed public bytecode
 * @param publicBytecodeCommitment the Poseidon2 commitment to the bytecode
 * @param l2BlockNumber the block that published it
 */
public record ContractClassPublic(
    Fr id,
    int version,
    Fr artifactHash,
    Fr privateFunctionsRoot,
    byte[] packedBytecode,
    Fr publicBytecodeCommitment,
    long l2BlockNumber) {
  public ContractClassPublic {
    packedBytecode = packedBytecode.clone();
  }

  @Override
  public byte[] packedBytecode() {
    return packedBytecode.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractClassPublic c
        && id.equals(c.id)
        && version == c.version
        && artifactHash.equals(c.artifactHash)
        && privateFunctionsRoot.equals(c.privateFunctionsRoot)
        && java.util.Arrays.equals(packedBytecode, c.packedBytecode)
        && publicBytecodeCommitment.equals(c.publicBytecodeCommitment)
        && l2BlockNumber == c.l2BlockNumber;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ContractClassPublic[id=" + id + ", bytecode=" + packedBytecode.length + " bytes]";
  }
}
