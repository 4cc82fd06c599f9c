package io.quetzal.stdlib.block;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.blob.BlockBlobData;
import io.quetzal.stdlib.blob.BlockEndMarker;
import io.quetzal.stdlib.blob.BlockEndStateField;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.tx.TxEffect;
import java.util.List;
import java.util.Objects;

/**
 * An L2 block: header, body, the archive after it, and its place in its checkpoint. Its hash is the
 * header hash. Buffer (official {@code toBuffer}): header, archive, body, checkpointNumber and
 * indexWithinCheckpoint as 4-byte numbers; JSON: {@code {archive, header, body, checkpointNumber,
 * indexWithinCheckpoint}} (see {@code io.quetzal.stdlib.json.BlockJson} for the header quirk).
 *
 * @param archive the archive tree snapshot after this block
 * @param header the header
 * @param body the tx effects
 * @param checkpointNumber the checkpoint holding the block
 * @param indexWithinCheckpoint the block's index in the checkpoint, from 0
 */
public record L2Block(
    AppendOnlyTreeSnapshot archive,
    BlockHeader header,
    Body body,
    CheckpointNumber checkpointNumber,
    int indexWithinCheckpoint)
    implements BufferSerializable {

  public L2Block {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(checkpointNumber, "checkpointNumber");
    if (indexWithinCheckpoint < 0) {
      throw new IllegalArgumentException("indexWithinCheckpoint must be non-negative");
    }
  }

  public BlockNumber number() {
    return header.blockNumber();
  }

  /** The block hash (the header hash, the block's archive leaf). */
  public Fr hash() {
    return header.hash();
  }

  public List<TxEffect> txEffects() {
    return body.txEffects();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    header.writeTo(writer);
    archive.writeTo(writer);
    body.writeTo(writer);
    writer.writeNumber(checkpointNumber.value()).writeNumber(indexWithinCheckpoint);
  }

  public static L2Block fromBuffer(BufferReader reader) {
    BlockHeader header = BlockHeader.fromBuffer(reader);
    AppendOnlyTreeSnapshot archive = AppendOnlyTreeSnapshot.fromBuffer(reader);
    Body body = Body.fromBuffer(reader);
    CheckpointNumber cp = CheckpointNumber.of(reader.readNumber());
    long index = reader.readNumber();
    if (index > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("indexWithinCheckpoint out of range: " + index);
    }
    return new L2Block(archive, header, body, cp, (int) index);
  }

  public static L2Block fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  /** The block's blob data ({@code toBlockBlobData}); the first block carries the L1→L2 root. */
  public BlockBlobData toBlobData() {
    StateReference s = header.state();
    return new BlockBlobData(
        body.txEffects().stream().map(TxEffect::toBlobData).toList(),
        new BlockEndMarker(
            header.globalVariables().timestamp(), number().value(), body.txEffects().size()),
        new BlockEndStateField(
            s.l1ToL2MessageTree().nextAvailableLeafIndex(),
            s.partial().noteHashTree().nextAvailableLeafIndex(),
            s.partial().nullifierTree().nextAvailableLeafIndex(),
            s.partial().publicDataTree().nextAvailableLeafIndex(),
            header.totalManaUsed().toLongExact()),
        header.lastArchive().root(),
        s.partial().noteHashTree().root(),
        s.partial().nullifierTree().root(),
        s.partial().publicDataTree().root(),
        indexWithinCheckpoint == 0 ? s.l1ToL2MessageTree().root() : null);
  }

  public List<io.quetzal.foundation.field.Fr> toBlobFields() {
    return BlobFieldCodec.encodeBlock(toBlobData());
  }
}
