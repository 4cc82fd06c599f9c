package io.quetzal.foundation.crypto;

import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A secp256k1 private key (a scalar {@code 1 <= d < n}) with its derived address.
 *
 * <p>The key never reaches text: {@link #toString()} shows only the (public) address, and no
 * exception thrown while parsing or using a key quotes the key or its input. The raw bytes are
 * reachable only through {@link #revealBytes()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secp256k1PrivateKey {
  private final byte[] key;
  private final BigInteger scalar;
  private final EthAddress address;

  private Secp256k1PrivateKey(byte[] key) {
    this.key = key;
    this.scalar = new BigInteger(1, key);
    if (scalar.signum() == 0 || scalar.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException(
          "private key out of range: it must be at least 1 and below the curve order");
    }
    this.address = Secp256k1.addressOf(Secp256k1.publicKey(this));
  }

  /** From 32 big-endian bytes (copied). */
  public static Secp256k1PrivateKey fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes, got " + bytes.length);
    }
    return new Secp256k1PrivateKey(bytes.clone());
  }

  /** From 64 hex digits with an optional {@code 0x} prefix. */
  public static Secp256k1PrivateKey fromHex(String hex) {
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    if (hex.length() - start != 64) {
      throw new IllegalArgumentException("private key must be 64 hex digits");
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = hexValue(hex.charAt(start + 2 * i));
      int lo = hexValue(hex.charAt(start + 2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("private key contains a non-hex character");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return new Secp256k1PrivateKey(out);
  }

  /** From a secret holding 32 bytes. */
  public static Secp256k1PrivateKey fromSecret(Secret<byte[]> secret) {
    return fromBytes(secret.reveal());
  }

  /** A uniformly random key. */
  public static Secp256k1PrivateKey random(SecureRandom rng) {
    while (true) {
      byte[] b = new byte[32];
      rng.nextBytes(b);
      BigInteger d = new BigInteger(1, b);
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return new Secp256k1PrivateKey(b);
      }
    }
  }

  /** The 32 key bytes. Every call site is a place where the key leaves its wrapper. */
  public byte[] revealBytes() {
    return key.clone();
  }

  /** The uncompressed public key {@code 0x04 ‖ x ‖ y}. */
  public byte[] publicKey() {
    return Secp256k1.publicKey(this);
  }

  public EthAddress address() {
    return address;
  }

  BigInteger scalar() {
    return scalar;
  }

  /** Constant-time comparison of the key bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PrivateKey other && MessageDigest.isEqual(key, other.key);
  }

  /** Derived from the address only. */
  @Override
  public int hashCode() {
    return address.hashCode();
  }

  /** {@code Secp256k1PrivateKey[address=0x…]}: the key itself is never printed. */
  @Override
  public String toString() {
    return "Secp256k1PrivateKey[address=" + address + ", key=" + Secret.REDACTED + "]";
  }

  private static int hexValue(char c) {
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
}
