package io.quetzal.ethereum.archive;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import java.util.Arrays;

/**
 * An immutable 32-byte value that is not necessarily a field element: keccak digests, versioned
 * blob hashes, L1 block and transaction hashes. Compared by content; prints as 0x-hex.
 */
public final class Bytes32 {
  public static final int SIZE = 32;
  public static final Bytes32 ZERO = new Bytes32(new byte[SIZE]);

  private final byte[] bytes;

  private Bytes32(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies exactly 32 bytes. */
  public static Bytes32 wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
    }
    return new Bytes32(bytes.clone());
  }

  /** Copies the 32 bytes at {@code offset}. */
  public static Bytes32 wrap(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE) {
      throw new IllegalArgumentException("fewer than 32 bytes at offset " + offset);
    }
    return new Bytes32(Arrays.copyOfRange(src, offset, offset + SIZE));
  }

  /** Parses 0x-hex of exactly 32 bytes; throws {@link L1DecodeException} otherwise. */
  public static Bytes32 fromHex(String hex) {
    try {
      return new Bytes32(Hex.decodeExact(hex, SIZE));
    } catch (RuntimeException e) {
      throw new L1DecodeException("expected a 0x-hex 32-byte value, got " + snippet(hex), e);
    }
  }

  /** The field element with these bytes (throws when the value is not below the modulus). */
  public Fr toFr() {
    return Fr.fromBytes(bytes);
  }

  /** The bytes of a field element. */
  public static Bytes32 of(Fr fr) {
    return new Bytes32(fr.toBytes());
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The byte at {@code i}. */
  public byte get(int i) {
    return bytes[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }

  static String snippet(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
  }
}
