package io.quetzal.stdlib.block;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.serialize.FieldReader;
import io.quetzal.foundation.serialize.FieldSerializable;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The snapshots of the trees a tx changes, in the official order note hash, nullifier, public data.
 *
 * @param noteHashTree the note hash tree
 * @param nullifierTree the nullifier tree
 * @param publicDataTree the public data tree
 */
public record PartialStateReference(
    AppendOnlyTreeSnapshot noteHashTree,
    AppendOnlyTreeSnapshot nullifierTree,
    AppendOnlyTreeSnapshot publicDataTree)
    implements BufferSerializable, FieldSerializable {
  public static final PartialStateReference EMPTY =
      new PartialStateReference(
          AppendOnlyTreeSnapshot.EMPTY, AppendOnlyTreeSnapshot.EMPTY, AppendOnlyTreeSnapshot.EMPTY);

  public PartialStateReference {
    Objects.requireNonNull(noteHashTree, "noteHashTree");
    Objects.requireNonNull(nullifierTree, "nullifierTree");
    Objects.requireNonNull(publicDataTree, "publicDataTree");
  }

  public static PartialStateReference empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return noteHashTree.isEmpty() && nullifierTree.isEmpty() && publicDataTree.isEmpty();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    noteHashTree.writeTo(writer);
    nullifierTree.writeTo(writer);
    publicDataTree.writeTo(writer);
  }

  public static PartialStateReference fromBuffer(BufferReader reader) {
    return new PartialStateReference(
        AppendOnlyTreeSnapshot.fromBuffer(reader),
        AppendOnlyTreeSnapshot.fromBuffer(reader),
        AppendOnlyTreeSnapshot.fromBuffer(reader));
  }

  @Override
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(6);
    out.addAll(noteHashTree.toFields());
    out.addAll(nullifierTree.toFields());
    out.addAll(publicDataTree.toFields());
    return List.copyOf(out);
  }

  public static PartialStateReference fromFields(FieldReader reader) {
    return new PartialStateReference(
        AppendOnlyTreeSnapshot.fromFields(reader),
        AppendOnlyTreeSnapshot.fromFields(reader),
        AppendOnlyTreeSnapshot.fromFields(reader));
  }
}
