package io.quetzal.epochcache;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.SlotNumber;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The proposer and quorum formulas of {@code ValidatorSelectionLib}, computed locally. Stateless.
 */
public final class ProposerSelection {
  private ProposerSelection() {}

  /** {@code abi.encode(uint256 epoch, uint256 slot, uint256 seed)}: 96 bytes. */
  public static byte[] proposerIndexEncoding(EpochNumber epoch, SlotNumber slot, BigInteger seed) {
    String hex =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Uint256(BigInteger.valueOf(epoch.value())),
                new Uint256(BigInteger.valueOf(slot.value())),
                new Uint256(seed)));
    return Hex.decode(hex);
  }

  /**
   * {@code uint256(keccak256(abi.encode(epoch, slot, seed))) % committeeSize}; 0 for an empty
   * committee (as the official {@code computeProposerIndex}).
   */
  public static int proposerIndex(
      EpochNumber epoch, SlotNumber slot, BigInteger seed, int committeeSize) {
    if (committeeSize < 0) {
      throw new IllegalArgumentException("committee size must not be negative");
    }
    if (committeeSize == 0) {
      return 0;
    }
    BigInteger h = new BigInteger(1, Keccak256.hash(proposerIndexEncoding(epoch, slot, seed)));
    return h.mod(BigInteger.valueOf(committeeSize)).intValueExact();
  }

  /** Attestations needed from a committee of {@code n}: {@code floor(2n/3) + 1}. */
  public static int quorum(int committeeSize) {
    if (committeeSize < 0) {
      throw new IllegalArgumentException("committee size must not be negative");
    }
    return committeeSize * 2 / 3 + 1;
  }
}
