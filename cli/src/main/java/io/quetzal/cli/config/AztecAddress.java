package io.quetzal.cli.config;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An Aztec (L2) address: a BN254 scalar-field element written as 32 bytes of hex.
 *
 * <p>Parsing accepts an optional {@code 0x} and exactly 64 hex digits, and rejects values that are
 * not below the field modulus. (Aztec's {@code AztecAddress.fromString} also accepts shorter hex;
 * an operator copying a fee recipient should paste the full address, so the length is checked.)
 *
 * <p>Stop-gap until a foundation type exists. Immutable.
 */
public record AztecAddress(String lowerHex) {
  /** The BN254 scalar field modulus r. */
  static final BigInteger FR_MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  public AztecAddress {
    HexStrings.requireHexDigits(lowerHex, 64, "a 32-byte Aztec address");
    if (!lowerHex.equals(lowerHex.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("address digits must be lower case");
    }
    if (new BigInteger(lowerHex, 16).compareTo(FR_MODULUS) >= 0) {
      throw new IllegalArgumentException("not a BN254 field element (not below the modulus)");
    }
  }

  /**
   * Parses {@code 0x}-prefixed or bare hex.
   *
   * @throws IllegalArgumentException with a reason that does not repeat the input
   */
  public static AztecAddress parse(String text) {
    String digits = HexStrings.stripPrefix(text.trim());
    HexStrings.requireHexDigits(digits, 64, "a 32-byte Aztec address");
    return new AztecAddress(digits.toLowerCase(Locale.ROOT));
  }

  public boolean isZero() {
    return lowerHex.chars().allMatch(c -> c == '0');
  }

  @Override
  public String toString() {
    return "0x" + lowerHex;
  }
}
