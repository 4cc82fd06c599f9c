package io.quetzal.stdlib.trees;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.util.List;
import java.util.Objects;

/**
 * A leaf of the public-data tree with its link to the next larger slot. Buffer and hash inputs:
 * {@code slot, value, nextSlot, nextIndex}, each as 32 bytes; the leaf hash is {@code
 * poseidon2(toFields())}. JSON: {@code {leaf: {slot, value}, nextKey, nextIndex}} with the index as
 * a decimal string.
 *
 * @param slot the key (leaf slot)
 * @param value the stored value
 * @param nextSlot the next larger slot in the tree, or zero for the largest
 * @param nextIndex the leaf index of {@code nextSlot} (0 for the largest)
 */
public record PublicDataTreeLeafPreimage(Fr slot, Fr value, Fr nextSlot, long nextIndex)
    implements BufferSerializable, FieldSerializable {
  public static final PublicDataTreeLeafPreimage EMPTY =
      new PublicDataTreeLeafPreimage(Fr.ZERO, Fr.ZERO, Fr.ZERO, 0);

  public PublicDataTreeLeafPreimage {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(nextSlot, "nextSlot");
    if (nextIndex < 0) {
      throw new IllegalArgumentException("nextIndex must be non-negative: " + nextIndex);
    }
  }

  public static PublicDataTreeLeafPreimage empty() {
    return EMPTY;
  }

  /** The preimage of {@code leaf} with the given link. */
  public static PublicDataTreeLeafPreimage of(
      PublicDataTreeLeaf leaf, Fr nextSlot, long nextIndex) {
    return new PublicDataTreeLeafPreimage(leaf.slot(), leaf.value(), nextSlot, nextIndex);
  }

  public PublicDataTreeLeaf leaf() {
    return new PublicDataTreeLeaf(slot, value);
  }

  public boolean isEmpty() {
    return slot.isZero() && value.isZero() && nextSlot.isZero() && nextIndex == 0;
  }

  /** The leaf's hash inputs {@code [slot, value, nextSlot, nextIndex]}. */
  @Override
  public List<Fr> toFields() {
    return List.of(slot, value, nextSlot, Fr.ofLong(nextIndex));
  }

  /** The leaf value stored in the tree: the Poseidon2 hash of {@link #toFields()}. */
  public Fr hash() {
    return Poseidon2.hash(toFields());
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(slot).writeFr(value).writeFr(nextSlot).writeFr(Fr.ofLong(nextIndex));
  }

  public static PublicDataTreeLeafPreimage fromBuffer(BufferReader reader) {
    return new PublicDataTreeLeafPreimage(
        reader.readFr(), reader.readFr(), reader.readFr(), IndexBytes.read32(reader));
  }

  public static PublicDataTreeLeafPreimage fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }
}
