package io.quetzal.stdlib.address;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.util.List;

/**
 * An Aztec address: a field element, for most accounts the x coordinate of a Grumpkin point. Buffer
 * form: 32 bytes; field form: one field; JSON: {@code 0x} + 64 hex digits.
 *
 * @param field the address as a field element
 */
public record AztecAddress(Fr field)
    implements BufferSerializable, FieldSerializable, Comparable<AztecAddress> {
  public static final AztecAddress ZERO = new AztecAddress(Fr.ZERO);

  public AztecAddress {
    java.util.Objects.requireNonNull(field, "field");
  }

  public static AztecAddress fromField(Fr field) {
    return new AztecAddress(field);
  }

  public static AztecAddress fromLong(long value) {
    return new AztecAddress(Fr.ofLong(value));
  }

  /** Parses {@code 0x}-prefixed (or bare) hex. */
  public static AztecAddress fromString(String hex) {
    String s = hex.startsWith("0x") ? hex : "0x" + hex;
    return new AztecAddress(Fr.fromHexString(s));
  }

  public static AztecAddress fromBuffer(BufferReader reader) {
    return new AztecAddress(reader.readFr());
  }

  public Fr toField() {
    return field;
  }

  public boolean isZero() {
    return field.isZero();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeFr(field);
  }

  @Override
  public List<Fr> toFields() {
    return List.of(field);
  }

  @Override
  public int compareTo(AztecAddress o) {
    return field.compareTo(o.field);
  }

  /** {@code 0x} and 64 lower-case hex digits. */
  @Override
  public String toString() {
    return field.toString();
  }
}
