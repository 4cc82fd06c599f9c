package io.quetzal.stdlib.contract;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants.DomainSeparator;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.keys.KeyDerivation;
import io.quetzal.stdlib.keys.PublicKeys;
import java.util.List;

/**
 * Contract instance addresses ({@code @aztec/stdlib/contract}):
 *
 * <pre>
 * argsHash          = args empty ? 0 : poseidon2HashWithSeparator(args, FUNCTION_ARGS)
 * initializationHash = no initializer ? 0 : poseidon2HashWithSeparator([selector, argsHash], INITIALIZER)
 * salted            = poseidon2HashWithSeparator([salt, initializationHash, deployer], PARTIAL_ADDRESS)
 * partialAddress    = poseidon2HashWithSeparator([classId, salted], PARTIAL_ADDRESS)
 * address           = KeyDerivation.computeAddress(publicKeys, partialAddress)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class ContractAddresses {
  private ContractAddresses() {}

  public static Fr computeVarArgsHash(List<Fr> args) {
    return args.isEmpty()
        ? Fr.ZERO
        : Poseidon2.hashWithSeparator(args, DomainSeparator.FUNCTION_ARGS);
  }

  public static Fr computeInitializationHash(FunctionSelector initializer, List<Fr> encodedArgs) {
    return Poseidon2.hashWithSeparator(
        List.of(initializer.toField(), computeVarArgsHash(encodedArgs)),
        DomainSeparator.INITIALIZER);
  }

  public static Fr computeSaltedInitializationHash(
      Fr salt, Fr initializationHash, AztecAddress deployer) {
    return Poseidon2.hashWithSeparator(
        List.of(salt, initializationHash, deployer.toField()), DomainSeparator.PARTIAL_ADDRESS);
  }

  public static Fr computePartialAddress(Fr contractClassId, Fr saltedInitializationHash) {
    return Poseidon2.hashWithSeparator(
        List.of(contractClassId, saltedInitializationHash), DomainSeparator.PARTIAL_ADDRESS);
  }

  /** The address of an instance of {@code contractClassId}. */
  public static AztecAddress computeAddress(
      Fr contractClassId,
      Fr initializationHash,
      Fr salt,
      AztecAddress deployer,
      PublicKeys publicKeys) {
    Fr salted = computeSaltedInitializationHash(salt, initializationHash, deployer);
    return KeyDerivation.computeAddress(publicKeys, computePartialAddress(contractClassId, salted));
  }
}
