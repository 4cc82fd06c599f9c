package io.quetzal.foundation.serialize;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes values in the Aztec buffer conventions of {@code @aztec/foundation/serialize} (everything
 * big-endian, as barretenberg):
 *
 * <ul>
 *   <li>a "number" is an unsigned 32-bit integer, 4 bytes ({@link #writeNumber}); out-of-range
 *       values throw Node's {@code RangeError} text;
 *   <li>a bigint is 32 bytes ({@link #writeBigInt(BigInteger)}), or {@code width} bytes with the
 *       {@code toBufferBE} truncation rule ({@link BigInts#toBufferBE});
 *   <li>a boolean is one byte, 0 or 1;
 *   <li>a string is a 4-byte length then its UTF-8 bytes, where the length is the number of UTF-16
 *       code units (JavaScript's {@code string.length}), not of bytes: {@code "é"} is {@code
 *       00000001 c3a9}; unpaired surrogates become U+FFFD ({@code ef bf bd});
 *   <li>raw bytes have no prefix ({@link #writeBytes}); a length-prefixed buffer is {@link
 *       #writeBuffer};
 *   <li>a vector is a 4-byte (or 1-byte) element count then the elements ({@link #writeVector});
 *   <li>{@code Fr}/{@code Fq} are 32 bytes.
 * </ul>
 *
 * <p>{@link #serialize(Object...)} mirrors the official {@code serializeToBuffer}, dispatching on
 * the runtime type. Not thread-safe: one writer per thread.
 */
public final class BufferWriter {
  private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final byte[] REPLACEMENT = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};

  private byte[] buf;
  private int size;

  public BufferWriter() {
    this(64);
  }

  public BufferWriter(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 16)];
  }

  /** Number of bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  // ---- fixed-width numbers

  /** One byte, 0 to 255. */
  public BufferWriter writeUInt8(long value) {
    checkRange(value, 0, 0xff);
    ensure(1);
    buf[size++] = (byte) value;
    return this;
  }

  /** Two bytes big-endian, 0 to 65535. */
  public BufferWriter writeUInt16(long value) {
    checkRange(value, 0, 0xffff);
    ensure(2);
    buf[size++] = (byte) (value >>> 8);
    buf[size++] = (byte) value;
    return this;
  }

  /** The Aztec "number": four bytes big-endian, 0 to 2^32-1. */
  public BufferWriter writeNumber(long value) {
    checkRange(value, 0, 0xffff_ffffL);
    putInt((int) value);
    return this;
  }

  /** Four bytes big-endian two's complement, -2^31 to 2^31-1 ({@code numToInt32BE}). */
  public BufferWriter writeInt32(long value) {
    checkRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    putInt((int) value);
    return this;
  }

  /** Four bytes little-endian, 0 to 2^32-1 ({@code numToUInt32LE}). */
  public BufferWriter writeUInt32LE(long value) {
    checkRange(value, 0, 0xffff_ffffL);
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /**
   * Eight bytes big-endian, 0 to 2^64-1 ({@code bigintToUInt64BE}); else Node's RangeError text.
   */
  public BufferWriter writeUInt64(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(TWO_64) >= 0) {
      throw new SerializationException(
          "The value of \"value\" is out of range. It must be >= 0n and < 2n ** 64n. Received "
              + NodeFormat.bigint(value));
    }
    return writeBytes(BigInts.fixed(value, 8));
  }

  /** Eight bytes big-endian of a non-negative long. */
  public BufferWriter writeUInt64(long value) {
    if (value < 0) {
      return writeUInt64(BigInteger.valueOf(value));
    }
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /** Sixteen bytes with the {@code toBufferBE} rules ({@code bigintToUInt128BE}). */
  public BufferWriter writeUInt128(BigInteger value) {
    return writeBytes(BigInts.toBufferBE(value, 16));
  }

  /**
   * A bigint as {@code serializeToBuffer} writes it: 32 bytes; above 2^256-1 throws {@code "BigInt
   * … does not fit into 32 bytes"}, negative values the {@code toBufferBE} error.
   */
  public BufferWriter writeBigInt(BigInteger value) {
    if (value.compareTo(U256_MAX) > 0) {
      throw new SerializationException("BigInt " + value + " does not fit into 32 bytes");
    }
    return writeBytes(BigInts.toBufferBE(value, 32));
  }

  /** {@code serializeBigInt(value, width)}, including its truncation rule. */
  public BufferWriter writeBigInt(BigInteger value, int width) {
    return writeBytes(BigInts.toBufferBE(value, width));
  }

  /** {@code serializeSignedBigInt(value, width)}. */
  public BufferWriter writeSignedBigInt(BigInteger value, int width) {
    return writeBytes(BigInts.serializeSignedBigInt(value, width));
  }

  public BufferWriter writeBoolean(boolean value) {
    ensure(1);
    buf[size++] = (byte) (value ? 1 : 0);
    return this;
  }

  // ---- bytes, strings, fields

  /** Raw bytes, no prefix. */
  public BufferWriter writeBytes(byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  public BufferWriter writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
    return this;
  }

  /** A 4-byte byte count then the bytes ({@code prefixBufferWithLength}). */
  public BufferWriter writeBuffer(byte[] bytes) {
    writeNumber(bytes.length);
    return writeBytes(bytes);
  }

  /** A 4-byte UTF-16 unit count then the UTF-8 bytes; see the class comment. */
  public BufferWriter writeString(String value) {
    writeNumber(value.length());
    return writeBytes(utf8(value));
  }

  public BufferWriter writeFr(Fr value) {
    ensure(32);
    value.writeTo(buf, size);
    size += 32;
    return this;
  }

  public BufferWriter writeFq(Fq value) {
    ensure(32);
    value.writeTo(buf, size);
    size += 32;
    return this;
  }

  public BufferWriter writeObject(BufferSerializable value) {
    value.writeTo(this);
    return this;
  }

  /** A 4-byte element count, then each element. */
  public <T> BufferWriter writeVector(Collection<T> items, BiConsumer<BufferWriter, T> writeItem) {
    writeNumber(items.size());
    return writeArray(items, writeItem);
  }

  /** A 1-byte element count (at most 255), then each element. */
  public <T> BufferWriter writeVectorUint8Prefix(
      Collection<T> items, BiConsumer<BufferWriter, T> writeItem) {
    writeUInt8(items.size());
    return writeArray(items, writeItem);
  }

  /** Each element, no count (a fixed-size array). */
  public <T> BufferWriter writeArray(Collection<T> items, BiConsumer<BufferWriter, T> writeItem) {
    for (T item : items) {
      writeItem.accept(this, item);
    }
    return this;
  }

  // ---- the official generic serializer

  /**
   * Appends each value as {@code serializeToBuffer} would: {@code Boolean} one byte; {@code
   * Integer}/{@code Long}/{@code Short}/{@code Byte} a 4-byte number; {@code BigInteger} 32 bytes;
   * {@code String} length-prefixed; {@code byte[]} raw; {@code Fr}/{@code Fq} 32 bytes; a {@link
   * BufferSerializable} its buffer form; a {@code Collection} or {@code Object[]} its elements,
   * flattened, with no count.
   */
  public BufferWriter serialize(Object... values) {
    for (byte[] piece : serializeToBufferArray(values)) {
      writeBytes(piece);
    }
    return this;
  }

  /** The official {@code serializeToBuffer(...values)}. */
  public static byte[] serializeToBuffer(Object... values) {
    return new BufferWriter().serialize(values).toByteArray();
  }

  /**
   * The official {@code serializeToBufferArray}: one piece per value, two per string (length and
   * bytes), flattening collections.
   */
  public static List<byte[]> serializeToBufferArray(Object... values) {
    List<byte[]> out = new ArrayList<>();
    for (Object value : values) {
      addPieces(out, value);
    }
    return out;
  }

  /**
   * The official {@code serializeArrayOfBufferableToVector(items, prefixLength)}: a count prefix of
   * 1 or 4 bytes, then the pieces. The count is the number of <em>pieces</em>, so a string counts
   * twice and nested collections count their leaves.
   */
  public static byte[] serializeArrayToVector(List<?> items, int prefixLength) {
    List<byte[]> pieces = serializeToBufferArray(items);
    BufferWriter w = new BufferWriter();
    if (prefixLength == 1) {
      w.writeUInt8(pieces.size());
    } else if (prefixLength == 4) {
      w.writeNumber(pieces.size());
    } else {
      throw new SerializationException(
          "Unsupported prefix length. Got " + prefixLength + ", expected 1 or 4");
    }
    for (byte[] piece : pieces) {
      w.writeBytes(piece);
    }
    return w.toByteArray();
  }

  private static void addPieces(List<byte[]> out, Object value) {
    switch (value) {
      case Collection<?> items -> {
        for (Object item : items) {
          addPieces(out, item);
        }
      }
      case Object[] items -> {
        for (Object item : items) {
          addPieces(out, item);
        }
      }
      case byte[] bytes -> out.add(bytes.clone());
      case Boolean b -> out.add(new byte[] {(byte) (b ? 1 : 0)});
      case BigInteger n -> out.add(new BufferWriter(32).writeBigInt(n).toByteArray());
      case Integer n -> out.add(new BufferWriter(4).writeNumber(n).toByteArray());
      case Long n -> out.add(new BufferWriter(4).writeNumber(n).toByteArray());
      case Short n -> out.add(new BufferWriter(4).writeNumber(n).toByteArray());
      case Byte n -> out.add(new BufferWriter(4).writeNumber(n).toByteArray());
      case String s -> {
        out.add(new BufferWriter(4).writeNumber(s.length()).toByteArray());
        out.add(utf8(s));
      }
      case Fr f -> out.add(f.toBytes());
      case Fq f -> out.add(f.toBytes());
      case BufferSerializable s -> out.add(s.toBuffer());
      case null -> throw new SerializationException("Cannot serialize input to buffer: null");
      default ->
          throw new SerializationException(
              "Cannot serialize input to buffer: " + value.getClass().getName());
    }
  }

  /** UTF-8 with U+FFFD for unpaired surrogates, as Node's {@code Buffer.from(string)}. */
  static byte[] utf8(String s) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(REPLACEMENT);
    try {
      ByteBuffer bb = encoder.encode(CharBuffer.wrap(s));
      byte[] out = new byte[bb.remaining()];
      bb.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
    }
  }

  private static void checkRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw new SerializationException(
          "The value of \"value\" is out of range. It must be >= "
              + min
              + " and <= "
              + max
              + ". Received "
              + NodeFormat.number(value));
    }
  }

  private void putInt(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
