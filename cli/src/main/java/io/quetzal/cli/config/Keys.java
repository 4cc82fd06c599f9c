package io.quetzal.cli.config;

import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;

/** Checks on lists of private keys; messages give positions, never keys. */
final class Keys {
  private Keys() {}

  static List<Secret<Secp256k1PrivateKey>> distinct(
      List<Secret<Secp256k1PrivateKey>> keys, String name) {
    List<Secret<Secp256k1PrivateKey>> copy = List.copyOf(keys);
    for (int i = 0; i < copy.size(); i++) {
      for (int j = i + 1; j < copy.size(); j++) {
        if (copy.get(i).equals(copy.get(j))) {
          throw new IllegalArgumentException(
              name + ": entries " + (i + 1) + " and " + (j + 1) + " are the same key");
        }
      }
    }
    return copy;
  }

  static List<EthAddress> addresses(List<Secret<Secp256k1PrivateKey>> keys) {
    return keys.stream().map(k -> k.reveal().address()).toList();
  }
}
