package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class Secp256k1PropertiesTest {
  /** Edge keys: 1, 2, 2^64 - 1, 2^255, n/2, n/2 + 1, n - 2, n - 1. */
  private static final List<BigInteger> KEY_EDGES =
      List.of(
          BigInteger.ONE,
          BigInteger.TWO,
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(255),
          Secp256k1.HALF_N,
          Secp256k1.HALF_N.add(BigInteger.ONE),
          Secp256k1.N.subtract(BigInteger.TWO),
          Secp256k1.N.subtract(BigInteger.ONE));

  /** Edge v values: 0, 1, 2, 27, 28, 35, 36 and the 31/32-bit boundaries. */
  private static final List<Long> V_EDGES =
      List.of(
          0L, 1L, 2L, 27L, 28L, 35L, 36L, 0x7fff_ffffL, 0x8000_0000L, 0xffff_fffeL, 0xffff_ffffL);

  /** 32 bytes, each {@code b}. */
  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) b);
    return out;
  }

  /** Edge 32-byte values: each byte 0x00, 0x01, 0x7f, 0x80, 0xfe or 0xff; 0x00..01; 0x80 0x00... */
  private static List<byte[]> edgeBytes32() {
    List<byte[]> edges = new ArrayList<>();
    for (int b : new int[] {0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff}) {
      edges.add(filled(b));
    }
    byte[] one = new byte[32];
    one[31] = 1;
    edges.add(one);
    byte[] top = new byte[32];
    top[0] = (byte) 0x80;
    edges.add(top);
    return edges;
  }

  /** A private key in [1, n - 1], big-endian: small, near n, or uniform. */
  private static byte[] key(SplittableRandom r) {
    BigInteger small = Property.uniformBelow(r, BigInteger.ONE.shiftLeft(64));
    BigInteger d =
        switch (r.nextInt(8)) {
          case 0 -> small.add(BigInteger.ONE);
          case 1 -> Secp256k1.N.subtract(BigInteger.ONE).subtract(small);
          default ->
              Property.uniformBelow(r, Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        };
    return EthSignature.to32(d);
  }

  private static byte[] hash(SplittableRandom r) {
    return Property.bytes(r, 32);
  }

  record KeyAndHash(byte[] key, byte[] hash) {
    @Override
    public String toString() {
      return "key " + Hex.encode(key) + ", hash " + Hex.encode(hash);
    }
  }

  /** Runs {@code check} on every edge key with every edge hash, then on {@code trials} random. */
  private static void forAllKeysAndHashes(String name, int trials, Consumer<KeyAndHash> check) {
    List<KeyAndHash> edges = new ArrayList<>();
    for (BigInteger d : KEY_EDGES) {
      for (byte[] h : edgeBytes32()) {
        edges.add(new KeyAndHash(EthSignature.to32(d), h));
      }
    }
    Property.forAll(
        name,
        edges.size() + trials,
        Property.edgesThen(edges, r -> new KeyAndHash(key(r), hash(r))),
        check);
  }

  @Test
  void signThenRecoverGivesTheSigner() {
    forAllKeysAndHashes(
        "sign then recover gives the signer",
        60,
        kh -> {
          byte[] message = kh.hash();
          Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(kh.key());
          Secp256k1Signer signer = new Secp256k1Signer(key);
          EthSignature sig = signer.signMessage(message);
          assertThat(sig.v()).isIn(27L, 28L);
          assertThat(sig.sValue()).isLessThanOrEqualTo(Secp256k1.HALF_N);
          assertThat(EthSign.recoverAddress(EthSign.makeEthSignDigest(message), sig))
              .isEqualTo(key.address());
          assertThat(signer.signMessage(message)).isEqualTo(sig);
        });
  }

  @Test
  void signatureFormsRoundTrip() {
    forAllKeysAndHashes(
        "signature forms round-trip",
        60,
        kh -> {
          EthSignature sig =
              EthSign.signMessage(kh.hash(), Secp256k1PrivateKey.fromBytes(kh.key()));
          assertThat(EthSignature.fromString(sig.toString())).isEqualTo(sig);
          assertThat(EthSignature.fromBuffer(sig.toBuffer())).isEqualTo(sig);
          assertThat(EthSignature.fromBytes65(sig.toBytes65())).isEqualTo(sig);
          assertThat(sig.toString()).hasSize(132);
          byte[] packed = sig.toPackedVrs();
          assertThat(packed[0] & 0xff).isEqualTo((int) sig.v());
        });
  }

  record Rsv(byte[] r, byte[] s, long v) {
    @Override
    public String toString() {
      return "r " + Hex.encode(r) + ", s " + Hex.encode(s) + ", v " + v;
    }
  }

  /** A v in [0, 2^32 - 1]: an edge value, a small value, or uniform. */
  private static long v(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> V_EDGES.get(r.nextInt(V_EDGES.size()));
      case 1 -> r.nextLong(256);
      default -> r.nextLong(0x1_0000_0000L);
    };
  }

  @Test
  void anyUnsignedVRoundTripsThroughStringAndBuffer() {
    List<byte[]> rs = List.of(filled(0x00), filled(0xff), filled(0x80));
    List<Rsv> edges = new ArrayList<>();
    for (byte[] r : rs) {
      for (byte[] s : rs) {
        for (long v : V_EDGES) {
          edges.add(new Rsv(r, s, v));
        }
      }
    }
    Property.forAll(
        "any unsigned 32-bit v round-trips through string and buffer",
        edges.size() + 40,
        Property.edgesThen(edges, r -> new Rsv(Property.bytes(r, 32), Property.bytes(r, 32), v(r))),
        rsv -> {
          EthSignature sig = new EthSignature(rsv.r(), rsv.s(), rsv.v());
          assertThat(EthSignature.fromString(sig.toString())).isEqualTo(sig);
          assertThat(EthSignature.fromBuffer(sig.toBuffer())).isEqualTo(sig);
        });
  }

  @Test
  void privateKeyNeverAppearsInText() {
    List<byte[]> edges = new ArrayList<>();
    for (BigInteger d : KEY_EDGES) {
      edges.add(EthSignature.to32(d));
    }
    Property.forAll(
        "a private key never appears in text",
        edges.size() + 40,
        Property.edgesThen(edges, Secp256k1PropertiesTest::key),
        keyBytes -> {
          Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(keyBytes);
          String hex = Hex.encodeNoPrefix(keyBytes);
          String text = key + " " + new Secp256k1Signer(key) + " " + String.valueOf(key);
          assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(hex);
          assertThat(text).contains(key.address().toString());
          assertThat(key.toString()).contains("<redacted>");
        });
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

  @Test
  void tamperedDigestNeverRecoversTheSigner() {
    forAllKeysAndHashes(
        "a tampered digest never recovers the signer",
        30,
        kh -> {
          byte[] hash = kh.hash();
          Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(kh.key());
          EthSignature sig = EthSign.signMessage(hash, key);
          byte[] other = hash.clone();
          other[0] ^= 1;
          assertThat(EthSign.tryRecoverAddress(other, sig).filter(key.address()::equals)).isEmpty();
        });
  }
}
