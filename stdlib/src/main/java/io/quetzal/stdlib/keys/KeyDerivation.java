package io.quetzal.stdlib.keys;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants.DomainSeparator;
import io.quetzal.stdlib.address.AztecAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Account key derivation ({@code @aztec/stdlib/keys}): from a secret key (a field element) to the
 * four master secret keys, their public keys, and from public keys plus a partial address to the
 * account's address.
 *
 * <ul>
 *   <li>master secret key {@code k} with separator {@code s}: SHA-512 of the secret's 32 bytes
 *       followed by {@code s} as a 4-byte big-endian number, read as a big-endian integer and
 *       reduced modulo the Grumpkin scalar field (BN254 Fq);
 *   <li>public key: {@code k * G};
 *   <li>preaddress: {@code poseidon2HashWithSeparator([publicKeysHash, partialAddress],
 *       CONTRACT_ADDRESS_V1)};
 *   <li>address: the x coordinate of {@code preaddress * G + ivpk_m}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class KeyDerivation {
  private KeyDerivation() {}

  /** The four master secret keys and the public keys of a secret. */
  public record DerivedKeys(
      Fq masterNullifierHidingKey,
      Fq masterIncomingViewingSecretKey,
      Fq masterOutgoingViewingSecretKey,
      Fq masterTaggingSecretKey,
      PublicKeys publicKeys) {}

  public static DerivedKeys deriveKeys(Fr secretKey) {
    Fq nhk = sha512ToGrumpkinScalar(secretKey, DomainSeparator.NHK_M);
    Fq ivsk = sha512ToGrumpkinScalar(secretKey, DomainSeparator.IVSK_M);
    Fq ovsk = sha512ToGrumpkinScalar(secretKey, DomainSeparator.OVSK_M);
    Fq tsk = sha512ToGrumpkinScalar(secretKey, DomainSeparator.TSK_M);
    PublicKeys pk =
        new PublicKeys(publicKey(nhk), publicKey(ivsk), publicKey(ovsk), publicKey(tsk));
    return new DerivedKeys(nhk, ivsk, ovsk, tsk, pk);
  }

  /** The signing key of the official Schnorr accounts: the master incoming viewing secret key. */
  public static Fq deriveSigningKey(Fr secretKey) {
    return sha512ToGrumpkinScalar(secretKey, DomainSeparator.IVSK_M);
  }

  /** {@code secret * G}. */
  public static GrumpkinPoint publicKey(Fq secret) {
    return Grumpkin.mul(Grumpkin.GENERATOR, secret);
  }

  public static Fr computePreaddress(Fr publicKeysHash, Fr partialAddress) {
    return Poseidon2.hashWithSeparator(
        List.of(publicKeysHash, partialAddress), DomainSeparator.CONTRACT_ADDRESS_V1);
  }

  /** The address of an account with these keys and partial address. */
  public static AztecAddress computeAddress(PublicKeys publicKeys, Fr partialAddress) {
    Fr preaddress = computePreaddress(publicKeys.hash(), partialAddress);
    GrumpkinPoint p =
        Grumpkin.add(
            Grumpkin.mul(Grumpkin.GENERATOR, preaddress.toBigInteger()),
            publicKeys.masterIncomingViewingPublicKey());
    return AztecAddress.fromField(p.x());
  }

  /** {@code sha512ToGrumpkinScalar([secret, separator])}. */
  static Fq sha512ToGrumpkinScalar(Fr secret, long separator) {
    byte[] input = new byte[36];
    secret.writeTo(input, 0);
    input[32] = (byte) (separator >>> 24);
    input[33] = (byte) (separator >>> 16);
    input[34] = (byte) (separator >>> 8);
    input[35] = (byte) separator;
    try {
      return Fq.fromBytesReduce(MessageDigest.getInstance("SHA-512").digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 unavailable", e);
    }
  }
}
