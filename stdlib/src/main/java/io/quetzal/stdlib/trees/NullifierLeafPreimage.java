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
 * A leaf of the nullifier tree with its link to the next larger nullifier. Buffer and hash inputs:
 * {@code nullifier, nextNullifier, nextIndex}, each as 32 bytes (the index too); the leaf hash is
 * {@code poseidon2(toFields())}. JSON: {@code {leaf: {nullifier}, nextKey, nextIndex}} with the
 * index as a decimal string.
 *
 * @param nullifier the key
 * @param nextNullifier the next larger key in the tree, or zero for the largest
 * @param nextIndex the leaf index of {@code nextNullifier} (0 for the largest)
 */
public record NullifierLeafPreimage(Fr nullifier, Fr nextNullifier, long nextIndex)
    implements BufferSerializable, FieldSerializable {
  public static final NullifierLeafPreimage EMPTY = new NullifierLeafPreimage(Fr.ZERO, Fr.ZERO, 0);

  public NullifierLeafPreimage {
    Objects.requireNonNull(nullifier, "nullifier");
    Objects.requireNonNull(nextNullifier, "nextNullifier");
    if (nextIndex < 0) {
      throw new IllegalArgumentException("nextIndex must be non-negative: " + nextIndex);
    }
  }

  public static NullifierLeafPreimage empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return nullifier.isZero() && nextNullifier.isZero() && nextIndex == 0;
  }

  /** The leaf's hash inputs {@code [nullifier, nextNullifier, nextIndex]}. */
  @Override
  public List<Fr> toFields() {
    return List.of(nullifier, nextNullifier, Fr.ofLong(nextIndex));
  }

  /** The leaf value stored in the tree: the Poseidon2 hash of {@link #toFields()}. */
  public Fr hash() {
    return Poseidon2.hash(toFields());
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(nullifier).writeFr(nextNullifier).writeFr(Fr.ofLong(nextIndex));
  }

  public static NullifierLeafPreimage fromBuffer(BufferReader reader) {
    return new NullifierLeafPreimage(reader.readFr(), reader.readFr(), IndexBytes.read32(reader));
  }

  public static NullifierLeafPreimage fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }
}
