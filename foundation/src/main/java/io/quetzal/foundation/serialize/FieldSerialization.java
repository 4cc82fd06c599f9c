package io.quetzal.foundation.serialize;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Field-element serialization with the official rules ({@code serializeToFields}, {@code
 * Fq.toFields}, {@code to2Fields}, {@code from2Fields}).
 *
 * <p>Stateless and thread-safe.
 */
public final class FieldSerialization {
  private static final BigInteger LOW_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  private static final byte[] FR_MODULUS = BigInts.fixed(Fr.MODULUS, 32);

  private FieldSerialization() {}

  /**
   * The official {@code serializeToFields}: an {@code Fr} is itself; a {@code Boolean}, {@code
   * Integer}, {@code Long} or {@code BigInteger} is that value as a field ({@code "Value 0x-5 is
   * negative."} / {@code "Value 0x… is greater or equal to field modulus."}); an {@code Fq} is its
   * two 128-bit halves, <b>low first</b>; an {@link EthAddress} its 32-byte padded value; a {@code
   * byte[]} the field in its <b>first 32 bytes</b> (fewer throws the reader's range error, extra
   * bytes are ignored); a {@link FieldSerializable} its fields; collections and arrays are
   * flattened.
   */
  public static List<Fr> serializeToFields(Object... values) {
    List<Fr> out = new ArrayList<>();
    for (Object value : values) {
      add(out, value);
    }
    return out;
  }

  /** The official {@code Fq.toFields()}: {@code [low 128 bits, high bits]}. */
  public static List<Fr> fqToFields(Fq value) {
    BigInteger v = value.toBigInteger();
    return List.of(Fr.fromBigInteger(v.and(LOW_128)), Fr.fromBigInteger(v.shiftRight(128)));
  }

  /** A value as a field, with the official messages for negative and too-large values. */
  public static Fr toField(BigInteger value) {
    if (value.signum() < 0) {
      throw new SerializationException("Value 0x" + value.toString(16) + " is negative.");
    }
    if (value.compareTo(Fr.MODULUS) >= 0) {
      throw new SerializationException(
          "Value 0x" + value.toString(16) + " is greater or equal to field modulus.");
    }
    return Fr.fromBigInteger(value);
  }

  /** 32 bytes as two fields: {@code [first 16 bytes, last 16 bytes]}, each left-padded. */
  public static List<Fr> to2Fields(byte[] bytes) {
    if (bytes.length != 32) {
      throw new SerializationException("Buffer must be 32 bytes");
    }
    byte[] hi = new byte[32];
    byte[] lo = new byte[32];
    System.arraycopy(bytes, 0, hi, 16, 16);
    System.arraycopy(bytes, 16, lo, 16, 16);
    return List.of(Fr.fromBytes(hi), Fr.fromBytes(lo));
  }

  /** The inverse of {@link #to2Fields}: the low 16 bytes of each field, concatenated. */
  public static byte[] from2Fields(Fr first, Fr second) {
    byte[] out = new byte[32];
    System.arraycopy(first.toBytes(), 16, out, 0, 16);
    System.arraycopy(second.toBytes(), 16, out, 16, 16);
    return out;
  }

  private static void add(List<Fr> out, Object value) {
    switch (value) {
      case Collection<?> items -> {
        for (Object item : items) {
          add(out, item);
        }
      }
      case Object[] items -> {
        for (Object item : items) {
          add(out, item);
        }
      }
      case Fr f -> out.add(f);
      case Boolean b -> out.add(b ? Fr.ONE : Fr.ZERO);
      case Integer n -> out.add(toField(BigInteger.valueOf(n)));
      case Long n -> out.add(toField(BigInteger.valueOf(n)));
      case BigInteger n -> out.add(toField(n));
      case FieldSerializable s -> out.addAll(s.toFields());
      case Fq f -> out.addAll(fqToFields(f));
      case EthAddress a -> out.add(a.toField());
      case byte[] bytes -> {
        if (bytes.length < 32) {
          throw new SerializationException(
              "Attempted to read beyond buffer length. Start index: 0, Num bytes to read: 32,"
                  + " Buffer length: "
                  + bytes.length);
        }
        byte[] first = Arrays.copyOf(bytes, 32);
        BufferReader.checkBelow(first, FR_MODULUS);
        out.add(Fr.fromBytes(first));
      }
      case null -> throw new SerializationException("Cannot serialize input to field: null");
      default ->
          throw new SerializationException(
              "Cannot serialize input to field: " + value.getClass().getName());
    }
  }
}
