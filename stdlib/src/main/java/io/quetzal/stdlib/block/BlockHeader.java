package io.quetzal.stdlib.block;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An L2 block header. Field, buffer and JSON order: lastArchive, state, spongeBlobHash,
 * globalVariables, totalFees, totalManaUsed (22 fields). Its hash — the archive tree leaf — is
 * {@code poseidon2HashWithSeparator(toFields(), BLOCK_HEADER_HASH)}.
 *
 * @param lastArchive the archive snapshot before this block
 * @param state the tree snapshots after this block
 * @param spongeBlobHash the blob sponge hash after this block's effects
 * @param globalVariables the block's global variables
 * @param totalFees the fees paid in the block
 * @param totalManaUsed the mana used in the block
 */
public record BlockHeader(
    AppendOnlyTreeSnapshot lastArchive,
    StateReference state,
    Fr spongeBlobHash,
    GlobalVariables globalVariables,
    Fr totalFees,
    Fr totalManaUsed)
    implements BufferSerializable, FieldSerializable {

  public BlockHeader {
    Objects.requireNonNull(lastArchive, "lastArchive");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(spongeBlobHash, "spongeBlobHash");
    Objects.requireNonNull(globalVariables, "globalVariables");
    Objects.requireNonNull(totalFees, "totalFees");
    Objects.requireNonNull(totalManaUsed, "totalManaUsed");
  }

  /** A header with the given state and every other value zero or empty (the genesis header). */
  public static BlockHeader empty(StateReference state) {
    return new BlockHeader(
        AppendOnlyTreeSnapshot.EMPTY, state, Fr.ZERO, GlobalVariables.EMPTY, Fr.ZERO, Fr.ZERO);
  }

  /** A header with every value zero or empty. */
  public static BlockHeader empty() {
    return empty(StateReference.EMPTY);
  }

  public boolean isEmpty() {
    return lastArchive.isEmpty()
        && state.isEmpty()
        && spongeBlobHash.isZero()
        && globalVariables.isEmpty()
        && totalFees.isZero()
        && totalManaUsed.isZero();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    lastArchive.writeTo(writer);
    state.writeTo(writer);
    writer.writeFr(spongeBlobHash);
    globalVariables.writeTo(writer);
    writer.writeFr(totalFees).writeFr(totalManaUsed);
  }

  public static BlockHeader fromBuffer(BufferReader reader) {
    return new BlockHeader(
        AppendOnlyTreeSnapshot.fromBuffer(reader),
        StateReference.fromBuffer(reader),
        reader.readFr(),
        GlobalVariables.fromBuffer(reader),
        reader.readFr(),
        reader.readFr());
  }

  public static BlockHeader fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  @Override
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(Constants.BLOCK_HEADER_LENGTH);
    out.addAll(lastArchive.toFields());
    out.addAll(state.toFields());
    out.add(spongeBlobHash);
    out.addAll(globalVariables.toFields());
    out.add(totalFees);
    out.add(totalManaUsed);
    return List.copyOf(out);
  }

  public static BlockHeader fromFields(FieldReader reader) {
    return new BlockHeader(
        AppendOnlyTreeSnapshot.fromFields(reader),
        StateReference.fromFields(reader),
        reader.readField(),
        GlobalVariables.fromFields(reader),
        reader.readField(),
        reader.readField());
  }

  public static BlockHeader fromFields(List<Fr> fields) {
    return fromFields(new FieldReader(fields));
  }

  /** The block's number (from its global variables). */
  public BlockNumber blockNumber() {
    return globalVariables.blockNumber();
  }

  /** The block's slot (from its global variables). */
  public SlotNumber slotNumber() {
    return globalVariables.slotNumber();
  }

  /** The block hash: the header's leaf in the archive tree. */
  public Fr hash() {
    return Poseidon2.hashWithSeparator(toFields(), Constants.DomainSeparator.BLOCK_HEADER_HASH);
  }
}
