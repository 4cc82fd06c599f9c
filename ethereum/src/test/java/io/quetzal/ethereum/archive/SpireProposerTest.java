package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Spire Proposer's constants and its {@code multicall} decoder. */
class SpireProposerTest {
  @Test
  void constantsAreTheOfficialOnes() {
    assertThat(SpireProposer.ADDRESS.toString())
        .isEqualTo("0x9ccc2f3ecde026230e11a5c8799ac7524f2bb294");
    assertThat(SpireProposer.EXPECTED_IMPLEMENTATION.toString())
        .isEqualTo("0x7d38d47e7c82195e6e607d3b0f1c20c615c7bf42");
    // keccak256("eip1967.proxy.implementation") - 1
    BigInteger slot =
        new BigInteger(
                1, Keccak256.hash("eip1967.proxy.implementation".getBytes(StandardCharsets.UTF_8)))
            .subtract(BigInteger.ONE);
    assertThat(Hex.encode(FallbackFixtures.word(slot)))
        .isEqualTo(SpireProposer.EIP1967_IMPLEMENTATION_SLOT);
    assertThat(SpireProposer.MULTICALL_SELECTOR)
        .isEqualTo(Abi.selector("multicall((address,address,bytes,uint256,uint256)[])"));
  }

  @Test
  void decodesWrappedCallsAroundARecordedPropose() {
    byte[] propose = FallbackFixtures.proposeCalldata(0);
    byte[] aggregate3 = FallbackFixtures.aggregate3Input(3);
    byte[] odd = Hex.decode("0x0102030405"); // not a multiple of 32 bytes
    List<SpireProposer.Call> calls =
        List.of(
            FallbackFixtures.spireCall(ArchiveFixtures.ROLLUP, propose),
            new SpireProposer.Call(
                ArchiveFixtures.INBOX,
                CalldataRetriever.MULTICALL3,
                aggregate3,
                BigInteger.TWO,
                BigInteger.TEN),
            FallbackFixtures.spireCall(ArchiveFixtures.INBOX, odd),
            FallbackFixtures.spireCall(ArchiveFixtures.INBOX, new byte[0]));
    List<SpireProposer.Call> decoded =
        SpireProposer.decodeMulticall(FallbackFixtures.spireMulticall(calls));
    assertThat(decoded).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(decoded.get(i).proposer()).isEqualTo(calls.get(i).proposer());
      assertThat(decoded.get(i).target()).isEqualTo(calls.get(i).target());
      assertThat(decoded.get(i).data()).isEqualTo(calls.get(i).data());
      assertThat(decoded.get(i).value()).isEqualTo(calls.get(i).value());
      assertThat(decoded.get(i).gasLimit()).isEqualTo(calls.get(i).gasLimit());
    }
    // The wrapped propose is the recorded one and verifies against its event.
    ProposeCall call = ProposeCall.decode(decoded.get(0).data());
    assertThat(call.consensusPayload().payloadDigest())
        .isEqualTo(ArchiveFixtures.proposedEvents().get(0).payloadDigest());
    assertThat(SpireProposer.decodeMulticall(FallbackFixtures.spireMulticall(List.of()))).isEmpty();
  }

  @Test
  void addressesAreTheLow20BytesOfTheirWordAsTheOfficialDecoderReadsThem() {
    byte[] input =
        FallbackFixtures.spireMulticall(
            List.of(FallbackFixtures.spireCall(ArchiveFixtures.ROLLUP, new byte[] {1})));
    // The target word of the only tuple: after the selector, the array offset, the length, the
    // element offset and the proposer.
    int targetWord = 4 + 4 * 32;
    input[targetWord] = (byte) 0xff;
    assertThat(SpireProposer.decodeMulticall(input).getFirst().target())
        .isEqualTo(ArchiveFixtures.ROLLUP);
  }

  @Test
  void malformedWrappersAreNamedDecodeErrors() {
    byte[] good =
        FallbackFixtures.spireMulticall(
            List.of(
                FallbackFixtures.spireCall(
                    ArchiveFixtures.ROLLUP, FallbackFixtures.proposeCalldata(0))));
    // Another selector (aggregate3's), none at all, the bare selector.
    byte[] other = good.clone();
    System.arraycopy(Hex.decode(CalldataRetriever.AGGREGATE3_SELECTOR), 0, other, 0, 4);
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(other))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("not multicall");
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(new byte[] {1, 2}))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("selector missing");
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(Arrays.copyOf(good, 4)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("Spire Proposer multicall");
    // Every truncation of the head and tuple fails (the tail padding aside).
    for (int len = 5; len < 4 + 6 * 32 + 32; len += 13) {
      byte[] cut = Arrays.copyOf(good, len);
      assertThatThrownBy(() -> SpireProposer.decodeMulticall(cut))
          .isInstanceOf(L1DecodeException.class);
    }
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(Arrays.copyOf(good, good.length - 64)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("_calls[0].data");
    // A huge array length, an element offset past the end.
    byte[] huge = good.clone();
    Arrays.fill(huge, 4 + 32, 4 + 64, (byte) 0x7f);
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(huge))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("_calls");
    byte[] far = good.clone();
    Arrays.fill(far, 4 + 64, 4 + 96, (byte) 0x01);
    assertThatThrownBy(() -> SpireProposer.decodeMulticall(far))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("_calls[0]");
  }

  @Test
  void implementationSlotMustHoldExactlyTheExpectedImplementation() {
    EthAddress impl = SpireProposer.EXPECTED_IMPLEMENTATION;
    assertThat(SpireProposer.isExpectedImplementation(FallbackFixtures.implementationWord(impl)))
        .isTrue();
    // Unpadded, upper-case, without a prefix: still the number of the address.
    assertThat(SpireProposer.isExpectedImplementation(impl.toString())).isTrue();
    assertThat(SpireProposer.isExpectedImplementation(impl.toChecksumString())).isTrue();
    assertThat(
            SpireProposer.isExpectedImplementation(
                FallbackFixtures.implementationWord(impl).substring(2).toUpperCase()))
        .isTrue();
    // Another implementation, none, dirty upper bytes, not hex.
    assertThat(
            SpireProposer.isExpectedImplementation(
                FallbackFixtures.implementationWord(ArchiveFixtures.ROLLUP)))
        .isFalse();
    assertThat(SpireProposer.isExpectedImplementation("0x" + "0".repeat(64))).isFalse();
    assertThat(SpireProposer.isExpectedImplementation("0x")).isFalse();
    assertThat(SpireProposer.isExpectedImplementation(null)).isFalse();
    String dirty = "0x01" + FallbackFixtures.implementationWord(impl).substring(4);
    assertThat(SpireProposer.isExpectedImplementation(dirty)).isFalse();
    assertThat(SpireProposer.isExpectedImplementation("0xzz" + impl.toString().substring(2)))
        .isFalse();
  }
}
