package io.quetzal.sequencerclient.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.CalldataRetriever;
import io.quetzal.ethereum.archive.ProposeCall;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The encoders against the nine proposals of the official local network: decode with the archiver's
 * decoder, re-encode, and require the very bytes the official node sent.
 */
class ProposeCalldataTest {
  static final List<String> PROPOSALS = Fixtures.PROPOSALS;

  @ParameterizedTest
  @FieldSource("PROPOSALS")
  void reEncodingAProposalGivesTheOfficialBytes(String name) {
    JsonNode tx = Fixtures.tx(name);
    byte[] input = Hex.decode(tx.path("input").asText());
    EthAddress rollup = EthAddress.fromString(Fixtures.ROLLUP);
    assertThat(EthAddress.fromString(tx.path("to").asText())).isEqualTo(Multicall3.ADDRESS);

    List<byte[]> inner = CalldataRetriever.proposeCallsInAggregate3(input, rollup);
    assertThat(inner).hasSize(1);
    ProposeCall decoded = ProposeCall.decode(inner.getFirst());

    // The propose calldata alone.
    byte[] proposeData = ProposeCalldata.encode(decoded);
    assertThat(Hex.encode(proposeData)).isEqualTo(Hex.encode(inner.getFirst()));

    // The whole aggregate3, rebuilt from the decoded bundle (target, flag, data of each call).
    List<Multicall3.Call3> calls = decodeAggregate3(input);
    assertThat(Hex.encode(Multicall3.encodeAggregate3(calls))).isEqualTo(Hex.encode(input));

    // And as the publisher builds it: propose to the rollup with allowFailure = true, alone.
    byte[] ours =
        Multicall3.encodeAggregate3(List.of(new Multicall3.Call3(rollup, true, proposeData)));
    assertThat(Hex.encode(ours)).isEqualTo(Hex.encode(input));

    // blobInput is the prefixed commitments the transaction carries.
    List<byte[]> commitments = new ArrayList<>();
    tx.path("commitments").forEach(c -> commitments.add(Hex.decode(c.asText())));
    byte[] expected = new byte[1 + 48 * commitments.size()];
    expected[0] = (byte) commitments.size();
    for (int i = 0; i < commitments.size(); i++) {
      System.arraycopy(commitments.get(i), 0, expected, 1 + 48 * i, 48);
    }
    assertThat(decoded.blobInput()).isEqualTo(expected);
  }

  @Test
  void aggregate3OfSeveralCallsRoundTrips() {
    List<Multicall3.Call3> calls =
        List.of(
            new Multicall3.Call3(EthAddress.fromNumber(1), true, new byte[] {1, 2, 3}),
            new Multicall3.Call3(EthAddress.fromNumber(2), false, new byte[0]),
            new Multicall3.Call3(EthAddress.fromNumber(3), true, new byte[64]));
    byte[] enc = Multicall3.encodeAggregate3(calls);
    assertThat(decodeAggregate3(enc)).isEqualTo(calls);
    assertThat(Hex.encode(Multicall3.encodeAggregate3(List.of())))
        .isEqualTo(
            Multicall3.AGGREGATE3_SELECTOR
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000000");
  }

  @Test
  void negativeFeeModifierIsTwosComplement() {
    ProposeCall base =
        ProposeCall.decode(
            CalldataRetriever.proposeCallsInAggregate3(
                    Hex.decode(Fixtures.tx(PROPOSALS.getFirst()).path("input").asText()),
                    EthAddress.fromString(Fixtures.ROLLUP))
                .getFirst());
    ProposeCall negative =
        new ProposeCall(
            base.archive(),
            BigInteger.valueOf(-5),
            base.header(),
            base.attestations(),
            base.signers(),
            base.attestationsAndSignersSignature(),
            base.blobInput());
    assertThat(ProposeCall.decode(ProposeCalldata.encode(negative))).isEqualTo(negative);
  }

  /** An independent aggregate3 decoder (reads offsets rather than assuming them). */
  static List<Multicall3.Call3> decodeAggregate3(byte[] input) {
    assertThat(Hex.encode(Arrays.copyOf(input, 4))).isEqualTo(Multicall3.AGGREGATE3_SELECTOR);
    byte[] d = Arrays.copyOfRange(input, 4, input.length);
    int arr = word(d, 0);
    int n = word(d, arr);
    int elems = arr + 32;
    List<Multicall3.Call3> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int at = elems + word(d, elems + 32 * i);
      EthAddress target = EthAddress.fromBytes(Arrays.copyOfRange(d, at + 12, at + 32));
      boolean allow = word(d, at + 32) == 1;
      int dataAt = at + word(d, at + 64);
      int len = word(d, dataAt);
      out.add(
          new Multicall3.Call3(
              target, allow, Arrays.copyOfRange(d, dataAt + 32, dataAt + 32 + len)));
    }
    return out;
  }

  private static int word(byte[] d, int at) {
    return new BigInteger(1, Arrays.copyOfRange(d, at, at + 32)).intValueExact();
  }
}
