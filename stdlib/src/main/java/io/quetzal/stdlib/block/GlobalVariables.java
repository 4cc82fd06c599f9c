package io.quetzal.stdlib.block;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The block's global variables. Buffer: chainId, version (32 bytes each), blockNumber, slotNumber
 * (4-byte numbers), timestamp (8 bytes), coinbase (20 bytes), feeRecipient (32 bytes), gasFees (2 ×
 * 16 bytes). Fields: nine, one per value and two for the fees. JSON as the node serves it: {@code
 * slotNumber} is written as a hex field (the official {@code toJSON}), {@code timestamp} as a
 * decimal string.
 *
 * @param chainId the L1 chain id
 * @param version the rollup version
 * @param blockNumber the block number, at most 2^32-1
 * @param slotNumber the slot, at most 2^32-1
 * @param timestamp seconds since the epoch (the official UInt64; here 0 to 2^63-1)
 * @param coinbase the L1 address paid for the block
 * @param feeRecipient the L2 address receiving fees
 * @param gasFees the fees per gas unit
 */
public record GlobalVariables(
    Fr chainId,
    Fr version,
    BlockNumber blockNumber,
    SlotNumber slotNumber,
    long timestamp,
    EthAddress coinbase,
    AztecAddress feeRecipient,
    GasFees gasFees)
    implements BufferSerializable, FieldSerializable {
  public static final GlobalVariables EMPTY =
      new GlobalVariables(
          Fr.ZERO,
          Fr.ZERO,
          BlockNumber.ZERO,
          SlotNumber.ZERO,
          0,
          EthAddress.ZERO,
          AztecAddress.ZERO,
          GasFees.EMPTY);

  public GlobalVariables {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(blockNumber, "blockNumber");
    Objects.requireNonNull(slotNumber, "slotNumber");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(gasFees, "gasFees");
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be non-negative: " + timestamp);
    }
  }

  public static GlobalVariables empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer
        .writeFr(chainId)
        .writeFr(version)
        .writeNumber(blockNumber.value())
        .writeNumber(slotNumber.value())
        .writeUInt64(timestamp);
    coinbase.writeTo(writer);
    feeRecipient.writeTo(writer);
    gasFees.writeTo(writer);
  }

  public static GlobalVariables fromBuffer(BufferReader reader) {
    return new GlobalVariables(
        reader.readFr(),
        reader.readFr(),
        BlockNumber.of(reader.readNumber()),
        SlotNumber.of(reader.readNumber()),
        toTimestamp(reader.readUInt64()),
        EthAddress.fromBuffer(reader),
        AztecAddress.fromBuffer(reader),
        GasFees.fromBuffer(reader));
  }

  @Override
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(9);
    out.add(chainId);
    out.add(version);
    out.add(Fr.ofLong(blockNumber.value()));
    out.add(Fr.ofLong(slotNumber.value()));
    out.add(Fr.ofLong(timestamp));
    out.add(coinbase.toField());
    out.add(feeRecipient.toField());
    out.addAll(gasFees.toFields());
    return List.copyOf(out);
  }

  public static GlobalVariables fromFields(FieldReader reader) {
    return new GlobalVariables(
        reader.readField(),
        reader.readField(),
        BlockNumber.of(reader.readU32()),
        SlotNumber.of(reader.readU32()),
        toTimestamp(reader.readField().toBigInteger()),
        EthAddress.fromField(reader.readField()),
        AztecAddress.fromField(reader.readField()),
        GasFees.fromFields(reader));
  }

  private static long toTimestamp(BigInteger v) {
    if (v.bitLength() > 63) {
      throw new IllegalArgumentException("timestamp beyond 2^63-1 is not supported: " + v);
    }
    return v.longValue();
  }
}
