package io.quetzal.stdlib.block;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Fees per unit of DA and L2 gas (official UInt128 values). Buffer: two 16-byte big-endian numbers;
 * fields: two fields; JSON: {@code {feePerDaGas, feePerL2Gas}} as decimal strings.
 *
 * @param feePerDaGas fee per unit of DA gas, 0 to 2^128-1
 * @param feePerL2Gas fee per unit of L2 gas, 0 to 2^128-1
 */
public record GasFees(BigInteger feePerDaGas, BigInteger feePerL2Gas)
    implements BufferSerializable, FieldSerializable {
  private static final int MAX_BITS = 128;
  public static final GasFees EMPTY = new GasFees(BigInteger.ZERO, BigInteger.ZERO);

  public GasFees {
    checkUInt128(Objects.requireNonNull(feePerDaGas, "feePerDaGas"), "feePerDaGas");
    checkUInt128(Objects.requireNonNull(feePerL2Gas, "feePerL2Gas"), "feePerL2Gas");
  }

  public static GasFees of(long feePerDaGas, long feePerL2Gas) {
    return new GasFees(BigInteger.valueOf(feePerDaGas), BigInteger.valueOf(feePerL2Gas));
  }

  public static GasFees empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return feePerDaGas.signum() == 0 && feePerL2Gas.signum() == 0;
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeUInt128(feePerDaGas).writeUInt128(feePerL2Gas);
  }

  public static GasFees fromBuffer(BufferReader reader) {
    return new GasFees(reader.readUInt128(), reader.readUInt128());
  }

  @Override
  public List<Fr> toFields() {
    return List.of(Fr.fromBigInteger(feePerDaGas), Fr.fromBigInteger(feePerL2Gas));
  }

  public static GasFees fromFields(FieldReader reader) {
    return new GasFees(reader.readField().toBigInteger(), reader.readField().toBigInteger());
  }

  private static void checkUInt128(BigInteger v, String name) {
    if (v.signum() < 0 || v.bitLength() > MAX_BITS) {
      throw new IllegalArgumentException(name + " out of UInt128 range: " + v);
    }
  }
}
