package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.Urls;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import java.net.URI;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void derivesTheAddressOfAKey() {
    assertThat(EthValues.privateKey(CliHarness.KEY_1).address().toChecksumString())
        .isEqualTo(CliHarness.ADDRESS_1);
    assertThat(EthValues.privateKey(CliHarness.KEY_2).address().toChecksumString())
        .isEqualTo(CliHarness.ADDRESS_2);
    assertThat(EthValues.privateKey(CliHarness.KEY_3.substring(2)).address().toChecksumString())
        .isEqualTo(CliHarness.ADDRESS_3);
  }

  @Test
  void privateKeysAreRedactedAndCompareByValue() {
    Secp256k1PrivateKey key = EthValues.privateKey(CliHarness.KEY_1);
    assertThat(key.toString())
        .contains("<redacted>")
        .doesNotContain(CliHarness.KEY_1.substring(2, 10));
    assertThat(key)
        .isEqualTo(EthValues.privateKey(CliHarness.KEY_1.toUpperCase().replace("0X", "0x")));
    assertThat(EthValues.toHex(key)).isEqualTo(CliHarness.KEY_1);
  }

  @Test
  void rejectsZeroAndOutOfRangeKeys() {
    assertThatThrownBy(() -> EthValues.privateKey("0x" + "0".repeat(64)))
        .hasMessage("the key is zero");
    // n itself: the smallest value that is not a key.
    assertThatThrownBy(
            () ->
                EthValues.privateKey(
                    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))
        .hasMessage("the key is not below the secp256k1 group order");
    assertThat(
            EthValues.privateKey(
                "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"))
        .isNotNull();
  }

  @Property
  void keyParseErrorsNeverContainTheInput(@ForAll @StringLength(min = 8, max = 80) String input) {
    String trimmed = input.trim();
    try {
      EthValues.privateKey(input);
    } catch (IllegalArgumentException e) {
      if (trimmed.length() >= 8) {
        assertThat(e.getMessage()).doesNotContain(trimmed);
      }
    }
  }

  @Test
  void addressesFollowEip55() {
    // Test vectors from EIP-55.
    for (String s :
        new String[] {
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
      assertThat(EthValues.address(s.toLowerCase().replace("0x", "")).toChecksumString())
          .isEqualTo(s);
      assertThat(EthValues.address(s).toChecksumString()).isEqualTo(s);
    }
    assertThatThrownBy(() -> EthValues.address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .hasMessageContaining("EIP-55");
    assertThat(EthValues.address("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").toString())
        .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  }

  @Test
  void aztecAddressesAreFieldElements() {
    assertThat(AztecAddress.parse("0x" + "0".repeat(63) + "1").isZero()).isFalse();
    assertThatThrownBy(
            () ->
                AztecAddress.parse(
                    "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"))
        .hasMessageContaining("modulus");
    assertThatThrownBy(() -> AztecAddress.parse("0x1234")).hasMessageContaining("64 hex digits");
  }

  @Test
  void redactedUrlsKeepOnlySchemeHostAndPort() {
    assertThat(Urls.redacted(URI.create("https://a.example/v2/key")))
        .isEqualTo("https://a.example/…");
    assertThat(Urls.redacted(URI.create("http://localhost:8545")))
        .isEqualTo("http://localhost:8545");
    assertThat(Urls.redacted(URI.create("http://u:p@h:1/?k=v"))).isEqualTo("http://h:1/…");
    assertThat(Urls.redacted(URI.create("http://geth_node:8545")))
        .isEqualTo("http://geth_node:8545");
  }

  @Test
  void urlsWithUnderscoreHostsAreAccepted() {
    assertThat(Urls.parse("http://geth_node:8545", Urls.HTTP)).isNotNull();
    assertThatThrownBy(() -> Urls.parse("http://", Urls.HTTP))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
