package io.quetzal.sequencerclient.publisher;

import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * A minimal ABI word writer: 32-byte big-endian words, left-padded addresses and right-padded
 * dynamic bytes. Offsets are computed by the callers, which know their (fixed) layouts.
 */
final class AbiWriter {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  AbiWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** An unsigned word; negative values are written in two's complement (int256). */
  AbiWriter word(BigInteger v) {
    BigInteger x = v.signum() < 0 ? v.add(TWO_256) : v;
    if (x.signum() < 0 || x.bitLength() > 256) {
      throw new IllegalArgumentException("value does not fit in 256 bits: " + v);
    }
    byte[] b = x.toByteArray();
    byte[] w = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, w, 32 - n, n);
    out.writeBytes(w);
    return this;
  }

  AbiWriter word(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative uint: " + v);
    }
    return word(BigInteger.valueOf(v));
  }

  /** A 32-byte value as is. */
  AbiWriter bytes32(byte[] b) {
    if (b.length != 32) {
      throw new IllegalArgumentException("bytes32 needs 32 bytes, got " + b.length);
    }
    out.writeBytes(b);
    return this;
  }

  AbiWriter address(EthAddress a) {
    out.writeBytes(new byte[12]);
    out.writeBytes(a.toBytes());
    return this;
  }

  AbiWriter bool(boolean b) {
    return word(b ? 1 : 0);
  }

  /** The tail of a {@code bytes} value: length word, then the data right-padded to 32. */
  AbiWriter dynamicBytes(byte[] data) {
    word(data.length);
    out.writeBytes(data);
    out.writeBytes(new byte[padding(data.length)]);
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  /** The encoded size of a {@code bytes} tail. */
  static int dynamicBytesSize(int length) {
    return 32 + length + padding(length);
  }

  private static int padding(int length) {
    return (32 - length % 32) % 32;
  }
}
