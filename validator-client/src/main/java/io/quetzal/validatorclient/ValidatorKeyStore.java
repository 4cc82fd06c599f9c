package io.quetzal.validatorclient;

import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.crypto.Secp256k1Signer;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.address.AztecAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The node's validator (attester) keys, from {@code VALIDATOR_PRIVATE_KEYS}, in the order given.
 *
 * <p>Reward defaults are those of the official node for keys given by environment ({@code
 * createKeyStoreFromPrivateKeys}): one keystore entry for all keys, whose coinbase is {@code
 * COINBASE} or else the <b>first</b> key's address, and whose fee recipient is {@code
 * FEE_RECIPIENT} or else the zero Aztec address.
 *
 * <p>Signing is package-private: every signature goes through {@link ValidatorSigner}, which
 * consults {@link SlashingProtection} first. {@link #toString()} lists addresses only.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidatorKeyStore {
  private final Map<EthAddress, Secp256k1Signer> signers;
  private final List<EthAddress> addresses;
  private final EthAddress coinbase;
  private final AztecAddress feeRecipient;

  /**
   * @param keys the attester keys (distinct addresses, at least one)
   * @param coinbase {@code COINBASE}, empty for the first key's address
   * @param feeRecipient {@code FEE_RECIPIENT}, empty for zero
   */
  public ValidatorKeyStore(
      List<Secp256k1PrivateKey> keys,
      Optional<EthAddress> coinbase,
      Optional<AztecAddress> feeRecipient) {
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a validator key store needs at least one key");
    }
    Map<EthAddress, Secp256k1Signer> m = new LinkedHashMap<>();
    for (Secp256k1PrivateKey k : keys) {
      if (m.put(k.address(), new Secp256k1Signer(k)) != null) {
        throw new IllegalArgumentException("duplicate validator key for address " + k.address());
      }
    }
    this.signers = Map.copyOf(m);
    this.addresses = List.copyOf(m.keySet());
    this.coinbase = coinbase.orElse(addresses.getFirst());
    this.feeRecipient = feeRecipient.orElse(AztecAddress.ZERO);
  }

  /** From the CLI's parsed secrets ({@code ValidatorConfig.privateKeys()}). */
  public static ValidatorKeyStore fromSecrets(
      List<Secret<Secp256k1PrivateKey>> keys,
      Optional<EthAddress> coinbase,
      Optional<AztecAddress> feeRecipient) {
    return new ValidatorKeyStore(
        keys.stream().map(Secret::reveal).toList(), coinbase, feeRecipient);
  }

  /** The attester addresses, in key order. */
  public List<EthAddress> addresses() {
    return addresses;
  }

  /** The address of key {@code i} (the official {@code getAddress(i)}). */
  public EthAddress address(int i) {
    return addresses.get(i);
  }

  public boolean contains(EthAddress address) {
    return signers.containsKey(address);
  }

  /** The L1 address receiving rewards for blocks proposed by {@code attester}. */
  public EthAddress coinbase(EthAddress attester) {
    requireKnown(attester);
    return coinbase;
  }

  /** The Aztec address receiving the fees of blocks proposed by {@code attester}. */
  public AztecAddress feeRecipient(EthAddress attester) {
    requireKnown(attester);
    return feeRecipient;
  }

  /** Our addresses that are members of {@code committee}, in key order. */
  public List<EthAddress> localInCommittee(List<EthAddress> committee) {
    Set<EthAddress> members = new HashSet<>(committee);
    List<EthAddress> out = new ArrayList<>();
    for (EthAddress a : addresses) {
      if (members.contains(a)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /** EIP-191 signature of the 32-byte {@code messageHash} with {@code attester}'s key. */
  EthSignature ethSign(EthAddress attester, byte[] messageHash) {
    return requireKnown(attester).signMessage(messageHash);
  }

  private Secp256k1Signer requireKnown(EthAddress attester) {
    Secp256k1Signer s = signers.get(attester);
    if (s == null) {
      throw new IllegalArgumentException("no validator key for address " + attester);
    }
    return s;
  }

  @Override
  public String toString() {
    return "ValidatorKeyStore" + addresses;
  }
}
