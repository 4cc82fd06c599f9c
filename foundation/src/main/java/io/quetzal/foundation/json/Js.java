package io.quetzal.foundation.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JavaScript conversions the official schemas rely on: {@code Number(string)}, {@code
 * BigInt(string)}, {@code BigInt(number)}, {@code Number.isInteger}, and zod's type names.
 */
final class Js {
  private Js() {}

  /** zod's name for the type of a JSON value ("received …"). */
  static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "undefined";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }

  /** A JSON number as the double JavaScript's {@code JSON.parse} would produce. */
  static double number(JsonNode node) {
    if (node.isBigInteger()) {
      return node.bigIntegerValue().doubleValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().doubleValue();
    }
    return node.doubleValue();
  }

  static boolean isInteger(double d) {
    return !Double.isInfinite(d) && !Double.isNaN(d) && Math.floor(d) == d;
  }

  /** The exact integer value of an integral double. */
  static BigInteger exact(double d) {
    return new BigDecimal(d).toBigIntegerExact();
  }

  /** The official {@code isHex}: {@code /^(0x)?[0-9a-fA-F]*$/} (lower-case {@code x} only). */
  static boolean isHex(String s) {
    int start = s.startsWith("0x") ? 2 : 0;
    for (int i = start; i < s.length(); i++) {
      if (hexDigit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** ECMAScript WhiteSpace or LineTerminator (what {@code String.prototype.trim} removes). */
  static boolean isJsWhitespace(char c) {
    return switch (c) {
      case '\t',
          '\n',
          '\u000b',
          '\f',
          '\r',
          ' ',
          '\u00a0',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202f',
          '\u205f',
          '\u3000',
          '\ufeff' ->
          true;
      default -> c >= '\u2000' && c <= '\u200a';
    };
  }

  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** {@code Number(string)}: NaN when the text is no numeric literal. */
  static double toNumber(String input) {
    String s = trim(input);
    if (s.isEmpty()) {
      return 0;
    }
    BigInteger radixValue = radixLiteral(s);
    if (radixValue != null) {
      return radixValue.doubleValue();
    }
    if (s.length() >= 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) {
      return Double.NaN;
    }
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String rest = s.substring(i);
    if (rest.equals("Infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!isDecimalLiteral(rest)) {
      return Double.NaN;
    }
    double value = Double.parseDouble(rest);
    return negative ? -value : value;
  }

  /** {@code BigInt(string)}: null where JavaScript throws a SyntaxError. */
  static BigInteger toBigInt(String input) {
    String s = trim(input);
    if (s.isEmpty()) {
      return BigInteger.ZERO;
    }
    BigInteger radixValue = radixLiteral(s);
    if (radixValue != null) {
      return radixValue;
    }
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i = 1;
    }
    if (i == s.length()) {
      return null;
    }
    for (int j = i; j < s.length(); j++) {
      if (s.charAt(j) < '0' || s.charAt(j) > '9') {
        return null;
      }
    }
    return new BigInteger(s);
  }

  /** {@code 0x…}, {@code 0o…}, {@code 0b…} (either case, no sign); null if not such a literal. */
  private static BigInteger radixLiteral(String s) {
    if (s.length() < 3 || s.charAt(0) != '0') {
      return null;
    }
    int radix =
        switch (s.charAt(1)) {
          case 'x', 'X' -> 16;
          case 'o', 'O' -> 8;
          case 'b', 'B' -> 2;
          default -> 0;
        };
    if (radix == 0) {
      return null;
    }
    for (int i = 2; i < s.length(); i++) {
      int d = hexDigit(s.charAt(i));
      if (d < 0 || d >= radix) {
        return null;
      }
    }
    return new BigInteger(s.substring(2), radix);
  }

  /** digits [. digits?] [exp] | . digits [exp], ASCII only. */
  private static boolean isDecimalLiteral(String s) {
    int i = 0;
    int n = s.length();
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
