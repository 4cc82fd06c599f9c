package io.quetzal.ethereum.archive;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Spire Proposer, a proxy through which some proposers send their {@code propose} (the official
 * {@code spire_proposer.ts}). A transaction is taken for a Spire Proposer call only when it is sent
 * to {@link #ADDRESS}, the proxy's EIP-1967 implementation slot holds {@link
 * #EXPECTED_IMPLEMENTATION}, and its input is {@code multicall(Call[])} with
 *
 * <pre>
 * struct Call { address proposer; address target; bytes data; uint256 value; uint256 gasLimit; }
 * </pre>
 *
 * Every wrapped call ({@code target}, {@code data}) is then tried as a Multicall3 {@code
 * aggregate3} or a direct {@code propose} by {@link CalldataRetriever}.
 */
public final class SpireProposer {
  /** The Spire Proposer proxy (the same address on every chain). */
  public static final EthAddress ADDRESS =
      EthAddress.fromString("0x9ccc2f3ecde026230e11a5c8799ac7524f2bb294");

  /** The implementation the proxy must point to. */
  public static final EthAddress EXPECTED_IMPLEMENTATION =
      EthAddress.fromString("0x7d38d47e7c82195e6e607d3b0f1c20c615c7bf42");

  /** {@code keccak256("eip1967.proxy.implementation") - 1}. */
  public static final String EIP1967_IMPLEMENTATION_SLOT =
      "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";

  /** The canonical signature of {@code multicall}. */
  public static final String MULTICALL_SIGNATURE =
      "multicall((address,address,bytes,uint256,uint256)[])";

  /** The 4-byte selector of {@code multicall}, 0x-hex. */
  public static final String MULTICALL_SELECTOR = Abi.selector(MULTICALL_SIGNATURE);

  /** One wrapped call of a {@code multicall}. */
  public record Call(
      EthAddress proposer, EthAddress target, byte[] data, BigInteger value, BigInteger gasLimit) {
    public Call {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  private SpireProposer() {}

  /**
   * Whether the answer of {@code eth_getStorageAt(ADDRESS, EIP1967_IMPLEMENTATION_SLOT)} names the
   * expected implementation. As the official, the word is read as a number (leading zero digits
   * dropped) that must be exactly the implementation's address; anything else (another address,
   * non-zero high bytes, an empty or non-hex answer) is not.
   */
  public static boolean isExpectedImplementation(String storageWord) {
    if (storageWord == null) {
      return false;
    }
    String digits = Hex.hasPrefix(storageWord) ? storageWord.substring(2) : storageWord;
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        return false;
      }
    }
    int start = 0;
    while (start < digits.length() && digits.charAt(start) == '0') {
      start++;
    }
    String expected = Hex.encodeNoPrefix(EXPECTED_IMPLEMENTATION.toBytes());
    int expectedStart = 0;
    while (expectedStart < expected.length() && expected.charAt(expectedStart) == '0') {
      expectedStart++;
    }
    return digits
        .substring(start)
        .toLowerCase(Locale.ROOT)
        .equals(expected.substring(expectedStart));
  }

  /**
   * Decodes {@code multicall(Call[])} calldata (selector included). Addresses are read as the ABI
   * decoder of the official node reads them: the low 20 bytes of their word.
   *
   * @throws L1DecodeException when the selector is not {@code multicall}'s or the data does not fit
   *     the ABI
   */
  public static List<Call> decodeMulticall(byte[] input) {
    if (input.length < 4 || !Hex.encode(Arrays.copyOf(input, 4)).equals(MULTICALL_SELECTOR)) {
      throw new L1DecodeException(
          "the transaction to the Spire Proposer is not multicall (selector "
              + (input.length >= 4 ? Hex.encode(Arrays.copyOf(input, 4)) : "missing")
              + ")");
    }
    AbiReader r =
        AbiReader.of(Arrays.copyOfRange(input, 4, input.length), "Spire Proposer multicall");
    // Each element is an offset word pointing to a tuple of at least five words.
    int n = r.arrayLength(0, 32, "_calls");
    AbiReader elems = r.arrayElements(0, "_calls");
    List<Call> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "_calls[" + i + "]";
      AbiReader call = elems.at(32 * i, name);
      EthAddress proposer = lowAddress(call.word(0, name + ".proposer"));
      EthAddress target = lowAddress(call.word(32, name + ".target"));
      byte[] data = call.dynamicBytes(64, name + ".data");
      BigInteger value = call.uint(96, name + ".value");
      BigInteger gasLimit = call.uint(128, name + ".gasLimit");
      out.add(new Call(proposer, target, data, value, gasLimit));
    }
    return out;
  }

  private static EthAddress lowAddress(byte[] word) {
    return EthAddress.fromBytes(Arrays.copyOfRange(word, 12, 32));
  }
}
