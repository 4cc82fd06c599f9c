package io.quetzal.stdlib.trees;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.util.List;
import java.util.Objects;

/**
 * A tree's root and its next free leaf index. Buffer: root (32 bytes) then the index as a 4-byte
 * number; fields: {@code [root, index]}; JSON: {@code {root, nextAvailableLeafIndex}} (a number).
 *
 * @param root the tree root
 * @param nextAvailableLeafIndex the official UInt32, 0 to 2^32-1
 */
public record AppendOnlyTreeSnapshot(Fr root, long nextAvailableLeafIndex)
    implements BufferSerializable, FieldSerializable {
  public static final AppendOnlyTreeSnapshot EMPTY = new AppendOnlyTreeSnapshot(Fr.ZERO, 0);

  public AppendOnlyTreeSnapshot {
    Objects.requireNonNull(root, "root");
    if (nextAvailableLeafIndex < 0 || nextAvailableLeafIndex > 0xffff_ffffL) {
      throw new IllegalArgumentException(
          "nextAvailableLeafIndex out of UInt32 range: " + nextAvailableLeafIndex);
    }
  }

  public static AppendOnlyTreeSnapshot empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return root.isZero() && nextAvailableLeafIndex == 0;
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(root).writeNumber(nextAvailableLeafIndex);
  }

  public static AppendOnlyTreeSnapshot fromBuffer(BufferReader reader) {
    return new AppendOnlyTreeSnapshot(reader.readFr(), reader.readNumber());
  }

  public static AppendOnlyTreeSnapshot fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  @Override
  public List<Fr> toFields() {
    return List.of(root, Fr.ofLong(nextAvailableLeafIndex));
  }

  public static AppendOnlyTreeSnapshot fromFields(FieldReader reader) {
    return new AppendOnlyTreeSnapshot(reader.readField(), reader.readField().toLongExact());
  }
}
