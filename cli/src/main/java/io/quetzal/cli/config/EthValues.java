package io.quetzal.cli.config;

import io.quetzal.foundation.crypto.Secp256k1;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Parsing of L1 addresses and private keys from configuration text, on top of the foundation types,
 * with messages that say precisely what is wrong (length, position of a bad character, checksum,
 * range) and never contain the input.
 *
 * <p>Keys are accepted with or without {@code 0x}, as Aztec's {@code
 * validator-client/src/config.ts} does (it prefixes {@code 0x} when missing). Stateless.
 */
public final class EthValues {
  private EthValues() {}

  /**
   * An address: optional {@code 0x}, 40 hex digits, and a valid EIP-55 checksum if the digits mix
   * cases (Aztec's {@code EthAddress.fromString}).
   *
   * @throws IllegalArgumentException with a reason that does not repeat the input
   */
  public static EthAddress address(String text) {
    String trimmed = text.trim();
    String digits = HexStrings.stripPrefix(trimmed);
    HexStrings.requireHexDigits(digits, 40, "a 20-byte address");
    if (!EthAddress.isAddress(trimmed)) {
      throw new IllegalArgumentException("mixed-case address with an invalid EIP-55 checksum");
    }
    return EthAddress.fromString(trimmed);
  }

  /**
   * A secp256k1 private key: optional {@code 0x}, 64 hex digits, in [1, n-1].
   *
   * @throws IllegalArgumentException with a reason that never contains any part of the input
   */
  public static Secp256k1PrivateKey privateKey(String text) {
    String digits = HexStrings.stripPrefix(text.trim());
    HexStrings.requireHexDigits(digits, 64, "32 bytes of hex");
    BigInteger d = new BigInteger(digits, 16);
    if (d.signum() == 0) {
      throw new IllegalArgumentException("the key is zero");
    }
    if (d.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("the key is not below the secp256k1 group order");
    }
    return Secp256k1PrivateKey.fromHex(digits);
  }

  /** {@code 0x} and 64 lower-case hex digits. Reveals the key: for signers and tests only. */
  public static String toHex(Secp256k1PrivateKey key) {
    return "0x" + HexFormat.of().formatHex(key.revealBytes()).toLowerCase(Locale.ROOT);
  }
}
