package io.quetzal.stdlib.tx;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import java.util.Objects;

/**
 * A write to the public data tree. Buffer and blob form: leafSlot then value; JSON: {@code
 * {leafSlot, value}}.
 *
 * @param leafSlot the siloed slot (the leaf key)
 * @param value the new value
 */
public record PublicDataWrite(Fr leafSlot, Fr value) implements BufferSerializable {
  public PublicDataWrite {
    Objects.requireNonNull(leafSlot, "leafSlot");
    Objects.requireNonNull(value, "value");
  }

  public boolean isEmpty() {
    return leafSlot.isZero() && value.isZero();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(leafSlot).writeFr(value);
  }

  public static PublicDataWrite fromBuffer(BufferReader reader) {
    return new PublicDataWrite(reader.readFr(), reader.readFr());
  }
}
