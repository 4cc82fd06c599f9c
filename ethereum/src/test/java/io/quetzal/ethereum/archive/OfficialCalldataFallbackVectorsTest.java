package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calldata fallbacks against the official archiver's own functions
 * (scripts/vectors/archiver-calldata.mjs): the calls {@code getSuccessfulCallsFromTrace} and {@code
 * getSuccessfulCallsFromDebug} extract from the six trace fixtures, and the wrapped calls {@code
 * getCallsFromSpireProposer} returns for multicalls encoded with the official ABI under several
 * answers of the proxy's implementation slot.
 */
class OfficialCalldataFallbackVectorsTest {
  private static final JsonNode V = load();

  private static JsonNode load() {
    try (InputStream in =
        OfficialCalldataFallbackVectorsTest.class.getResourceAsStream(
            "/vectors/archiver-calldata.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theProposeSelectorAndSpireAddressAreTheOfficialOnes() {
    assertThat(V.get("traces").get(0).get("selector").asText()).isEqualTo(ProposeCall.SELECTOR);
    assertThat(SpireProposer.ADDRESS)
        .isEqualTo(EthAddress.fromString(V.get("spireProposer").asText()));
  }

  @Test
  void tracedCallsEqualTheOfficialExtraction() {
    int checked = 0;
    for (JsonNode t : V.get("traces")) {
      String name = t.get("fixture").asText();
      JsonNode result =
          FallbackFixtures.trace(name, t.get("propose").asText(), t.get("other").asText());
      EthAddress rollup = EthAddress.fromString(t.get("rollup").asText());
      String selector = t.get("selector").asText();
      List<TracedCalls.TracedCall> calls =
          name.startsWith("trace_")
              ? TracedCalls.fromTraceTransaction(result, rollup, selector)
              : TracedCalls.fromDebugTraceTransaction(result, rollup, selector);
      List<List<String>> actual = new ArrayList<>();
      for (TracedCalls.TracedCall c : calls) {
        actual.add(
            List.of(
                c.from().toString(),
                c.gasUsed().map(g -> "0x" + g.toString(16)).orElse("null"),
                c.input(),
                "0x" + c.value().toString(16)));
      }
      List<List<String>> expected = new ArrayList<>();
      for (JsonNode c : t.get("calls")) {
        expected.add(
            List.of(
                c.get("from").asText(),
                c.get("gasUsed").isNull() ? "null" : c.get("gasUsed").asText(),
                c.get("input").asText(),
                c.get("value").asText()));
      }
      assertThat(actual).as(name).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void spireWrappedCallsEqualTheOfficialDecoding() {
    int taken = 0;
    for (JsonNode s : V.get("spire")) {
      boolean toSpire =
          !s.has("to") || EthAddress.fromString(s.get("to").asText()).equals(SpireProposer.ADDRESS);
      String word =
          s.get("implementationWord").isNull() ? null : s.get("implementationWord").asText();
      byte[] input = Hex.decode(s.get("input").asText());
      List<List<String>> actual = null;
      if (toSpire && SpireProposer.isExpectedImplementation(word)) {
        actual = new ArrayList<>();
        for (SpireProposer.Call c : SpireProposer.decodeMulticall(input)) {
          actual.add(List.of(c.target().toString(), Hex.encode(c.data())));
        }
      }
      if (s.get("calls").isNull()) {
        assertThat(actual).as(s.get("input").asText()).isNull();
      } else {
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode c : s.get("calls")) {
          expected.add(List.of(c.get("to").asText(), c.get("data").asText()));
        }
        assertThat(actual).as(s.get("input").asText()).isEqualTo(expected);
        taken++;
      }
    }
    assertThat(taken).isEqualTo(3);
  }
}
