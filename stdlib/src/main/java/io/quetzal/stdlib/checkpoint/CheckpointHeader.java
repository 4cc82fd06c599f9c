package io.quetzal.stdlib.checkpoint;

import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.GasFees;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The header a proposer publishes with a checkpoint ({@code ProposedHeader} on L1): it is decoded
 * from {@code Rollup.propose} calldata and stored with the checkpoint.
 *
 * <p>Buffer (the official {@code toBuffer}, the order of the L1 {@code ProposedHeaderLib}): the
 * five roots (32 bytes each), slotNumber as a 32-byte field, timestamp as 8 bytes, coinbase (20
 * bytes), feeRecipient (32), gasFees (2 × 16), totalManaUsed (32) — 348 bytes. {@link #hash()} is
 * {@code sha256ToField} of it. JSON: roots as hex fields, {@code slotNumber} a JSON number, {@code
 * timestamp} a decimal string (see {@code io.quetzal.stdlib.json.BlockJson}).
 *
 * @param lastArchiveRoot the archive root before the checkpoint's first block
 * @param blockHeadersHash the hash of the headers of the checkpoint's blocks
 * @param blobsHash {@code sha256ToField} of the blobs' versioned hashes
 * @param inHash the L1→L2 messages consumed by the checkpoint
 * @param epochOutHash the epoch's L2→L1 out hash so far
 * @param slotNumber the slot
 * @param timestamp seconds since the epoch (the official UInt64; here 0 to 2^63-1)
 * @param coinbase the L1 address paid for the checkpoint
 * @param feeRecipient the L2 address receiving fees
 * @param gasFees the fees per gas unit
 * @param totalManaUsed the mana used by all the checkpoint's blocks
 */
public record CheckpointHeader(
    Fr lastArchiveRoot,
    Fr blockHeadersHash,
    Fr blobsHash,
    Fr inHash,
    Fr epochOutHash,
    SlotNumber slotNumber,
    long timestamp,
    EthAddress coinbase,
    AztecAddress feeRecipient,
    GasFees gasFees,
    Fr totalManaUsed)
    implements BufferSerializable {

  public CheckpointHeader {
    Objects.requireNonNull(lastArchiveRoot, "lastArchiveRoot");
    Objects.requireNonNull(blockHeadersHash, "blockHeadersHash");
    Objects.requireNonNull(blobsHash, "blobsHash");
    Objects.requireNonNull(inHash, "inHash");
    Objects.requireNonNull(epochOutHash, "epochOutHash");
    Objects.requireNonNull(slotNumber, "slotNumber");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(gasFees, "gasFees");
    Objects.requireNonNull(totalManaUsed, "totalManaUsed");
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be non-negative: " + timestamp);
    }
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer
        .writeFr(lastArchiveRoot)
        .writeFr(blockHeadersHash)
        .writeFr(blobsHash)
        .writeFr(inHash)
        .writeFr(epochOutHash)
        .writeFr(Fr.ofLong(slotNumber.value()))
        .writeUInt64(timestamp);
    coinbase.writeTo(writer);
    feeRecipient.writeTo(writer);
    gasFees.writeTo(writer);
    writer.writeFr(totalManaUsed);
  }

  public static CheckpointHeader fromBuffer(BufferReader reader) {
    Fr lastArchiveRoot = reader.readFr();
    Fr blockHeadersHash = reader.readFr();
    Fr blobsHash = reader.readFr();
    Fr inHash = reader.readFr();
    Fr epochOutHash = reader.readFr();
    Fr slot = reader.readFr();
    if (slot.toBigInteger().bitLength() > 63) {
      throw new IllegalArgumentException("slotNumber out of range: " + slot);
    }
    BigInteger ts = reader.readUInt64();
    if (ts.bitLength() > 63) {
      throw new IllegalArgumentException("timestamp beyond 2^63-1 is not supported: " + ts);
    }
    return new CheckpointHeader(
        lastArchiveRoot,
        blockHeadersHash,
        blobsHash,
        inHash,
        epochOutHash,
        SlotNumber.of(slot.toLongExact()),
        ts.longValue(),
        EthAddress.fromBuffer(reader),
        AztecAddress.fromBuffer(reader),
        GasFees.fromBuffer(reader),
        reader.readFr());
  }

  public static CheckpointHeader fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  /** {@code sha256ToField(toBuffer())}: the header hash L1 stores and attestations sign. */
  public Fr hash() {
    return Sha256.sha256ToField(toBuffer());
  }
}
