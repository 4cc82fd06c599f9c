package io.quetzal.ethereum.archive;

import io.quetzal.foundation.bytes.Hex;
import java.util.Arrays;

/** An immutable 16-byte value: the Inbox's rolling hash ({@code bytes16}). */
public final class Bytes16 {
  public static final int SIZE = 16;
  public static final Bytes16 ZERO = new Bytes16(new byte[SIZE]);

  private final byte[] bytes;

  private Bytes16(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies exactly 16 bytes. */
  public static Bytes16 wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("expected 16 bytes, got " + bytes.length);
    }
    return new Bytes16(bytes.clone());
  }

  /** Parses 0x-hex of exactly 16 bytes. */
  public static Bytes16 fromHex(String hex) {
    try {
      return new Bytes16(Hex.decodeExact(hex, SIZE));
    } catch (RuntimeException e) {
      throw new L1DecodeException(
          "expected a 0x-hex 16-byte value, got " + Bytes32.snippet(hex), e);
    }
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes16 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
