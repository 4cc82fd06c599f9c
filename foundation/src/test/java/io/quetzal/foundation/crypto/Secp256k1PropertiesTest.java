package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Secp256k1PropertiesTest {
  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, Secp256k1.N.subtract(BigInteger.ONE))
        .map(d -> EthSignature.to32(d));
  }

  @Provide
  Arbitrary<byte[]> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Property(tries = 60, seed = "4120412")
  void signThenRecoverGivesTheSigner(
      @ForAll("keys") byte[] keyBytes, @ForAll("hashes") byte[] message) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(keyBytes);
    Secp256k1Signer signer = new Secp256k1Signer(key);
    EthSignature sig = signer.signMessage(message);
    assertThat(sig.v()).isIn(27L, 28L);
    assertThat(sig.sValue()).isLessThanOrEqualTo(Secp256k1.HALF_N);
    assertThat(EthSign.recoverAddress(EthSign.makeEthSignDigest(message), sig))
        .isEqualTo(key.address());
    assertThat(signer.signMessage(message)).isEqualTo(sig);
  }

  @Property(tries = 60, seed = "4120412")
  void signatureFormsRoundTrip(@ForAll("keys") byte[] keyBytes, @ForAll("hashes") byte[] hash) {
    EthSignature sig = EthSign.signMessage(hash, Secp256k1PrivateKey.fromBytes(keyBytes));
    assertThat(EthSignature.fromString(sig.toString())).isEqualTo(sig);
    assertThat(EthSignature.fromBuffer(sig.toBuffer())).isEqualTo(sig);
    assertThat(EthSignature.fromBytes65(sig.toBytes65())).isEqualTo(sig);
    assertThat(sig.toString()).hasSize(132);
    byte[] packed = sig.toPackedVrs();
    assertThat(packed[0] & 0xff).isEqualTo((int) sig.v());
  }

  @Property(tries = 40, seed = "4120412")
  void anyUnsignedVRoundTripsThroughStringAndBuffer(
      @ForAll @Size(32) byte[] r, @ForAll @Size(32) byte[] s, @ForAll("vs") long v) {
    EthSignature sig = new EthSignature(r, s, v);
    assertThat(EthSignature.fromString(sig.toString())).isEqualTo(sig);
    assertThat(EthSignature.fromBuffer(sig.toBuffer())).isEqualTo(sig);
  }

  @Provide
  Arbitrary<Long> vs() {
    return Arbitraries.longs().between(0, 0xffff_ffffL);
  }

  @Property(tries = 40, seed = "4120412")
  void privateKeyNeverAppearsInText(@ForAll("keys") byte[] keyBytes) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(keyBytes);
    String hex = Hex.encodeNoPrefix(keyBytes);
    String text = key + " " + new Secp256k1Signer(key) + " " + String.valueOf(key);
    assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(hex);
    assertThat(text).contains(key.address().toString());
    assertThat(key.toString()).contains("<redacted>");
  }

  @Test
  void badKeysAreRejectedWithoutEchoingTheInput() {
    String nTimesOne = Secp256k1.N.toString(16);
    String[] inputs = {
      nTimesOne, // the curve order: out of range
      "00".repeat(32),
      "ff".repeat(32),
      "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231", // 63 digits
      "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231g",
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f3623189",
    };
    for (String input : inputs) {
      String digits = input.startsWith("0x") ? input.substring(2) : input;
      assertThatThrownBy(() -> Secp256k1PrivateKey.fromHex(input))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain(digits);
                assertThat(e.getMessage()).doesNotContain(digits.substring(0, 16));
              });
    }
    byte[] tooBig = EthSignature.to32(Secp256k1.N);
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(tooBig))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Secp256k1.N.toString(16)))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Secp256k1.N.toString()));
  }

  @Test
  void knownAddressOfKeyOne() {
    Secp256k1PrivateKey one = Secp256k1PrivateKey.fromHex("00".repeat(31) + "01");
    assertThat(one.address())
        .isEqualTo(EthAddress.fromString("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"));
    assertThat(one).isEqualTo(Secp256k1PrivateKey.fromBytes(one.revealBytes()));
  }

  @Property(tries = 30, seed = "4120412")
  void tamperedDigestNeverRecoversTheSigner(
      @ForAll("keys") byte[] keyBytes, @ForAll("hashes") byte[] hash) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(keyBytes);
    EthSignature sig = EthSign.signMessage(hash, key);
    byte[] other = hash.clone();
    other[0] ^= 1;
    assertThat(EthSign.tryRecoverAddress(other, sig).filter(key.address()::equals)).isEmpty();
  }
}
