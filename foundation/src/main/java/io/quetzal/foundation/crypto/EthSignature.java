package io.quetzal.foundation.crypto;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An ECDSA signature split into {@code r}, {@code s} (32 bytes each) and {@code v}, with the
 * encodings of the official {@code Signature} class ({@code @aztec/foundation/eth-signature}).
 *
 * <p>Signatures produced here always have {@code v} 27 or 28, but {@code v} is stored as the
 * official class stores it: any unsigned 32-bit number (0/1 y-parity values, the 0 of the empty
 * signature, whatever a peer sent).
 *
 * <ul>
 *   <li>{@link #toBuffer()}: {@code r ‖ s ‖ v} with {@code v} as a <b>4-byte</b> big-endian number
 *       (68 bytes; the Aztec buffer convention, used on p2p and for proposal/attestation hashes).
 *   <li>{@link #toString()}: {@code 0x ‖ hex(r) ‖ hex(s) ‖ v in hex without padding}, so {@code
 *       v=27} gives the usual 65-byte form ({@code …1b}) but {@code v=0} gives a single digit
 *       ({@code …0}, 129 digits) and {@code v=256} three ({@code …100}).
 *   <li>{@link #fromString(String)}: requires a lower-case {@code 0x} prefix and at least 129 hex
 *       digits (either case); {@code r} and {@code s} are the first 128 digits and {@code v} is
 *       everything after them read as one hex number ({@code …1b00} is {@code v=6912}).
 *   <li>{@link #toBytes65()} / {@link #fromBytes65(byte[])}: the Ethereum {@code r ‖ s ‖ v(1 byte)}
 *       form; {@link #toPackedVrs()}: {@code v ‖ r ‖ s} as packed for the L1 rollup's attestations.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class EthSignature implements BufferSerializable {
  /** Size of {@link #toBuffer()}. */
  public static final int BUFFER_SIZE = 68;

  private static final long MAX_V = 0xffff_ffffL;
  private static final EthSignature EMPTY = new EthSignature(new byte[32], new byte[32], 0);

  private final byte[] r;
  private final byte[] s;
  private final long v;

  /**
   * @param r 32 bytes, big-endian
   * @param s 32 bytes, big-endian
   * @param v 0 to 2^32-1
   */
  public EthSignature(byte[] r, byte[] s, long v) {
    if (r.length != 32 || s.length != 32) {
      throw new IllegalArgumentException(
          "r and s must be 32 bytes each, got " + r.length + " and " + s.length);
    }
    if (v < 0 || v > MAX_V) {
      throw new IllegalArgumentException("v must be an unsigned 32-bit number, got " + v);
    }
    this.r = r.clone();
    this.s = s.clone();
    this.v = v;
  }

  /** From numeric {@code r} and {@code s} (each below 2^256). */
  public static EthSignature of(BigInteger r, BigInteger s, long v) {
    return new EthSignature(to32(r), to32(s), v);
  }

  /** The empty signature: {@code r = s = 0, v = 0}, as {@code Signature.empty()}. */
  public static EthSignature empty() {
    return EMPTY;
  }

  /** True for {@code r = s = 0} and {@code v = 0} (a committee member that did not sign). */
  public boolean isEmpty() {
    return v == 0 && isZero(r) && isZero(s);
  }

  public byte[] r() {
    return r.clone();
  }

  public byte[] s() {
    return s.clone();
  }

  public BigInteger rValue() {
    return new BigInteger(1, r);
  }

  public BigInteger sValue() {
    return new BigInteger(1, s);
  }

  public long v() {
    return v;
  }

  /** {@code r ‖ s ‖ u32be(v)}: 68 bytes. */
  @Override
  public byte[] toBuffer() {
    BufferWriter w = new BufferWriter(BUFFER_SIZE);
    writeTo(w);
    return w.toByteArray();
  }

  /** Appends {@link #toBuffer()} to {@code writer}. */
  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeBytes(r);
    writer.writeBytes(s);
    writer.writeNumber(v);
  }

  /** Reads {@code r ‖ s ‖ u32be(v)}. */
  public static EthSignature fromBuffer(BufferReader reader) {
    byte[] r = reader.readBytes(32);
    byte[] s = reader.readBytes(32);
    long v = reader.readNumber();
    return new EthSignature(r, s, v);
  }

  /** Reads {@code r ‖ s ‖ u32be(v)} from the start of {@code buffer} (extra bytes are ignored). */
  public static EthSignature fromBuffer(byte[] buffer) {
    return fromBuffer(new BufferReader(buffer));
  }

  /** {@code r ‖ s ‖ v} with {@code v} as one byte; {@code v} must be at most 255. */
  public byte[] toBytes65() {
    if (v > 0xff) {
      throw new IllegalStateException("v " + v + " does not fit in one byte");
    }
    byte[] out = Arrays.copyOf(r, 65);
    System.arraycopy(s, 0, out, 32, 32);
    out[64] = (byte) v;
    return out;
  }

  /** Parses {@code r ‖ s ‖ v} (65 bytes). */
  public static EthSignature fromBytes65(byte[] bytes) {
    if (bytes.length != 65) {
      throw new IllegalArgumentException("expected 65 bytes, got " + bytes.length);
    }
    return new EthSignature(
        Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64), bytes[64] & 0xff);
  }

  /**
   * {@code v ‖ r ‖ s} (65 bytes), the layout of a signed entry in the rollup's packed attestations.
   */
  public byte[] toPackedVrs() {
    if (v > 0xff) {
      throw new IllegalStateException("v " + v + " does not fit in one byte");
    }
    byte[] out = new byte[65];
    out[0] = (byte) v;
    System.arraycopy(r, 0, out, 1, 32);
    System.arraycopy(s, 0, out, 33, 32);
    return out;
  }

  /** True when {@code sig} has a lower-case {@code 0x} prefix and 129 or more hex digits. */
  public static boolean isValidString(String sig) {
    if (sig.length() < 2 + 129 || !Hex.hasPrefix(sig)) {
      return false;
    }
    for (int i = 2; i < sig.length(); i++) {
      if (Character.digit(sig.charAt(i), 16) < 0 || sig.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses the official string form as its JSON schema does: no lower-case {@code 0x} prefix throws
   * "No hex prefix", fewer than 129 hex digits (or a non-hex character) throws "Not a valid
   * Ethereum signature" (both problems: both messages, joined by ". "). A {@code v} above 2^32-1
   * (more than 8 significant digits) is rejected too; the official class would keep it as an
   * imprecise float.
   */
  public static EthSignature fromString(String sig) {
    boolean prefixed = sig.startsWith("0x");
    boolean valid = isValidString(sig);
    if (!prefixed || !valid) {
      String message =
          !prefixed && !valid
              ? "No hex prefix. Not a valid Ethereum signature"
              : !prefixed ? "No hex prefix" : "Not a valid Ethereum signature";
      throw new IllegalArgumentException(message);
    }
    byte[] r = Hex.decode(sig.substring(2, 66));
    byte[] s = Hex.decode(sig.substring(66, 130));
    String vDigits = sig.substring(130);
    BigInteger v = new BigInteger(vDigits, 16);
    if (v.bitLength() > 32) {
      throw new IllegalArgumentException("Signature v 0x" + vDigits + " exceeds 32 bits");
    }
    return new EthSignature(r, s, v.longValue());
  }

  /** {@code 0x ‖ hex(r) ‖ hex(s) ‖ Long.toHexString(v)}. */
  @Override
  public String toString() {
    return Hex.encode(r) + Hex.encodeNoPrefix(s) + Long.toHexString(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthSignature other
        && v == other.v
        && Arrays.equals(r, other.r)
        && Arrays.equals(s, other.s);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(r) + Arrays.hashCode(s)) + Long.hashCode(v);
  }

  static byte[] to32(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("value does not fit in 32 unsigned bytes");
    }
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static boolean isZero(byte[] b) {
    int acc = 0;
    for (byte x : b) {
      acc |= x;
    }
    return acc == 0;
  }
}
