package io.quetzal.stdlib.trees;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.util.List;
import java.util.Objects;

/**
 * A public-data write: the leaf slot (siloed storage slot) and the value. Buffer: slot then value,
 * 32 bytes each; JSON {@code {slot, value}}. Ordered by slot (then value) as the official prefill
 * sorting does.
 *
 * @param slot the leaf slot, the indexed tree's key
 * @param value the stored value
 */
public record PublicDataTreeLeaf(Fr slot, Fr value)
    implements BufferSerializable, FieldSerializable, Comparable<PublicDataTreeLeaf> {
  public static final PublicDataTreeLeaf EMPTY = new PublicDataTreeLeaf(Fr.ZERO, Fr.ZERO);

  public PublicDataTreeLeaf {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(value, "value");
  }

  public boolean isEmpty() {
    return slot.isZero() && value.isZero();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(slot).writeFr(value);
  }

  public static PublicDataTreeLeaf fromBuffer(BufferReader reader) {
    return new PublicDataTreeLeaf(reader.readFr(), reader.readFr());
  }

  public static PublicDataTreeLeaf fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  /** {@code [slot, value]}, the leaf's hash inputs. */
  @Override
  public List<Fr> toFields() {
    return List.of(slot, value);
  }

  @Override
  public int compareTo(PublicDataTreeLeaf o) {
    int c = slot.compareTo(o.slot);
    return c != 0 ? c : value.compareTo(o.value);
  }
}
