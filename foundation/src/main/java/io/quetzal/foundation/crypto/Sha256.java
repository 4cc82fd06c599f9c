package io.quetzal.foundation.crypto;

import io.quetzal.foundation.field.Fr;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 and the official {@code sha256ToField} of {@code @aztec/foundation/crypto/sha256}.
 *
 * <p>Stateless and thread-safe (a fresh digest per call).
 */
public final class Sha256 {
  /** Digest size in bytes. */
  public static final int DIGEST_SIZE = 32;

  private Sha256() {}

  /** The 32-byte SHA-256 digest of {@code data}. */
  public static byte[] sha256(byte[] data) {
    MessageDigest md = newDigest();
    return md.digest(data);
  }

  /**
   * The digest truncated to a field element as the official {@code sha256Trunc}/{@code
   * truncateAndPad}: the first 31 digest bytes, prefixed with a zero byte (so the value is below
   * {@code 2^248}, always a valid field element; it is not a reduction modulo r).
   */
  public static byte[] sha256Truncated(byte[] data) {
    byte[] digest = sha256(data);
    byte[] out = new byte[DIGEST_SIZE];
    System.arraycopy(digest, 0, out, 1, DIGEST_SIZE - 1);
    return out;
  }

  /**
   * The official {@code sha256ToField([data])}: {@code
   * Fr.fromBuffer(truncateAndPad(sha256(data)))}. The official function takes a list of bufferables
   * and hashes their concatenation; pass the concatenated bytes here.
   */
  public static Fr sha256ToField(byte[] data) {
    return Fr.fromBytes(sha256Truncated(data));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a mandatory JCA algorithm", e);
    }
  }
}
