package io.quetzal.foundation.crypto;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Eth-sign helpers with the behaviour of the official {@code secp256k1-signer/utils.ts}.
 *
 * <p>Validators sign the keccak256 of a payload through {@link #makeEthSignDigest} (the EIP-191
 * "personal message" digest) and {@link #signMessage}; L1 checks them with OpenZeppelin's ECDSA,
 * hence the strict defaults of {@link #recoverAddress}.
 *
 * <p>Recovery checks, in the official order (first failure wins):
 *
 * <ol>
 *   <li>{@code v} must be 27 or 28 ({@code "Invalid v value 29 (expected 27 or 28)"}) unless {@link
 *       RecoveryOptions#allowYParityAsV()}, which also admits 0 and 1 ({@code "Invalid yParityOrV
 *       value 29"} otherwise);
 *   <li>{@code r} and {@code s} in {@code [1, n)} (noble's {@code "expected valid r: 1 <= n < …,
 *       got …"}, decimal);
 *   <li>{@code s <= n/2} ({@code "Signature has high s-value (malleable signature)"}) unless {@link
 *       RecoveryOptions#allowMalleable()};
 *   <li>{@code r} must be the x-coordinate of a curve point ({@code "Point is not on curve: Cannot
 *       find square root"}).
 * </ol>
 *
 * {@link #recoverAddress} wraps any of these in {@code "Error recovering Ethereum address from hash
 * <hash> and signature <signature>"} with the reason as the cause; {@link #tryRecoverAddress}
 * returns empty instead.
 *
 * <p>Stateless and thread-safe.
 */
public final class EthSign {
  /** The EIP-191 prefix for a 32-byte message. */
  public static final String ETH_SIGN_PREFIX = "\u0019Ethereum Signed Message:\n32";

  private static final byte[] PREFIX_BYTES = ETH_SIGN_PREFIX.getBytes(StandardCharsets.US_ASCII);

  /** Options of {@link #recoverAddress}; {@link #STRICT} is the official default. */
  public record RecoveryOptions(boolean allowMalleable, boolean allowYParityAsV) {
    public static final RecoveryOptions STRICT = new RecoveryOptions(false, false);
  }

  private EthSign() {}

  /** {@code keccak256("\x19Ethereum Signed Message:\n32" ‖ message)}. */
  public static byte[] makeEthSignDigest(byte[] message32) {
    requireHash(message32);
    return Keccak256.hash(PREFIX_BYTES, message32);
  }

  /** The uncompressed public key of {@code key}. */
  public static byte[] publicKeyFromPrivateKey(Secp256k1PrivateKey key) {
    return key.publicKey();
  }

  public static EthAddress addressFromPrivateKey(Secp256k1PrivateKey key) {
    return key.address();
  }

  /**
   * Signs the 32 bytes as given (no prefix, no hashing): {@code v} is 27 or 28, {@code s} is low.
   * This is the official {@code signMessage(message, privateKey)}; the eth-sign form is {@link
   * Secp256k1Signer#signMessage}.
   */
  public static EthSignature signMessage(byte[] hash32, Secp256k1PrivateKey key) {
    Secp256k1.RawSignature raw = Secp256k1.sign(hash32, key);
    // As the official code: recovery ids 2 and 3 (negligible) also map to 28.
    return EthSignature.of(raw.r(), raw.s(), raw.recovery() != 0 ? 28 : 27);
  }

  /** {@link #recoverAddress(byte[], EthSignature, RecoveryOptions)} with the strict defaults. */
  public static EthAddress recoverAddress(byte[] hash32, EthSignature signature) {
    return recoverAddress(hash32, signature, RecoveryOptions.STRICT);
  }

  /** Recovers the signer's address or throws; see the class comment for the checks. */
  public static EthAddress recoverAddress(
      byte[] hash32, EthSignature signature, RecoveryOptions opts) {
    requireHash(hash32);
    try {
      return Secp256k1.addressOf(recoverPublicKey(hash32, signature, opts));
    } catch (Secp256k1Exception e) {
      throw new Secp256k1Exception(
          "Error recovering Ethereum address from hash "
              + io.quetzal.foundation.bytes.Hex.encode(hash32)
              + " and signature "
              + signature,
          e);
    }
  }

  /** As {@link #recoverAddress(byte[], EthSignature, RecoveryOptions)}, empty on failure. */
  public static Optional<EthAddress> tryRecoverAddress(
      byte[] hash32, EthSignature signature, RecoveryOptions opts) {
    requireHash(hash32);
    try {
      return Optional.of(Secp256k1.addressOf(recoverPublicKey(hash32, signature, opts)));
    } catch (Secp256k1Exception e) {
      return Optional.empty();
    }
  }

  public static Optional<EthAddress> tryRecoverAddress(byte[] hash32, EthSignature signature) {
    return tryRecoverAddress(hash32, signature, RecoveryOptions.STRICT);
  }

  /** The uncompressed public key behind a signature; throws the unwrapped reasons. */
  public static byte[] recoverPublicKey(
      byte[] hash32, EthSignature signature, RecoveryOptions opts) {
    requireHash(hash32);
    long v = signature.v();
    if (!opts.allowYParityAsV() && v != 27 && v != 28) {
      throw new Secp256k1Exception("Invalid v value " + v + " (expected 27 or 28)");
    }
    int recoveryBit = toRecoveryBit(v);
    BigInteger r = signature.rValue();
    BigInteger s = signature.sValue();
    checkRange("r", r);
    checkRange("s", s);
    if (!opts.allowMalleable() && s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new Secp256k1Exception("Signature has high s-value (malleable signature)");
    }
    return Secp256k1.recoverPublicKey(hash32, r, s, recoveryBit);
  }

  /** 0/1 stay, 27 → 0, 28 → 1; anything else throws {@code "Invalid yParityOrV value …"}. */
  public static int toRecoveryBit(long yParityOrV) {
    if (yParityOrV == 0 || yParityOrV == 1) {
      return (int) yParityOrV;
    }
    if (yParityOrV == 27) {
      return 0;
    }
    if (yParityOrV == 28) {
      return 1;
    }
    throw new Secp256k1Exception("Invalid yParityOrV value " + yParityOrV);
  }

  /**
   * Makes a signature acceptable to {@code ecrecover}: a high {@code s} becomes {@code n - s} with
   * the parity flipped, and a 0/1 {@code v} becomes 27/28. Other {@code v} values throw ({@code
   * "Invalid v value …"} when {@code s} is high, {@code "Invalid yParityOrV value …"} otherwise),
   * as do {@code r}/{@code s} outside {@code [1, n)}.
   */
  public static EthSignature normalizeSignature(EthSignature signature) {
    BigInteger r = signature.rValue();
    BigInteger s = signature.sValue();
    checkRange("r", r);
    checkRange("s", s);
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      long flipped = flipV(signature.v());
      return EthSignature.of(r, Secp256k1.N.subtract(s), toV(flipped));
    }
    return new EthSignature(signature.r(), signature.s(), toV(signature.v()));
  }

  /**
   * Replaces {@code s} by {@code n - s} and flips {@code v} (27↔28, 0↔1); for malleability tests.
   */
  public static EthSignature flipSignature(EthSignature signature) {
    BigInteger r = signature.rValue();
    BigInteger s = signature.sValue();
    checkRange("r", r);
    checkRange("s", s);
    return EthSignature.of(r, Secp256k1.N.subtract(s), flipV(signature.v()));
  }

  private static long toV(long yParityOrV) {
    if (yParityOrV == 0 || yParityOrV == 1) {
      return yParityOrV + 27;
    }
    if (yParityOrV == 27 || yParityOrV == 28) {
      return yParityOrV;
    }
    throw new Secp256k1Exception("Invalid yParityOrV value " + yParityOrV);
  }

  private static long flipV(long v) {
    return switch ((int) Math.min(v, Integer.MAX_VALUE)) {
      case 27 -> 28;
      case 28 -> 27;
      case 0 -> 1;
      case 1 -> 0;
      default -> throw new Secp256k1Exception("Invalid v value " + v);
    };
  }

  private static void checkRange(String name, BigInteger value) {
    if (value.signum() <= 0 || value.compareTo(Secp256k1.N) >= 0) {
      throw new Secp256k1Exception(
          "expected valid " + name + ": 1 <= n < " + Secp256k1.N + ", got " + value);
    }
  }

  private static void requireHash(byte[] hash32) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("expected a 32-byte hash, got " + hash32.length);
    }
  }
}
