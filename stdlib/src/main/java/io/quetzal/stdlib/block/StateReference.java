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
 * The snapshots of the four state trees (all but the archive): L1→L2 message tree first, then the
 * {@link PartialStateReference}.
 *
 * @param l1ToL2MessageTree the L1→L2 message tree
 * @param partial the note hash, nullifier and public data trees
 */
public record StateReference(
    AppendOnlyTreeSnapshot l1ToL2MessageTree, PartialStateReference partial)
    implements BufferSerializable, FieldSerializable {
  public static final StateReference EMPTY =
      new StateReference(AppendOnlyTreeSnapshot.EMPTY, PartialStateReference.EMPTY);

  public StateReference {
    Objects.requireNonNull(l1ToL2MessageTree, "l1ToL2MessageTree");
    Objects.requireNonNull(partial, "partial");
  }

  public static StateReference empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return l1ToL2MessageTree.isEmpty() && partial.isEmpty();
  }

  @Override
  public void writeTo(BufferWriter writer) {
    l1ToL2MessageTree.writeTo(writer);
    partial.writeTo(writer);
  }

  public static StateReference fromBuffer(BufferReader reader) {
    return new StateReference(
        AppendOnlyTreeSnapshot.fromBuffer(reader), PartialStateReference.fromBuffer(reader));
  }

  @Override
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(8);
    out.addAll(l1ToL2MessageTree.toFields());
    out.addAll(partial.toFields());
    return List.copyOf(out);
  }

  public static StateReference fromFields(FieldReader reader) {
    return new StateReference(
        AppendOnlyTreeSnapshot.fromFields(reader), PartialStateReference.fromFields(reader));
  }
}
