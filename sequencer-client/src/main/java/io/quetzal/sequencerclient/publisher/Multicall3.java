package io.quetzal.sequencerclient.publisher;

import io.quetzal.ethereum.archive.CalldataRetriever;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;

/**
 * Multicall3 {@code aggregate3((address target, bool allowFailure, bytes callData)[])}, the bundle
 * the official publisher sends ({@code Multicall3.forward}): every call with {@code allowFailure =
 * !revertOnFailure}, which is {@code true} for the sequencer's bundles.
 */
public final class Multicall3 {
  /** Multicall3's address on every chain. */
  public static final EthAddress ADDRESS = CalldataRetriever.MULTICALL3;

  /** {@code aggregate3((address,bool,bytes)[])}. */
  public static final String AGGREGATE3_SELECTOR = CalldataRetriever.AGGREGATE3_SELECTOR;

  /** One call of the bundle. */
  public record Call3(EthAddress target, boolean allowFailure, byte[] callData) {
    public Call3 {
      callData = callData.clone();
    }

    @Override
    public byte[] callData() {
      return callData.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Call3 c
          && target.equals(c.target)
          && allowFailure == c.allowFailure
          && java.util.Arrays.equals(callData, c.callData);
    }

    @Override
    public int hashCode() {
      return target.hashCode() * 31 + java.util.Arrays.hashCode(callData);
    }

    @Override
    public String toString() {
      return "Call3[" + target + ", allowFailure=" + allowFailure + ", " + callData.length + " B]";
    }
  }

  private Multicall3() {}

  /** The calldata of {@code aggregate3(calls)} (selector included). */
  public static byte[] encodeAggregate3(List<Call3> calls) {
    AbiWriter w = new AbiWriter();
    w.raw(Hex.decode(AGGREGATE3_SELECTOR));
    w.word(32); // offset of the array
    w.word(calls.size());
    // Offsets of the (dynamic) tuples, relative to the start of the offsets area.
    int offset = 32 * calls.size();
    for (Call3 c : calls) {
      w.word(offset);
      offset += 3 * 32 + AbiWriter.dynamicBytesSize(c.callData.length);
    }
    for (Call3 c : calls) {
      w.address(c.target());
      w.bool(c.allowFailure());
      w.word(96);
      w.dynamicBytes(c.callData);
    }
    return w.toByteArray();
  }
}
