package io.quetzal.foundation.serialize;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the Aztec buffer conventions (see {@link BufferWriter}) with the behaviour of the official
 * {@code BufferReader}: a cursor over a byte array, every read checked against the end with the
 * official message {@code "Attempted to read beyond buffer length. Start index: i, Num bytes to
 * read: n, Buffer length: len"}.
 *
 * <p>Details that follow the official reader:
 *
 * <ul>
 *   <li>{@link #readBoolean()} is true for any non-zero byte;
 *   <li>{@link #readString()} decodes UTF-8 replacing each invalid sequence by U+FFFD as Node does
 *       (WHATWG "maximal subpart" rule);
 *   <li>{@link #peekBytes(int)} with 0 returns <em>all</em> remaining bytes;
 *   <li>size limits ({@code maxSize}) are checked before the range;
 *   <li>{@link #readMap} orders keys as a JavaScript object does (integer-like keys ascending
 *       first, then insertion order; a repeated key keeps its first position and last value; the
 *       key {@code __proto__} disappears);
 *   <li>{@link #readFr()}/{@link #readFq()} reject values at or above the modulus with {@code
 *       "Value 0x… is greater or equal to field modulus."}.
 * </ul>
 *
 * Unlike the official reader, a negative byte count throws {@link IllegalArgumentException} (the
 * official one moves the cursor backwards). Not thread-safe.
 */
public final class BufferReader {
  private static final byte[] FR_MODULUS = BigInts.fixed(Fr.MODULUS, 32);
  private static final byte[] FQ_MODULUS = BigInts.fixed(Fq.MODULUS, 32);

  private final byte[] buffer;
  private int index;

  /** Reads {@code buffer} (not copied: do not change it while reading) from the start. */
  public BufferReader(byte[] buffer) {
    this(buffer, 0);
  }

  public BufferReader(byte[] buffer, int offset) {
    this.buffer = buffer;
    this.index = offset;
  }

  /** True once every byte has been read. */
  public boolean isEmpty() {
    return index == buffer.length;
  }

  /** The cursor position. */
  public int position() {
    return index;
  }

  public int getLength() {
    return buffer.length;
  }

  public int remainingBytes() {
    return buffer.length - index;
  }

  // ---- numbers

  /** An unsigned 32-bit big-endian number. */
  public long readNumber() {
    rangeCheck(4);
    long v =
        ((buffer[index] & 0xffL) << 24)
            | ((buffer[index + 1] & 0xffL) << 16)
            | ((buffer[index + 2] & 0xffL) << 8)
            | (buffer[index + 3] & 0xffL);
    index += 4;
    return v;
  }

  /** {@code count} numbers. */
  public long[] readNumbers(int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = readNumber();
    }
    return out;
  }

  public int readUInt8() {
    rangeCheck(1);
    return buffer[index++] & 0xff;
  }

  public int readUInt16() {
    rangeCheck(2);
    int v = ((buffer[index] & 0xff) << 8) | (buffer[index + 1] & 0xff);
    index += 2;
    return v;
  }

  /** Eight bytes, unsigned big-endian. */
  public BigInteger readUInt64() {
    return readUnsigned(8);
  }

  /** Sixteen bytes, unsigned big-endian. */
  public BigInteger readUInt128() {
    return readUnsigned(16);
  }

  /** Thirty-two bytes, unsigned big-endian. */
  public BigInteger readUInt256() {
    return readUnsigned(32);
  }

  /** Alias of {@link #readUInt256()}. */
  public BigInteger readBigInt() {
    return readUInt256();
  }

  /** Thirty-two bytes, two's complement big-endian. */
  public BigInteger readInt256() {
    rangeCheck(32);
    BigInteger v = BigInts.fromSignedBytesBE(buffer, index, 32);
    index += 32;
    return v;
  }

  /** One byte; any non-zero value is true. */
  public boolean readBoolean() {
    rangeCheck(1);
    return buffer[index++] != 0;
  }

  // ---- bytes and strings

  public byte[] readBytes(int n) {
    requireNonNegative(n);
    rangeCheck(n);
    byte[] out = Arrays.copyOfRange(buffer, index, index + n);
    index += n;
    return out;
  }

  /** Everything after the cursor. */
  public byte[] readToEnd() {
    byte[] out = Arrays.copyOfRange(buffer, index, buffer.length);
    index = buffer.length;
    return out;
  }

  /** The remaining bytes, without moving. */
  public byte[] peekBytes() {
    return Arrays.copyOfRange(buffer, index, buffer.length);
  }

  /** The next {@code n} bytes without moving; {@code n = 0} means all remaining bytes. */
  public byte[] peekBytes(int n) {
    requireNonNegative(n);
    rangeCheck(n);
    return Arrays.copyOfRange(buffer, index, n == 0 ? buffer.length : index + n);
  }

  /** A 4-byte length then that many bytes. */
  public byte[] readBuffer() {
    long size = readNumber();
    rangeCheck(size);
    return readBytes((int) size);
  }

  /** As {@link #readBuffer()}; a length above {@code maxSize} throws first. */
  public byte[] readBuffer(long maxSize) {
    long size = readNumber();
    if (size > maxSize) {
      throw new SerializationException(
          "Buffer size " + size + " exceeds maximum allowed " + maxSize);
    }
    rangeCheck(size);
    return readBytes((int) size);
  }

  /** A length-prefixed buffer decoded as UTF-8 (invalid sequences become U+FFFD). */
  public String readString() {
    return decodeUtf8(readBuffer());
  }

  public String readString(long maxSize) {
    return decodeUtf8(readBuffer(maxSize));
  }

  // ---- fields

  public Fr readFr() {
    byte[] b = readBytes(32);
    checkBelow(b, FR_MODULUS);
    return Fr.fromBytes(b);
  }

  public Fq readFq() {
    byte[] b = readBytes(32);
    checkBelow(b, FQ_MODULUS);
    return Fq.fromBytes(b);
  }

  // ---- composites

  public <T> T readObject(Function<BufferReader, T> reader) {
    return reader.apply(this);
  }

  /** A 4-byte count then the elements. */
  public <T> List<T> readVector(Function<BufferReader, T> readItem) {
    return readItems(readNumber(), readItem);
  }

  /** As {@link #readVector(Function)}; a count above {@code maxSize} throws first. */
  public <T> List<T> readVector(Function<BufferReader, T> readItem, long maxSize) {
    long size = readNumber();
    if (size > maxSize) {
      throw new SerializationException(
          "Vector size " + size + " exceeds maximum allowed " + maxSize);
    }
    return readItems(size, readItem);
  }

  /** A 1-byte count then the elements. */
  public <T> List<T> readVectorUint8Prefix(Function<BufferReader, T> readItem) {
    return readItems(readUInt8(), readItem);
  }

  /** Exactly {@code size} elements, no count. */
  public <T> List<T> readArray(int size, Function<BufferReader, T> readItem) {
    return readItems(size, readItem);
  }

  public long[] readNumberVector() {
    long size = readNumber();
    long[] out = new long[(int) Math.min(size, remainingBytes() / 4 + 1)];
    for (long i = 0; i < size; i++) {
      long v = readNumber();
      out[(int) i] = v;
    }
    return out;
  }

  public List<BigInteger> readUint256Vector() {
    return readVector(BufferReader::readUInt256);
  }

  /**
   * Length-prefixed buffers until the end of the reader, which must land exactly on the end
   * (otherwise {@code "Reader buffer was not fully consumed. …"}).
   */
  public List<byte[]> readBufferArray() {
    return readBufferArrayUntil(buffer.length);
  }

  /** Length-prefixed buffers filling exactly the next {@code size} bytes. */
  public List<byte[]> readBufferArray(int size) {
    if (size < 0) {
      return readBufferArray();
    }
    return readBufferArrayUntil((long) index + size);
  }

  /**
   * A 4-byte entry count, then per entry a string key and a value. Keys are ordered as in a
   * JavaScript object; see the class comment.
   */
  public <T> Map<String, T> readMap(Function<BufferReader, T> readValue) {
    long entries = readNumber();
    LinkedHashMap<String, T> map = new LinkedHashMap<>();
    for (long i = 0; i < entries; i++) {
      String key = readString();
      T value = readObject(readValue);
      if (!key.equals("__proto__")) {
        map.put(key, value);
      }
    }
    List<String> keys = new ArrayList<>(map.keySet());
    List<String> indexKeys = keys.stream().filter(BufferReader::isArrayIndex).toList();
    if (indexKeys.isEmpty()) {
      return map;
    }
    LinkedHashMap<String, T> ordered = new LinkedHashMap<>();
    indexKeys.stream()
        .sorted(Comparator.comparingLong(Long::parseLong))
        .forEach(k -> ordered.put(k, map.get(k)));
    keys.stream().filter(k -> !isArrayIndex(k)).forEach(k -> ordered.put(k, map.get(k)));
    return ordered;
  }

  // ---- internals

  private List<byte[]> readBufferArrayUntil(long end) {
    rangeCheck(end - index);
    List<byte[]> out = new ArrayList<>();
    while (index < end) {
      out.add(readBuffer());
    }
    if (index != end) {
      throw new SerializationException(
          "Reader buffer was not fully consumed. Consumed up to "
              + index
              + " bytes. End of data: "
              + end
              + " bytes.");
    }
    return out;
  }

  private <T> List<T> readItems(long size, Function<BufferReader, T> readItem) {
    List<T> out = new ArrayList<>((int) Math.min(size, remainingBytes() + 1L));
    for (long i = 0; i < size; i++) {
      out.add(readItem.apply(this));
    }
    return out;
  }

  private BigInteger readUnsigned(int width) {
    rangeCheck(width);
    BigInteger v = BigInts.fromBytesBE(buffer, index, width);
    index += width;
    return v;
  }

  private void rangeCheck(long numBytes) {
    if (index + numBytes > buffer.length) {
      throw new SerializationException(
          "Attempted to read beyond buffer length. Start index: "
              + index
              + ", Num bytes to read: "
              + numBytes
              + ", Buffer length: "
              + buffer.length);
    }
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("byte count must not be negative, got " + n);
    }
  }

  static void checkBelow(byte[] be32, byte[] modulus) {
    if (Arrays.compareUnsigned(be32, modulus) >= 0) {
      throw new SerializationException(
          "Value 0x"
              + new BigInteger(1, be32).toString(16)
              + " is greater or equal to field modulus.");
    }
  }

  /** A canonical integer string in [0, 2^32 - 2]: what JavaScript treats as an array index. */
  private static boolean isArrayIndex(String key) {
    if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= 0xffff_fffeL;
  }

  /** UTF-8 decoding with the WHATWG replacement rule (one U+FFFD per maximal invalid subpart). */
  static String decodeUtf8(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int needed = 0;
    int seen = 0;
    int codePoint = 0;
    int lower = 0x80;
    int upper = 0xbf;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      if (needed == 0) {
        i++;
        if (b <= 0x7f) {
          out.append((char) b);
        } else if (b >= 0xc2 && b <= 0xdf) {
          needed = 1;
          codePoint = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
          lower = b == 0xe0 ? 0xa0 : 0x80;
          upper = b == 0xed ? 0x9f : 0xbf;
          needed = 2;
          codePoint = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          lower = b == 0xf0 ? 0x90 : 0x80;
          upper = b == 0xf4 ? 0x8f : 0xbf;
          needed = 3;
          codePoint = b & 0x7;
        } else {
          out.append('\ufffd');
        }
        continue;
      }
      if (b < lower || b > upper) {
        // Invalid continuation: replace what was gathered and reprocess this byte.
        needed = 0;
        seen = 0;
        codePoint = 0;
        lower = 0x80;
        upper = 0xbf;
        out.append('\ufffd');
        continue;
      }
      i++;
      lower = 0x80;
      upper = 0xbf;
      codePoint = (codePoint << 6) | (b & 0x3f);
      if (++seen == needed) {
        out.appendCodePoint(codePoint);
        needed = 0;
        seen = 0;
        codePoint = 0;
      }
    }
    if (needed != 0) {
      out.append('\ufffd');
    }
    return out.toString();
  }
}
