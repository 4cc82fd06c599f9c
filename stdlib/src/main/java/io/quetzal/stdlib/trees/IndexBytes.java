package io.quetzal.stdlib.trees;

import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.SerializationException;
import java.math.BigInteger;

/** Reads a leaf index written as a 32-byte big-endian integer. */
final class IndexBytes {
  private IndexBytes() {}

  static long read32(BufferReader reader) {
    BigInteger v = reader.readUInt256();
    if (v.bitLength() > 63) {
      throw new SerializationException("leaf index too large: " + v);
    }
    return v.longValueExact();
  }
}
