package io.quetzal.foundation.serialize;

import java.math.BigInteger;

/** How Node prints the received value in its {@code ERR_OUT_OF_RANGE} messages. */
final class NodeFormat {
  private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);

  private NodeFormat() {}

  /** An integer; beyond ±2^32 with {@code _} every three digits ({@code 4_294_967_296}). */
  static String number(long value) {
    String s = Long.toString(value);
    return Math.abs((double) value) > 4294967296.0 ? separate(s) : s;
  }

  /** A bigint: as {@link #number} and suffixed {@code n}. */
  static String bigint(BigInteger value) {
    String s = value.toString();
    return (value.abs().compareTo(TWO_32) > 0 ? separate(s) : s) + "n";
  }

  private static String separate(String digits) {
    int start = digits.startsWith("-") ? 1 : 0;
    StringBuilder res = new StringBuilder();
    int i = digits.length();
    for (; i >= start + 4; i -= 3) {
      res.insert(0, "_" + digits.substring(i - 3, i));
    }
    return digits.substring(0, i) + res;
  }
}
