package io.quetzal.foundation.crypto;

import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The secp256k1 operations behind eth-sign, matching {@code @noble/curves} 1.7 (which the official
 * code uses): public keys, RFC 6979 deterministic ECDSA (HMAC-SHA256 nonces, no extra entropy, the
 * 32-byte hash taken as is) with low-s normalisation, and public-key recovery.
 *
 * <p>Stateless and thread-safe (BouncyCastle curve objects are immutable).
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECCurve CURVE = PARAMS.getCurve();
  static final ECPoint G = PARAMS.getG();

  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();

  /** n / 2: an {@code s} above this is "high" (malleable). */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /** The uncompressed public key {@code 0x04 ‖ x ‖ y} (65 bytes). */
  public static byte[] publicKey(Secp256k1PrivateKey key) {
    return MULTIPLIER.multiply(G, key.scalar()).normalize().getEncoded(false);
  }

  /** The address of an uncompressed public key: the last 20 bytes of keccak256(x ‖ y). */
  public static EthAddress addressOf(byte[] uncompressedPublicKey) {
    if (uncompressedPublicKey.length != 65 || uncompressedPublicKey[0] != 0x04) {
      throw new IllegalArgumentException("expected a 65-byte uncompressed public key");
    }
    byte[] hash = Keccak256.hash(uncompressedPublicKey, 1, 64);
    return EthAddress.fromBytes(Arrays.copyOfRange(hash, 12, 32));
  }

  /** The result of {@link #sign}: {@code r}, low {@code s}, and the recovery id (0 to 3). */
  public record RawSignature(BigInteger r, BigInteger s, int recovery) {}

  /**
   * Signs a 32-byte hash (no further hashing) with RFC 6979 nonces, normalising to a low {@code s}
   * and flipping the recovery id's parity bit when it does. The recovery id is {@code y-parity(R) |
   * (R.x >= n ? 2 : 0)}; ids 2 and 3 occur with probability about 2^-128.
   */
  public static RawSignature sign(byte[] hash32, Secp256k1PrivateKey key) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("message hash must be 32 bytes, got " + hash32.length);
    }
    BigInteger d = key.scalar();
    BigInteger e = new BigInteger(1, hash32).mod(N);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, hash32);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint point = MULTIPLIER.multiply(G, k).normalize();
      BigInteger x = point.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = k.modInverse(N).multiply(e.add(r.multiply(d))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recovery = (x.equals(r) ? 0 : 2) | (point.getAffineYCoord().testBitZero() ? 1 : 0);
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        recovery ^= 1;
      }
      return new RawSignature(r, s, recovery);
    }
  }

  /**
   * Recovers the uncompressed public key from a 32-byte hash, {@code r}, {@code s} and a recovery
   * bit (0 or 1), as noble's {@code Signature.recoverPublicKey}. Throws {@link Secp256k1Exception}
   * with noble's messages: {@code r} or {@code s} outside {@code [1, n)}, no curve point with
   * x-coordinate {@code r}, or a result at infinity. Does not check for high {@code s}.
   */
  public static byte[] recoverPublicKey(
      byte[] hash32, BigInteger r, BigInteger s, int recoveryBit) {
    checkRange("r", r);
    checkRange("s", s);
    if (recoveryBit != 0 && recoveryBit != 1) {
      throw new Secp256k1Exception("recovery id invalid");
    }
    ECPoint bigR;
    try {
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (recoveryBit == 0 ? 0x02 : 0x03);
      System.arraycopy(EthSignature.to32(r), 0, compressed, 1, 32);
      bigR = CURVE.decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      throw new Secp256k1Exception("Point is not on curve: Cannot find square root");
    }
    BigInteger e = new BigInteger(1, hash32).mod(N);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new Secp256k1Exception("point at infinify");
    }
    return q.getEncoded(false);
  }

  private static void checkRange(String name, BigInteger value) {
    if (value.signum() <= 0 || value.compareTo(N) >= 0) {
      throw new Secp256k1Exception("expected valid " + name + ": 1 <= n < " + N + ", got " + value);
    }
  }
}
