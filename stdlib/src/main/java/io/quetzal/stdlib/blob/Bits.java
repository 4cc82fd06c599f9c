package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;

/** Packs unsigned values into a field from the most significant end, and unpacks them. */
final class Bits {
  private BigInteger value;

  private Bits(BigInteger value) {
    this.value = value;
  }

  static Bits start(long prefix) {
    return new Bits(BigInteger.valueOf(prefix));
  }

  static Bits of(Fr field) {
    return new Bits(field.toBigInteger());
  }

  /** Appends {@code v} (checked to fit in {@code bits} bits) below what is there. */
  Bits put(long v, int bits, String name) {
    if (v < 0 || (bits < 63 && v >= (1L << bits))) {
      throw new IllegalArgumentException(name + " does not fit in " + bits + " bits: " + v);
    }
    value = value.shiftLeft(bits).add(BigInteger.valueOf(v));
    return this;
  }

  /** Appends an unsigned 64-bit value. */
  Bits putU64(long v) {
    value = value.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(v)));
    return this;
  }

  /** Takes the lowest {@code bits} bits (at most 63). */
  long take(int bits) {
    long v = value.longValue() & ((1L << bits) - 1);
    value = value.shiftRight(bits);
    return v;
  }

  /** Takes the lowest 64 bits, as an unsigned long. */
  long takeU64() {
    long v = value.longValue();
    value = value.shiftRight(64);
    return v;
  }

  BigInteger rest() {
    return value;
  }

  Fr field() {
    return Fr.fromBigInteger(value);
  }
}
