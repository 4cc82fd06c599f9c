package io.quetzal.foundation.serialize;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads values from a list of field elements, as the official {@code FieldReader}.
 *
 * <p>Notable rules: {@link #readBoolean()} accepts only 0 and 1 ({@code "Field is not a
 * boolean."}); {@link #readU32()}/{@link #readU64()} reject values of 2^32/2^64 and more; {@link
 * #readFq()} reads the <b>high</b> 128-bit half first and then the low half, although {@link
 * FieldSerialization#fqToFields(Fq)} (the official {@code Fq.toFields}) writes low first, so the
 * two do not round-trip. Running out of fields throws {@code "Not enough fields to be consumed."}.
 *
 * <p>Not thread-safe.
 */
public final class FieldReader {
  private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private final List<Fr> fields;
  private int index;

  public FieldReader(List<Fr> fields) {
    this(fields, 0);
  }

  /**
   * Starts at {@code offset}, which may equal the size; beyond it throws "Offset out of bounds.".
   */
  public FieldReader(List<Fr> fields, int offset) {
    if (offset > fields.size()) {
      throw new SerializationException("Offset out of bounds.");
    }
    this.fields = List.copyOf(fields);
    this.index = offset;
  }

  /** The index of the next field. */
  public int cursor() {
    return index;
  }

  public int remainingFields() {
    return fields.size() - index;
  }

  public boolean isFinished() {
    return index >= fields.size();
  }

  public void skip(int n) {
    if ((long) index + n > fields.size()) {
      throw notEnough();
    }
    index += n;
  }

  public Fr readField() {
    if (index == fields.size()) {
      throw notEnough();
    }
    return fields.get(index++);
  }

  public Fr peekField() {
    if (index == fields.size()) {
      throw notEnough();
    }
    return fields.get(index);
  }

  /** Two fields, high half then low half: {@code (high << 128) + low}, which must be below q. */
  public Fq readFq() {
    BigInteger high = readField().toBigInteger();
    BigInteger low = readField().toBigInteger();
    BigInteger value = high.shiftLeft(128).add(low);
    if (value.compareTo(Fq.MODULUS) >= 0) {
      throw new SerializationException(
          "Value 0x" + value.toString(16) + " is greater or equal to field modulus.");
    }
    return Fq.fromBigInteger(value);
  }

  public boolean readBoolean() {
    BigInteger value = readField().toBigInteger();
    if (value.compareTo(BigInteger.ONE) > 0) {
      throw new SerializationException("Field is not a boolean.");
    }
    return value.signum() == 1;
  }

  public long readU32() {
    BigInteger value = readField().toBigInteger();
    if (value.compareTo(TWO_32) >= 0) {
      throw new SerializationException("Field is not a u32.");
    }
    return value.longValueExact();
  }

  public BigInteger readU64() {
    BigInteger value = readField().toBigInteger();
    if (value.compareTo(TWO_64) >= 0) {
      throw new SerializationException("Field is not a u64.");
    }
    return value;
  }

  public List<Fr> readFieldArray(int size) {
    List<Fr> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(readField());
    }
    return out;
  }

  public <T> List<T> readArray(int size, Function<FieldReader, T> readItem) {
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(readItem.apply(this));
    }
    return out;
  }

  public <T> T readObject(Function<FieldReader, T> reader) {
    return reader.apply(this);
  }

  private static SerializationException notEnough() {
    return new SerializationException("Not enough fields to be consumed.");
  }
}
