package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Filtering of {@code trace_transaction} and {@code debug_traceTransaction} answers. The fixtures
 * hold one tree: a reverted propose to the rollup, a successful propose under a reverted frame, a
 * static and a delegate propose, a propose without a result, another selector, another target, and
 * under a successful intermediate contract zero, one or two successful proposes.
 */
class TracedCallsTest {
  private static final EthAddress ROLLUP = ArchiveFixtures.ROLLUP;
  private static final String SEL = ProposeCall.SELECTOR;
  private static final String GOOD = SEL + "aa";
  private static final String BAD = SEL + "bb";
  private static final EthAddress HELPER =
      EthAddress.fromString("0x3333333333333333333333333333333333333333");

  private static JsonNode trace(String name) {
    return FallbackFixtures.trace(name, GOOD, BAD);
  }

  @Test
  void traceTransactionKeepsOnlyTheSuccessfulCallOutsideRevertedFrames() {
    List<TracedCalls.TracedCall> calls =
        TracedCalls.fromTraceTransaction(trace("trace_transaction_one.json"), ROLLUP, SEL);
    assertThat(calls)
        .containsExactly(
            new TracedCalls.TracedCall(
                HELPER, Optional.of(BigInteger.valueOf(0x1234)), GOOD, BigInteger.ZERO));
    assertThat(TracedCalls.fromTraceTransaction(trace("trace_transaction_none.json"), ROLLUP, SEL))
        .isEmpty();
    assertThat(TracedCalls.fromTraceTransaction(trace("trace_transaction_two.json"), ROLLUP, SEL))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.input()).isEqualTo(GOOD));
    // The selector may come without its prefix or in upper case.
    assertThat(
            TracedCalls.fromTraceTransaction(
                trace("trace_transaction_one.json"), ROLLUP, SEL.substring(2).toUpperCase()))
        .hasSize(1);
    // Another target: nothing.
    assertThat(
            TracedCalls.fromTraceTransaction(
                trace("trace_transaction_one.json"), ArchiveFixtures.INBOX, SEL))
        .isEmpty();
  }

  @Test
  void debugTraceKeepsOnlyTheSuccessfulCallOutsideRevertedFrames() {
    List<TracedCalls.TracedCall> calls =
        TracedCalls.fromDebugTraceTransaction(
            trace("debug_traceTransaction_one.json"), ROLLUP, SEL);
    assertThat(calls)
        .containsExactly(
            new TracedCalls.TracedCall(
                HELPER, Optional.of(BigInteger.valueOf(0x1234)), GOOD, BigInteger.ZERO));
    assertThat(
            TracedCalls.fromDebugTraceTransaction(
                trace("debug_traceTransaction_none.json"), ROLLUP, SEL))
        .isEmpty();
    assertThat(
            TracedCalls.fromDebugTraceTransaction(
                trace("debug_traceTransaction_two.json"), ROLLUP, SEL))
        .hasSize(2);
  }

  @Test
  void anEmptyErrorIsNoError() {
    // The official tests the error's truthiness: "" does not exclude a frame or its children.
    JsonNode parity = trace("trace_transaction_none.json");
    ((ObjectNode) parity.get(1)).put("error", ""); // the reverted propose, traceAddress [0]
    ((ObjectNode) parity.get(2)).put("error", ""); // the reverted helper above [1, 0]
    assertThat(TracedCalls.fromTraceTransaction(parity, ROLLUP, SEL))
        .extracting(TracedCalls.TracedCall::value)
        .containsExactly(BigInteger.ONE, BigInteger.ZERO);

    JsonNode debug = trace("debug_traceTransaction_none.json");
    ((ObjectNode) debug.path("calls").get(0)).put("error", "");
    assertThat(TracedCalls.fromDebugTraceTransaction(debug, ROLLUP, SEL))
        .extracting(TracedCalls.TracedCall::value)
        .containsExactly(BigInteger.ONE);
  }

  @Test
  void aFailedRootDoesNotHideItsChildrenInTraceTransaction() {
    // As the official: ancestors are the non-empty prefixes of a trace address, so an error on
    // the root (traceAddress []) excludes only the root. (A reverted transaction emits no event.)
    JsonNode parity = trace("trace_transaction_one.json");
    ((ObjectNode) parity.get(0)).put("error", "Reverted");
    assertThat(TracedCalls.fromTraceTransaction(parity, ROLLUP, SEL)).hasSize(1);
    // In the call tree it hides everything.
    JsonNode debug = trace("debug_traceTransaction_one.json");
    ((ObjectNode) debug).put("error", "execution reverted");
    assertThat(TracedCalls.fromDebugTraceTransaction(debug, ROLLUP, SEL)).isEmpty();
  }

  @Test
  void aCallWithoutResultDoesNotCountInTraceTransaction() {
    JsonNode parity = trace("trace_transaction_one.json");
    for (JsonNode t : parity) {
      ((ObjectNode) t).remove("result");
    }
    assertThat(TracedCalls.fromTraceTransaction(parity, ROLLUP, SEL)).isEmpty();
  }

  @Test
  void answersOutsideTheOfficialSchemaAreDecodeErrors() {
    // trace_transaction: not an array; a null result; a create trace (no callType); non-hex input;
    // a string trace address.
    assertThatThrownBy(
            () ->
                TracedCalls.fromTraceTransaction(
                    trace("debug_traceTransaction_one.json"), ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("not an array");
    JsonNode nullResult = trace("trace_transaction_one.json");
    ((ObjectNode) nullResult.get(1)).putNull("result");
    assertThatThrownBy(() -> TracedCalls.fromTraceTransaction(nullResult, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("[1].result is not an object");
    JsonNode create = trace("trace_transaction_one.json");
    ((ObjectNode) create.get(9).get("action")).remove("callType");
    assertThatThrownBy(() -> TracedCalls.fromTraceTransaction(create, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("[9].action.callType is missing");
    JsonNode notHex = trace("trace_transaction_one.json");
    ((ObjectNode) notHex.get(3).get("action")).put("input", "0xnothex");
    assertThatThrownBy(() -> TracedCalls.fromTraceTransaction(notHex, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("[3].action.input is not a hex string");
    JsonNode badAddress = trace("trace_transaction_one.json");
    ((ArrayNode) badAddress.get(3).get("traceAddress")).add("0");
    assertThatThrownBy(() -> TracedCalls.fromTraceTransaction(badAddress, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("traceAddress");

    // debug_traceTransaction: a frame without from; calls not an array; a null to.
    JsonNode noFrom = trace("debug_traceTransaction_one.json");
    ((ObjectNode) noFrom.path("calls").get(2)).remove("from");
    assertThatThrownBy(() -> TracedCalls.fromDebugTraceTransaction(noFrom, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("calls[2].from is missing");
    JsonNode callsObject = trace("debug_traceTransaction_one.json");
    ((ObjectNode) callsObject).putObject("calls");
    assertThatThrownBy(() -> TracedCalls.fromDebugTraceTransaction(callsObject, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("calls is not an array");
    JsonNode nullTo = trace("debug_traceTransaction_one.json");
    ((ObjectNode) nullTo.path("calls").get(5)).putNull("to");
    assertThatThrownBy(() -> TracedCalls.fromDebugTraceTransaction(nullTo, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("calls[5].to is not a string");
  }

  @Test
  void unprefixedHexIsAcceptedAndAnEmptyValueOfAMatchIsAnError() {
    JsonNode parity = trace("trace_transaction_one.json");
    ObjectNode action = (ObjectNode) parity.get(7).get("action");
    action.put("input", GOOD.substring(2));
    action.put("to", ROLLUP.toString().substring(2));
    assertThat(TracedCalls.fromTraceTransaction(parity, ROLLUP, SEL))
        .extracting(TracedCalls.TracedCall::input)
        .containsExactly(GOOD);
    action.put("value", "0x");
    assertThatThrownBy(() -> TracedCalls.fromTraceTransaction(parity, ROLLUP, SEL))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("value 0x is not a number");
    // Without value and gasUsed: zero wei, unknown gas.
    JsonNode debug = trace("debug_traceTransaction_one.json");
    ObjectNode frame = (ObjectNode) debug.path("calls").get(4).path("calls").get(0);
    frame.remove("value");
    frame.remove("gasUsed");
    assertThat(TracedCalls.fromDebugTraceTransaction(debug, ROLLUP, SEL))
        .containsExactly(
            new TracedCalls.TracedCall(HELPER, Optional.empty(), GOOD, BigInteger.ZERO));
  }
}
