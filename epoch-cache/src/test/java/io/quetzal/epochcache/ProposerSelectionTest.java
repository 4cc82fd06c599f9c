package io.quetzal.epochcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProposerSelectionTest {
  record Input(EpochNumber epoch, SlotNumber slot, BigInteger seed, int size) {}

  /** abi.encode of three uint256 words, written out by hand. */
  static byte[] words(long a, long b, BigInteger c) {
    byte[] out = new byte[96];
    put(out, 0, BigInteger.valueOf(a));
    put(out, 32, BigInteger.valueOf(b));
    put(out, 64, c);
    return out;
  }

  static void put(byte[] out, int off, BigInteger v) {
    byte[] be = v.toByteArray();
    int len = Math.min(be.length, 32);
    System.arraycopy(be, be.length - len, out, off + 32 - len, len);
  }

  @Test
  void encodingIsThreeBigEndianWords() {
    BigInteger seed = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    byte[] enc = ProposerSelection.proposerIndexEncoding(EpochNumber.of(3), SlotNumber.of(7), seed);
    assertThat(enc).hasSize(96).isEqualTo(words(3, 7, seed));
    assertThat(enc[31]).isEqualTo((byte) 3);
    assertThat(enc[63]).isEqualTo((byte) 7);
    assertThat(Arrays.copyOfRange(enc, 64, 96)).containsOnly((byte) 0xff);
  }

  @Test
  void indexIsTheKeccakOfTheEncodingModuloTheSize() {
    Property.forAll(
        "proposer index",
        r ->
            new Input(
                EpochNumber.of(r.nextLong(0, 1L << 40)),
                SlotNumber.of(r.nextLong(0, 1L << 40)),
                Property.uniformBelow(r, BigInteger.TWO.pow(256)),
                r.nextInt(1, 200)),
        in -> {
          int idx = ProposerSelection.proposerIndex(in.epoch(), in.slot(), in.seed(), in.size());
          BigInteger h =
              new BigInteger(
                  1, Keccak256.hash(words(in.epoch().value(), in.slot().value(), in.seed())));
          assertThat(idx).isEqualTo(h.mod(BigInteger.valueOf(in.size())).intValue());
          assertThat(idx).isBetween(0, in.size() - 1);
        });
  }

  @Test
  void emptyCommitteeGivesIndexZero() {
    assertThat(
            ProposerSelection.proposerIndex(EpochNumber.of(1), SlotNumber.of(2), BigInteger.TEN, 0))
        .isZero();
    assertThatThrownBy(
            () ->
                ProposerSelection.proposerIndex(
                    EpochNumber.of(1), SlotNumber.of(2), BigInteger.TEN, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quorumIsFloorTwoThirdsPlusOne() {
    assertThat(ProposerSelection.quorum(48)).isEqualTo(33);
    assertThat(ProposerSelection.quorum(4)).isEqualTo(3);
    assertThat(ProposerSelection.quorum(3)).isEqualTo(3);
    assertThat(ProposerSelection.quorum(1)).isEqualTo(1);
    assertThat(ProposerSelection.quorum(0)).isEqualTo(1);
    Property.forAll(
        "quorum is the least count above two thirds",
        r -> r.nextInt(1, 100_000),
        n -> {
          int q = ProposerSelection.quorum(n);
          assertThat(3L * q).isGreaterThan(2L * n);
          assertThat(3L * (q - 1)).isLessThanOrEqualTo(2L * n);
        });
  }
}
