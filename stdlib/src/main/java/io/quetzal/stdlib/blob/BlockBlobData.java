package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * One block's blob data: its txs then the block-end fields.
 *
 * @param txs the txs' blob data
 * @param blockEndMarker timestamp, block number, tx count
 * @param blockEndStateField tree sizes and mana after the block
 * @param lastArchiveRoot the archive root before the block
 * @param noteHashRoot note hash tree root after the block
 * @param nullifierRoot nullifier tree root after the block
 * @param publicDataRoot public data tree root after the block
 * @param l1ToL2MessageRoot the L1→L2 message tree root, present only for a checkpoint's first block
 */
public record BlockBlobData(
    List<TxBlobData> txs,
    BlockEndMarker blockEndMarker,
    BlockEndStateField blockEndStateField,
    Fr lastArchiveRoot,
    Fr noteHashRoot,
    Fr nullifierRoot,
    Fr publicDataRoot,
    Fr l1ToL2MessageRoot) {
  public BlockBlobData {
    txs = List.copyOf(txs);
    Objects.requireNonNull(blockEndMarker, "blockEndMarker");
    Objects.requireNonNull(blockEndStateField, "blockEndStateField");
    Objects.requireNonNull(lastArchiveRoot, "lastArchiveRoot");
    Objects.requireNonNull(noteHashRoot, "noteHashRoot");
    Objects.requireNonNull(nullifierRoot, "nullifierRoot");
    Objects.requireNonNull(publicDataRoot, "publicDataRoot");
  }
}
