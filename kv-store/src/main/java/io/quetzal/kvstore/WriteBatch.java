package io.quetzal.kvstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes collected in memory, applied in order and atomically by {@link
 * KvStore#commit(WriteBatch)}. Not thread-safe; the arrays are captured by reference, so do not
 * modify them after adding.
 */
public final class WriteBatch {
  private record Op(KvDatabase db, byte[] key, byte[] value) {}

  private final List<Op> ops = new ArrayList<>();

  /** Adds a put of {@code value} under {@code key}. */
  public WriteBatch put(KvDatabase db, byte[] key, byte[] value) {
    ops.add(
        new Op(
            Objects.requireNonNull(db),
            Objects.requireNonNull(key),
            Objects.requireNonNull(value)));
    return this;
  }

  /** Adds a delete of {@code key}. */
  public WriteBatch delete(KvDatabase db, byte[] key) {
    ops.add(new Op(Objects.requireNonNull(db), Objects.requireNonNull(key), null));
    return this;
  }

  /** The number of operations. */
  public int size() {
    return ops.size();
  }

  /** Whether there is nothing to apply. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** Applies every operation, in order, to {@code txn}. */
  public void applyTo(WriteTxn txn) {
    for (Op op : ops) {
      if (op.value == null) {
        txn.delete(op.db, op.key);
      } else {
        txn.put(op.db, op.key, op.value);
      }
    }
  }
}
