package io.quetzal.foundation.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 (the original Keccak padding used by Ethereum, not NIST SHA3-256), as the official
 * {@code keccak256} of {@code @aztec/foundation/crypto/keccak}.
 *
 * <p>Stateless and thread-safe: every call uses its own digest.
 */
public final class Keccak256 {
  /** Size of a digest in bytes. */
  public static final int SIZE_IN_BYTES = 32;

  private Keccak256() {}

  /** Keccak-256 of {@code input}. */
  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  /** Keccak-256 of {@code input[offset, offset + length)}. */
  public static byte[] hash(byte[] input, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    byte[] out = new byte[SIZE_IN_BYTES];
    digest.doFinal(out, 0);
    return out;
  }

  /** Keccak-256 of the concatenation of {@code parts}, without building the concatenation. */
  public static byte[] hash(byte[]... parts) {
    KeccakDigest digest = new KeccakDigest(256);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[SIZE_IN_BYTES];
    digest.doFinal(out, 0);
    return out;
  }
}
