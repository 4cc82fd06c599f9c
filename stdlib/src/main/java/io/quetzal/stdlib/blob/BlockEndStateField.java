package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.math.BigInteger;

/**
 * The tree sizes and mana after a block, packed in one field: {@code l1ToL2NextIdx ‖
 * noteHashNextIdx:42 ‖ nullifierNextIdx:42 ‖ publicDataNextIdx:40 ‖ totalManaUsed:48}, most
 * significant first (the widths are the tree heights; the L1→L2 index must fit in 36 bits).
 *
 * @param l1ToL2MessageNextAvailableLeafIndex below 2^36
 * @param noteHashNextAvailableLeafIndex below 2^42
 * @param nullifierNextAvailableLeafIndex below 2^42
 * @param publicDataNextAvailableLeafIndex below 2^40
 * @param totalManaUsed below 2^48
 */
public record BlockEndStateField(
    long l1ToL2MessageNextAvailableLeafIndex,
    long noteHashNextAvailableLeafIndex,
    long nullifierNextAvailableLeafIndex,
    long publicDataNextAvailableLeafIndex,
    long totalManaUsed) {
  public static final int TOTAL_MANA_USED_BIT_SIZE = 48;

  public Fr encode() {
    return Bits.start(0)
        .put(
            l1ToL2MessageNextAvailableLeafIndex,
            Constants.L1_TO_L2_MSG_TREE_HEIGHT,
            "l1ToL2MessageNextAvailableLeafIndex")
        .put(
            noteHashNextAvailableLeafIndex,
            Constants.NOTE_HASH_TREE_HEIGHT,
            "noteHashNextAvailableLeafIndex")
        .put(
            nullifierNextAvailableLeafIndex,
            Constants.NULLIFIER_TREE_HEIGHT,
            "nullifierNextAvailableLeafIndex")
        .put(
            publicDataNextAvailableLeafIndex,
            Constants.PUBLIC_DATA_TREE_HEIGHT,
            "publicDataNextAvailableLeafIndex")
        .put(totalManaUsed, TOTAL_MANA_USED_BIT_SIZE, "totalManaUsed")
        .field();
  }

  /** Decodes the field; an L1→L2 index of 2^36 or more throws {@link BlobDecodingException}. */
  public static BlockEndStateField decode(Fr field) {
    Bits b = Bits.of(field);
    long mana = b.take(TOTAL_MANA_USED_BIT_SIZE);
    long publicData = b.take(Constants.PUBLIC_DATA_TREE_HEIGHT);
    long nullifier = b.take(Constants.NULLIFIER_TREE_HEIGHT);
    long noteHash = b.take(Constants.NOTE_HASH_TREE_HEIGHT);
    BigInteger l1ToL2 = b.rest();
    if (l1ToL2.bitLength() > Constants.L1_TO_L2_MSG_TREE_HEIGHT) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: invalid block end state field " + field);
    }
    return new BlockEndStateField(l1ToL2.longValue(), noteHash, nullifier, publicData, mana);
  }
}
