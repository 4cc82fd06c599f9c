package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * anvil's well-known accounts, derived from its mnemonic; the local validators derived from them.
 */
class AnvilAccountsTest {
  @Test
  void derivesAnvilsWellKnownAccounts() {
    List<Secp256k1PrivateKey> keys = AnvilAccounts.accounts(AnvilAccounts.DEFAULT_MNEMONIC, 4);
    assertThat(Hex.encode(keys.get(0).revealBytes()))
        .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(keys.stream().map(Secp256k1PrivateKey::address).toList())
        .containsExactly(
            EthAddress.fromString("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            EthAddress.fromString("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            EthAddress.fromString("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
            EthAddress.fromString("0x90F79bf6EB2c4f870365E785982E1f101E93b906"));
  }

  @Test
  void rejectsAnInvalidMnemonic() {
    assertThatThrownBy(() -> AnvilAccounts.account("test test nope", 0))
        .hasMessageContaining("not a valid BIP-39 mnemonic");
  }

  @Test
  void validatorsAreDeterministicDistinctAndDoNotPrintKeys() {
    List<LocalValidator> a = LocalValidator.fromMnemonic(AnvilAccounts.DEFAULT_MNEMONIC, 4);
    List<LocalValidator> b = LocalValidator.fromMnemonic(AnvilAccounts.DEFAULT_MNEMONIC, 4);
    for (int i = 0; i < 4; i++) {
      assertThat(a.get(i).bn254SecretKey()).isEqualTo(b.get(i).bn254SecretKey());
      assertThat(a.get(i).publicKeyInG2()).isEqualTo(b.get(i).publicKeyInG2());
      assertThat(a.get(i).toString())
          .contains(a.get(i).attester().toString())
          .doesNotContain(a.get(i).bn254SecretKey().toString().substring(2))
          .doesNotContain(Hex.encodeNoPrefix(a.get(i).attesterKey().revealBytes()));
    }
    assertThat(a.stream().map(LocalValidator::bn254SecretKey).distinct()).hasSize(4);
  }
}
