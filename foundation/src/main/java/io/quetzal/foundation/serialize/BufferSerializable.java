package io.quetzal.foundation.serialize;

/** A value with an Aztec buffer form (the official {@code toBuffer()}). */
public interface BufferSerializable {
  /** Appends this value's buffer form to {@code writer}. */
  void writeTo(BufferWriter writer);

  /** This value's buffer form. */
  default byte[] toBuffer() {
    BufferWriter w = new BufferWriter();
    writeTo(w);
    return w.toByteArray();
  }
}
