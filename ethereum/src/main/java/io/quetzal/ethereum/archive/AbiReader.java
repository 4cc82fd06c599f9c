package io.quetzal.ethereum.archive;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A bounds-checked reader of ABI-encoded data (calldata without its selector, log data, return
 * data). Every read names {@code what} in its {@link L1DecodeException}, so a malformed input gives
 * "propose calldata: header.slotNumber at byte 228 is past the end (196 bytes)" instead of an index
 * error. Offsets are byte offsets from the start of the encoding this reader wraps; {@link #at(int,
 * String)} gives a reader for a nested dynamic tuple (offsets inside it are relative to it, as the
 * ABI specifies).
 */
public final class AbiReader {
  private static final BigInteger MAX_OFFSET = BigInteger.valueOf(Integer.MAX_VALUE);

  private final byte[] data;
  private final int base;
  private final String what;

  private AbiReader(byte[] data, int base, String what) {
    this.data = data;
    this.base = base;
    this.what = what;
  }

  /** A reader over {@code data} (not copied; do not mutate it while reading). */
  public static AbiReader of(byte[] data, String what) {
    return new AbiReader(data, 0, what);
  }

  /** Total bytes available from this reader's base. */
  public int length() {
    return data.length - base;
  }

  /** The 32-byte word at {@code offset}. */
  public byte[] word(int offset, String field) {
    check(offset, 32, field);
    return Arrays.copyOfRange(data, base + offset, base + offset + 32);
  }

  /** The word at {@code offset} as an unsigned integer. */
  public BigInteger uint(int offset, String field) {
    return new BigInteger(1, word(offset, field));
  }

  /** A uint that must fit {@code bits} bits. */
  public BigInteger uint(int offset, int bits, String field) {
    BigInteger v = uint(offset, field);
    if (v.bitLength() > bits) {
      throw fail(field + " does not fit uint" + bits + ": " + v);
    }
    return v;
  }

  /** A uint that must fit a non-negative long. */
  public long uintLong(int offset, String field) {
    BigInteger v = uint(offset, field);
    if (v.bitLength() > 63) {
      throw fail(field + " is too large: " + v);
    }
    return v.longValue();
  }

  /** The word at {@code offset} as a two's complement int256. */
  public BigInteger int256(int offset, String field) {
    return new BigInteger(word(offset, field));
  }

  /** A bytes32. */
  public Bytes32 bytes32(int offset, String field) {
    return Bytes32.wrap(word(offset, field));
  }

  /** A left-aligned {@code bytesN} (N ≤ 32); the padding must be zero. */
  public byte[] fixedBytes(int offset, int n, String field) {
    byte[] w = word(offset, field);
    for (int i = n; i < 32; i++) {
      if (w[i] != 0) {
        throw fail(field + " (bytes" + n + ") has non-zero padding");
      }
    }
    return Arrays.copyOf(w, n);
  }

  /** An address: the upper 12 bytes must be zero. */
  public EthAddress address(int offset, String field) {
    byte[] w = word(offset, field);
    for (int i = 0; i < 12; i++) {
      if (w[i] != 0) {
        throw fail(field + " is not an address (upper 12 bytes are not zero)");
      }
    }
    return EthAddress.fromBytes(Arrays.copyOfRange(w, 12, 32));
  }

  /** A bool (0 or 1). */
  public boolean bool(int offset, String field) {
    BigInteger v = uint(offset, field);
    if (v.signum() == 0) {
      return false;
    }
    if (v.equals(BigInteger.ONE)) {
      return true;
    }
    throw fail(field + " is not a bool: " + v);
  }

  /** A uint8. */
  public int uint8(int offset, String field) {
    return uint(offset, 8, field).intValue();
  }

  /** The offset stored in the head word at {@code headOffset}, checked to be inside the data. */
  public int offset(int headOffset, String field) {
    BigInteger v = uint(headOffset, field + " (offset)");
    if (v.compareTo(MAX_OFFSET) > 0 || v.intValue() > length()) {
      throw fail(field + " points to byte " + v + ", past the end (" + length() + " bytes)");
    }
    return v.intValue();
  }

  /** A reader for the dynamic value whose offset is stored at {@code headOffset}. */
  public AbiReader at(int headOffset, String field) {
    return new AbiReader(data, base + offset(headOffset, field), what);
  }

  /** The dynamic {@code bytes} whose offset is stored at {@code headOffset}. */
  public byte[] dynamicBytes(int headOffset, String field) {
    int start = offset(headOffset, field);
    int len = lengthAt(start, field);
    check(start + 32, len, field);
    return Arrays.copyOfRange(data, base + start + 32, base + start + 32 + len);
  }

  /**
   * The length word of a dynamic array whose offset is stored at {@code headOffset}; each element
   * needs at least {@code minElementBytes} bytes after it, so a huge length fails here.
   */
  public int arrayLength(int headOffset, int minElementBytes, String field) {
    int start = offset(headOffset, field);
    int len = lengthAt(start, field);
    check(start + 32, (int) Math.min(Integer.MAX_VALUE, (long) len * minElementBytes), field);
    return len;
  }

  /** The element area of the array whose offset is stored at {@code headOffset}. */
  public AbiReader arrayElements(int headOffset, String field) {
    return new AbiReader(data, base + offset(headOffset, field) + 32, what);
  }

  private int lengthAt(int start, String field) {
    BigInteger len = uint(start, field + " (length)");
    if (len.compareTo(MAX_OFFSET) > 0 || len.intValue() > length()) {
      throw fail(field + " has length " + len + ", more than the " + length() + " bytes available");
    }
    return len.intValue();
  }

  private void check(int offset, int len, String field) {
    if (offset < 0 || len < 0 || (long) offset + len > length()) {
      throw fail(
          field
              + " at byte "
              + offset
              + " (+"
              + len
              + ") is past the end ("
              + length()
              + " bytes)");
    }
  }

  private L1DecodeException fail(String msg) {
    return new L1DecodeException(what + ": " + msg);
  }
}
