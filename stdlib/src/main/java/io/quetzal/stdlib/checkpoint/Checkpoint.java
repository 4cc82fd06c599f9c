package io.quetzal.stdlib.checkpoint;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint: the blocks one proposer published in one L1 tx, with its header. Buffer (official
 * {@code toBuffer}): archive, header, a 4-byte block count and the blocks, number (4 bytes),
 * feeAssetPriceModifier (32-byte two's complement); JSON: {@code {archive, header, blocks, number,
 * feeAssetPriceModifier}} with the modifier a decimal string. Its hash is the header hash.
 *
 * @param archive the archive after the last block
 * @param header the checkpoint header (from L1 calldata)
 * @param blocks the blocks, at least one
 * @param number the checkpoint number
 * @param feeAssetPriceModifier the proposer's oracle input (signed)
 */
public record Checkpoint(
    AppendOnlyTreeSnapshot archive,
    CheckpointHeader header,
    List<L2Block> blocks,
    CheckpointNumber number,
    BigInteger feeAssetPriceModifier)
    implements BufferSerializable {

  public Checkpoint {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(header, "header");
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(feeAssetPriceModifier, "feeAssetPriceModifier");
    if (feeAssetPriceModifier.bitLength() > 255) {
      throw new IllegalArgumentException("feeAssetPriceModifier out of int256 range");
    }
  }

  /** The checkpoint hash: {@link CheckpointHeader#hash()}. */
  public Fr hash() {
    return header.hash();
  }

  /** The checkpoint's blob fields, end marker included (without the zero padding). */
  public List<Fr> toBlobFields() {
    return BlobFieldCodec.encodeCheckpoint(blocks.stream().map(L2Block::toBlobData).toList());
  }

  @Override
  public void writeTo(BufferWriter writer) {
    archive.writeTo(writer);
    header.writeTo(writer);
    writer.writeVector(blocks, (w, b) -> b.writeTo(w));
    writer.writeNumber(number.value());
    writer.writeSignedBigInt(feeAssetPriceModifier, 32);
  }

  public static Checkpoint fromBuffer(BufferReader reader) {
    return new Checkpoint(
        AppendOnlyTreeSnapshot.fromBuffer(reader),
        CheckpointHeader.fromBuffer(reader),
        reader.readVector(L2Block::fromBuffer),
        CheckpointNumber.of(reader.readNumber()),
        reader.readInt256());
  }

  public static Checkpoint fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }
}
