package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.address.AztecAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorKeyStoreTest {
  final List<Secp256k1PrivateKey> keys = Fixtures.keys(3);

  @Test
  void addressesInKeyOrderAndOfficialDefaults() {
    ValidatorKeyStore s = new ValidatorKeyStore(keys, Optional.empty(), Optional.empty());
    assertThat(s.addresses())
        .containsExactly(keys.get(0).address(), keys.get(1).address(), keys.get(2).address());
    // keystore-level defaults: the first key's address, the zero Aztec address
    assertThat(s.coinbase(s.address(2))).isEqualTo(s.address(0));
    assertThat(s.feeRecipient(s.address(1))).isEqualTo(AztecAddress.ZERO);
    ValidatorKeyStore t =
        new ValidatorKeyStore(
            keys, Optional.of(EthAddress.fromNumber(7)), Optional.of(AztecAddress.fromLong(9)));
    assertThat(t.coinbase(t.address(1))).isEqualTo(EthAddress.fromNumber(7));
    assertThat(t.feeRecipient(t.address(1))).isEqualTo(AztecAddress.fromLong(9));
    assertThatThrownBy(() -> s.coinbase(EthAddress.fromNumber(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void localInCommitteeKeepsKeyOrder() {
    ValidatorKeyStore s = new ValidatorKeyStore(keys, Optional.empty(), Optional.empty());
    List<EthAddress> committee =
        List.of(s.address(2), EthAddress.fromNumber(5), s.address(0), EthAddress.fromNumber(6));
    assertThat(s.localInCommittee(committee)).containsExactly(s.address(0), s.address(2));
    assertThat(s.localInCommittee(List.of())).isEmpty();
  }

  @Test
  void rejectsNoKeysAndDuplicates() {
    assertThatThrownBy(() -> new ValidatorKeyStore(List.of(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ValidatorKeyStore(
                    List.of(keys.get(0), keys.get(0)), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(Hex.encodeNoPrefix(keys.get(0).revealBytes()));
  }

  @Test
  void neverPrintsAKey() {
    ValidatorKeyStore s =
        ValidatorKeyStore.fromSecrets(
            keys.stream().map(Secret::of).toList(), Optional.empty(), Optional.empty());
    for (Secp256k1PrivateKey k : keys) {
      assertThat(s.toString())
          .contains(k.address().toString())
          .doesNotContain(Hex.encodeNoPrefix(k.revealBytes()));
    }
  }
}
