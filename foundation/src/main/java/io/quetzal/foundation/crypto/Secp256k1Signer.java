package io.quetzal.foundation.crypto;

import io.quetzal.foundation.types.EthAddress;

/**
 * Signs with one private key, as the official {@code Secp256k1Signer} (used by the validator's
 * local key store for proposals and attestations).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the address only.
 */
public final class Secp256k1Signer {
  private final Secp256k1PrivateKey key;

  public Secp256k1Signer(Secp256k1PrivateKey key) {
    this.key = key;
  }

  public EthAddress address() {
    return key.address();
  }

  /** Signs a 32-byte digest as is. */
  public EthSignature sign(byte[] digest32) {
    return EthSign.signMessage(digest32, key);
  }

  /**
   * Signs as {@code eth_sign} does: the EIP-191 digest of the 32-byte message. Validators sign the
   * keccak256 of a payload this way (see {@code getHashedSignaturePayloadEthSignedMessage}).
   */
  public EthSignature signMessage(byte[] message32) {
    return sign(EthSign.makeEthSignDigest(message32));
  }

  @Override
  public String toString() {
    return "Secp256k1Signer[" + key.address() + "]";
  }
}
