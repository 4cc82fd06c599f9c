package io.quetzal.foundation.crypto;

/**
 * A secp256k1 failure: an invalid {@code v}, a malleable (high-s) signature, a signature component
 * out of range, an {@code r} that is no curve x-coordinate, or an address recovery that failed (the
 * cause then holds the reason). Messages follow the official {@code Secp256k1Error} and
 * {@code @noble/curves} texts and never contain a private key.
 */
public class Secp256k1Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Secp256k1Exception(String message) {
    super(message);
  }

  public Secp256k1Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
