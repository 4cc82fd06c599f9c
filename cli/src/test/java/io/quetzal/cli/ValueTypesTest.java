package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.Urls;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.testkit.Property;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
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

  private static final String HEX = "0123456789abcdefABCDEF";
  private static final String STRAY = " \txXgG-";

  /**
   * Key-like text of 8 to 80 chars, often 62 to 68 long: hex digits, sometimes after "0x", with the
   * odd stray character and surrounding whitespace.
   */
  private static String keyLike(SplittableRandom r) {
    int len = r.nextBoolean() ? r.nextInt(62, 69) : r.nextInt(8, 81);
    StringBuilder sb = new StringBuilder(len);
    if (r.nextBoolean()) {
      sb.append(r.nextInt(4) == 0 ? "0X" : "0x");
    }
    while (sb.length() < len) {
      sb.append(
          r.nextInt(40) == 0
              ? STRAY.charAt(r.nextInt(STRAY.length()))
              : HEX.charAt(r.nextInt(HEX.length())));
    }
    if (r.nextInt(4) == 0) {
      sb.setCharAt(0, ' ');
    }
    if (r.nextInt(4) == 0) {
      sb.setCharAt(len - 1, ' ');
    }
    return sb.toString();
  }

  /** Edge inputs: blank and NUL text, and keys that are zero, too large, or one digit off. */
  private static final List<String> KEY_EDGES =
      List.of(
          "\0".repeat(8),
          " ".repeat(8),
          "\t".repeat(8),
          "0".repeat(8),
          "deadbeef",
          "0".repeat(64),
          "0x" + "0".repeat(64),
          "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
          "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
          "f".repeat(64),
          "1".repeat(63),
          "1".repeat(65),
          "0x" + "1".repeat(63),
          "0x" + "1".repeat(65),
          " " + "12".repeat(32) + "g",
          "0x" + "g".repeat(64),
          "0x" + "12".repeat(39));

  @Test
  void keyParseErrorsNeverContainTheInput() {
    Iterator<String> edges = KEY_EDGES.iterator();
    Property.forAll(
        "key parse errors never contain the input",
        KEY_EDGES.size() + 1000,
        r ->
            edges.hasNext() ? edges.next() : r.nextBoolean() ? Property.text(r, 8, 80) : keyLike(r),
        input -> {
          String trimmed = input.trim();
          try {
            EthValues.privateKey(input);
          } catch (IllegalArgumentException e) {
            if (trimmed.length() >= 8) {
              assertThat(e.getMessage()).doesNotContain(trimmed);
            }
          }
        });
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
