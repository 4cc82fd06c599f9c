package io.quetzal.foundation.types;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 20-byte Ethereum address, parsed and printed as the official {@code EthAddress}
 * ({@code @aztec/foundation/eth-address}).
 *
 * <p>{@link #fromString(String)} accepts 40 hex digits with an optional {@code 0x} or {@code 0X}
 * prefix when the digits are all lower-case, all upper-case, or carry a valid EIP-55 checksum;
 * anything else throws {@code "Invalid address string: <input>"}. {@link #toString()} is the
 * lower-case {@code 0x} form (the JSON form); {@link #toChecksumString()} the EIP-55 form. In
 * buffers an address is its 20 raw bytes; as a field it is the address left-padded to 32 bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class EthAddress implements Comparable<EthAddress>, BufferSerializable {
  public static final int SIZE_IN_BYTES = 20;

  /** The all-zero address. */
  public static final EthAddress ZERO = new EthAddress(new byte[SIZE_IN_BYTES]);

  private final byte[] bytes;

  private EthAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies exactly 20 bytes. */
  public static EthAddress fromBytes(byte[] bytes) {
    if (bytes.length != SIZE_IN_BYTES) {
      throw new IllegalArgumentException(
          "Expect buffer size to be " + SIZE_IN_BYTES + ". Got " + bytes.length + ".");
    }
    return new EthAddress(bytes.clone());
  }

  /** Parses as {@code EthAddress.fromString}; see the class comment. */
  public static EthAddress fromString(String address) {
    if (!isAddress(address)) {
      throw new IllegalArgumentException("Invalid address string: " + address);
    }
    return new EthAddress(Hex.decode(address.substring(prefixLength(address))));
  }

  /**
   * True when {@code address} is 40 hex digits, optionally prefixed by {@code 0x}/{@code 0X}, all
   * lower-case, all upper-case or correctly checksummed (as {@code EthAddress.isAddress}).
   */
  public static boolean isAddress(String address) {
    int start = prefixLength(address);
    if (address.length() - start != 40) {
      return false;
    }
    boolean hasLower = false;
    boolean hasUpper = false;
    for (int i = start; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c >= 'a' && c <= 'f') {
        hasLower = true;
      } else if (c >= 'A' && c <= 'F') {
        hasUpper = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return !(hasLower && hasUpper) || checkAddressChecksum(address);
  }

  /**
   * True when the 40 digits of {@code address} (optional {@code 0x}/{@code 0X} prefix) carry the
   * EIP-55 case pattern: a letter is upper-case exactly when the matching nibble of
   * keccak256(lower-case digits) is 8 or more.
   */
  public static boolean checkAddressChecksum(String address) {
    String digits = address.substring(prefixLength(address));
    if (digits.length() != 40) {
      return false;
    }
    String hash = checksumHash(digits.toLowerCase(java.util.Locale.ROOT));
    for (int i = 0; i < 40; i++) {
      char c = digits.charAt(i);
      boolean upperWanted = Character.digit(hash.charAt(i), 16) > 7;
      if (upperWanted ? Character.isLowerCase(c) : Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** The EIP-55 form of a valid address string (as {@code EthAddress.toChecksumAddress}). */
  public static String toChecksumAddress(String address) {
    if (!isAddress(address)) {
      throw new IllegalArgumentException("Invalid address string.");
    }
    String digits = address.substring(prefixLength(address)).toLowerCase(java.util.Locale.ROOT);
    String hash = checksumHash(digits);
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < 40; i++) {
      char c = digits.charAt(i);
      out.append(Character.digit(hash.charAt(i), 16) > 7 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /** The last 20 bytes of a field element. */
  public static EthAddress fromField(Fr field) {
    return new EthAddress(Arrays.copyOfRange(field.toBytes(), 12, 32));
  }

  /** An address whose last 8 bytes are {@code num} (big-endian); handy for tests. */
  public static EthAddress fromNumber(long num) {
    byte[] b = new byte[SIZE_IN_BYTES];
    for (int i = 0; i < 8; i++) {
      b[SIZE_IN_BYTES - 1 - i] = (byte) (num >>> (8 * i));
    }
    return new EthAddress(b);
  }

  /** Reads 20 raw bytes. */
  public static EthAddress fromBuffer(BufferReader reader) {
    return new EthAddress(reader.readBytes(SIZE_IN_BYTES));
  }

  /** Writes the 20 raw bytes. */
  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeBytes(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The address left-padded with 12 zero bytes. */
  public byte[] toBytes32() {
    byte[] out = new byte[32];
    System.arraycopy(bytes, 0, out, 12, SIZE_IN_BYTES);
    return out;
  }

  /** The address as a field element (its 32-byte left-padded form). */
  public Fr toField() {
    return Fr.fromBytes(toBytes32());
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  /** {@code 0x} and 40 lower-case hex digits. */
  @Override
  public String toString() {
    return Hex.encode(bytes);
  }

  /** The EIP-55 checksummed form. */
  public String toChecksumString() {
    return toChecksumAddress(Hex.encodeNoPrefix(bytes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Unsigned byte-wise order. */
  @Override
  public int compareTo(EthAddress o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  private static int prefixLength(String s) {
    return Hex.hasPrefix(s) ? 2 : 0;
  }

  private static String checksumHash(String lowerDigits) {
    return Hex.encodeNoPrefix(Keccak256.hash(lowerDigits.getBytes(StandardCharsets.US_ASCII)));
  }
}
