package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.math.BigInteger;

/**
 * The field closing a block's txs: {@code BLOCK_END_PREFIX ‖ timestamp:64 ‖ blockNumber:32 ‖
 * numTxs:16}, most significant first.
 *
 * @param timestamp the block's timestamp, an unsigned 64-bit value held in a long
 * @param blockNumber the block number (u32)
 * @param numTxs the number of txs in the block (u16)
 */
public record BlockEndMarker(long timestamp, long blockNumber, int numTxs) {
  private static final int SHIFT = 16 + 32 + 64;

  public Fr encode() {
    return Bits.start(Constants.BLOCK_END_PREFIX)
        .putU64(timestamp)
        .put(blockNumber, 32, "blockNumber")
        .put(numTxs, 16, "numTxs")
        .field();
  }

  /** Decodes a marker; a wrong prefix throws {@link BlobDecodingException}. */
  public static BlockEndMarker decode(Fr field) {
    Bits b = Bits.of(field);
    int numTxs = (int) b.take(16);
    long blockNumber = b.take(32);
    long timestamp = b.takeU64();
    if (!b.rest().equals(BigInteger.valueOf(Constants.BLOCK_END_PREFIX))) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: invalid block end marker " + field);
    }
    return new BlockEndMarker(timestamp, blockNumber, numTxs);
  }

  /** Whether {@code field} carries the block-end prefix. */
  public static boolean isBlockEndMarker(Fr field) {
    return field
        .toBigInteger()
        .shiftRight(SHIFT)
        .equals(BigInteger.valueOf(Constants.BLOCK_END_PREFIX));
  }
}
