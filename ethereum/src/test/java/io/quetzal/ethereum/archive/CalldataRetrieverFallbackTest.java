package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Spire Proposer and trace fallbacks of {@link CalldataRetriever#decodeTransaction} against a
 * JSON-RPC stub, with the recorded proposals of the official local network: checkpoint 1's propose
 * is the one to find, checkpoint 2's a propose that does not match it.
 */
class CalldataRetrieverFallbackTest {
  private static final EthAddress ROLLUP = ArchiveFixtures.ROLLUP;
  private static final RollupEvents.CheckpointProposed EVENT =
      ArchiveFixtures.proposedEvents().getFirst();
  private static final String PROPOSE = Hex.encode(FallbackFixtures.proposeCalldata(0));
  private static final String OTHER = Hex.encode(FallbackFixtures.proposeCalldata(1));
  private static final String TX_HASH = EVENT.l1().txHash().toString();

  private JsonRpcStub stub;
  private L1RpcClient rpc;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    stub = new JsonRpcStub();
    rpc = stub.client();
    CalldataRetriever.resetTraceFailureWarnedForTesting();
  }

  @AfterEach
  void stop() {
    rpc.close();
    stub.close();
  }

  /** Registers a handler that counts its calls. */
  private void on(String method, Function<JsonNode, JsonNode> handler) {
    AtomicInteger n = calls.computeIfAbsent(method, k -> new AtomicInteger());
    stub.on(
        method,
        p -> {
          n.incrementAndGet();
          return handler.apply(p);
        });
  }

  private int count(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  private void spireProxyAt(EthAddress impl) {
    on(
        "eth_getStorageAt",
        p -> {
          assertThat(p.get(0).asText()).isEqualTo(SpireProposer.ADDRESS.toString());
          assertThat(p.get(1).asText()).isEqualTo(SpireProposer.EIP1967_IMPLEMENTATION_SLOT);
          assertThat(p.get(2).asText()).isEqualTo("latest");
          return JsonNodeFactory.instance.textNode(FallbackFixtures.implementationWord(impl));
        });
  }

  private void traceAnswers(String traceFixture) {
    on(
        "trace_transaction",
        p -> {
          assertThat(p.get(0).asText()).isEqualTo(TX_HASH);
          return FallbackFixtures.trace(traceFixture, PROPOSE, OTHER);
        });
  }

  private void debugAnswers(String debugFixture) {
    on(
        "debug_traceTransaction",
        p -> {
          assertThat(p.get(0).asText()).isEqualTo(TX_HASH);
          assertThat(p.get(1).path("tracer").asText()).isEqualTo("callTracer");
          return FallbackFixtures.trace(debugFixture, PROPOSE, OTHER);
        });
  }

  /** The recorded transaction of checkpoint 1, re-addressed. */
  private static ObjectNode tx(EthAddress to, byte[] input) {
    ObjectNode tx = (ObjectNode) ArchiveFixtures.proposalTxs().getFirst().deepCopy();
    tx.put("to", to.toString());
    tx.put("input", Hex.encode(input));
    return tx;
  }

  private CalldataRetriever retriever() {
    return new CalldataRetriever(rpc, ROLLUP, 0);
  }

  private static void assertCheckpointOne(CheckpointCalldata c) {
    assertThat(c.checkpointNumber()).isEqualTo(1);
    assertThat(c.archive()).isEqualTo(EVENT.archive());
    assertThat(c.payloadDigest()).isEqualTo(EVENT.payloadDigest());
    assertThat(c.attestationsHash()).isEqualTo(EVENT.attestationsHash());
    assertThat(c.l1BlockHash()).isEqualTo(EVENT.l1().blockHash());
  }

  // ---- existing strategies through the instance path ----

  @Test
  void multicall3AndDirectProposeNeedNoFurtherCalls() {
    assertCheckpointOne(
        retriever().decodeTransaction(ArchiveFixtures.proposalTxs().getFirst(), EVENT));
    assertCheckpointOne(
        retriever().decodeTransaction(tx(ROLLUP, FallbackFixtures.proposeCalldata(0)), EVENT));
    assertThat(calls).isEmpty();
  }

  // ---- Spire Proposer ----

  @Test
  void spireWrappingADirectProposeDecodesAndVerifies() {
    spireProxyAt(SpireProposer.EXPECTED_IMPLEMENTATION);
    byte[] input =
        FallbackFixtures.spireMulticall(
            List.of(
                FallbackFixtures.spireCall(ArchiveFixtures.INBOX, new byte[] {1, 2, 3}),
                // checkpoint 2's propose: to the rollup, but does not verify
                FallbackFixtures.spireCall(ROLLUP, FallbackFixtures.proposeCalldata(1)),
                FallbackFixtures.spireCall(ROLLUP, FallbackFixtures.proposeCalldata(0))));
    assertCheckpointOne(retriever().decodeTransaction(tx(SpireProposer.ADDRESS, input), EVENT));
    assertThat(count("eth_getStorageAt")).isEqualTo(1);
    assertThat(count("trace_transaction")).isZero();
  }

  @Test
  void spireWrappingAMulticall3DecodesAndVerifies() {
    spireProxyAt(SpireProposer.EXPECTED_IMPLEMENTATION);
    byte[] input =
        FallbackFixtures.spireMulticall(
            List.of(
                FallbackFixtures.spireCall(
                    CalldataRetriever.MULTICALL3, FallbackFixtures.aggregate3Input(1)),
                FallbackFixtures.spireCall(
                    CalldataRetriever.MULTICALL3, FallbackFixtures.aggregate3Input(0))));
    assertCheckpointOne(retriever().decodeTransaction(tx(SpireProposer.ADDRESS, input), EVENT));
  }

  @Test
  void spireNeedsTheExpectedImplementationElseFallsThroughToTheTrace() {
    byte[] input =
        FallbackFixtures.spireMulticall(
            List.of(FallbackFixtures.spireCall(ROLLUP, FallbackFixtures.proposeCalldata(0))));
    spireProxyAt(ArchiveFixtures.INBOX);
    traceAnswers("trace_transaction_none.json");
    assertThatThrownBy(() -> retriever().decodeTransaction(tx(SpireProposer.ADDRESS, input), EVENT))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage("No successful propose calls found in transaction " + TX_HASH);
    assertThat(count("trace_transaction")).isEqualTo(1);
    // An unreadable slot counts as a mismatch too.
    on("eth_getStorageAt", p -> null);
    assertThatThrownBy(() -> retriever().decodeTransaction(tx(SpireProposer.ADDRESS, input), EVENT))
        .hasMessageStartingWith("No successful propose calls");
    // Sent elsewhere, the slot is not read at all.
    int reads = count("eth_getStorageAt");
    assertThatThrownBy(
            () -> retriever().decodeTransaction(tx(FallbackFixtures.FORWARDER, input), EVENT))
        .hasMessageStartingWith("No successful propose calls");
    assertThat(count("eth_getStorageAt")).isEqualTo(reads);
  }

  @Test
  void malformedSpireWrappersGiveNothingAndFallThroughToTheTrace() {
    spireProxyAt(SpireProposer.EXPECTED_IMPLEMENTATION);
    traceAnswers("trace_transaction_one.json");
    byte[] good =
        FallbackFixtures.spireMulticall(
            List.of(FallbackFixtures.spireCall(ROLLUP, FallbackFixtures.proposeCalldata(0))));
    byte[] wrongSelector = good.clone();
    wrongSelector[0] ^= 1;
    byte[] farOffset = good.clone();
    Arrays.fill(farOffset, 4 + 64, 4 + 96, (byte) 0x01);
    List<byte[]> malformed =
        List.of(
            Arrays.copyOf(good, 3),
            Arrays.copyOf(good, 100),
            wrongSelector,
            farOffset,
            // well formed, but wrapping nothing that verifies
            FallbackFixtures.spireMulticall(List.of()),
            FallbackFixtures.spireMulticall(
                List.of(FallbackFixtures.spireCall(ROLLUP, FallbackFixtures.proposeCalldata(1)))));
    for (byte[] input : malformed) {
      // The trace then finds checkpoint 1's propose.
      assertCheckpointOne(retriever().decodeTransaction(tx(SpireProposer.ADDRESS, input), EVENT));
    }
    assertThat(count("trace_transaction")).isEqualTo(malformed.size());
  }

  // ---- trace fallback ----

  @Test
  void theTraceGivesTheOneSuccessfulProposeCall() {
    traceAnswers("trace_transaction_one.json");
    debugAnswers("debug_traceTransaction_none.json");
    CheckpointCalldata c =
        retriever().decodeTransaction(tx(FallbackFixtures.FORWARDER, new byte[] {9}), EVENT);
    assertCheckpointOne(c);
    assertThat(count("debug_traceTransaction")).isZero();
  }

  @Test
  void debugTraceTransactionWhenTraceTransactionFails() {
    debugAnswers("debug_traceTransaction_one.json");
    ObjectNode tx = tx(FallbackFixtures.FORWARDER, new byte[] {9});
    // Not supported (method not found).
    assertCheckpointOne(retriever().decodeTransaction(tx, EVENT));
    // A null answer.
    on("trace_transaction", p -> null);
    assertCheckpointOne(retriever().decodeTransaction(tx, EVENT));
    // An answer outside the schema (a null result).
    on(
        "trace_transaction",
        p -> {
          JsonNode t = FallbackFixtures.trace("trace_transaction_one.json", PROPOSE, OTHER);
          ((ObjectNode) t.get(1)).putNull("result");
          return t;
        });
    assertCheckpointOne(retriever().decodeTransaction(tx, EVENT));
    assertThat(count("debug_traceTransaction")).isEqualTo(3);
  }

  @Test
  void traceTransactionWithoutProposeDoesNotAskDebug() {
    traceAnswers("trace_transaction_none.json");
    debugAnswers("debug_traceTransaction_one.json");
    assertThatThrownBy(
            () ->
                retriever()
                    .decodeTransaction(tx(FallbackFixtures.FORWARDER, new byte[] {9}), EVENT))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage("No successful propose calls found in transaction " + TX_HASH);
    assertThat(count("debug_traceTransaction")).isZero();
  }

  @Test
  void twoSuccessfulProposeCallsAreAnError() {
    traceAnswers("trace_transaction_two.json");
    ObjectNode tx = tx(FallbackFixtures.FORWARDER, new byte[] {9});
    assertThatThrownBy(() -> retriever().decodeTransaction(tx, EVENT))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage("Multiple successful propose calls found in transaction " + TX_HASH + " (2)");
    on("trace_transaction", p -> null);
    debugAnswers("debug_traceTransaction_two.json");
    assertThatThrownBy(() -> retriever().decodeTransaction(tx, EVENT))
        .hasMessage("Multiple successful propose calls found in transaction " + TX_HASH + " (2)");
    debugAnswers("debug_traceTransaction_none.json");
    assertThatThrownBy(() -> retriever().decodeTransaction(tx, EVENT))
        .hasMessage("No successful propose calls found in transaction " + TX_HASH);
  }

  @Test
  void whenNeitherTraceWorksTheFailureIsLoggedOncePerTransaction() {
    ObjectNode tx = tx(FallbackFixtures.FORWARDER, new byte[] {9});
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> retriever().decodeTransaction(tx, EVENT))
          .isInstanceOf(ProposeCalldataNotFoundException.class)
          .hasMessage("Failed to trace transaction " + TX_HASH + " to extract propose calldata");
    }
    // The first failure took the warning; a second transaction still gets its own.
    assertThat(CalldataRetriever.firstTraceFailure(TX_HASH)).isFalse();
    assertThat(CalldataRetriever.firstTraceFailure(TX_HASH.toUpperCase())).isFalse();
    assertThat(CalldataRetriever.firstTraceFailure("0x" + "ab".repeat(32))).isTrue();
    // Garbage from debug_traceTransaction fails the same way.
    on("debug_traceTransaction", p -> JsonNodeFactory.instance.textNode("nope"));
    assertThatThrownBy(() -> retriever().decodeTransaction(tx, EVENT))
        .hasMessage("Failed to trace transaction " + TX_HASH + " to extract propose calldata")
        .hasRootCauseMessage("debug_traceTransaction result is not an object");
  }

  @Test
  void aTracedCallThatDoesNotMatchTheEventIsAHashMismatch() {
    on(
        "trace_transaction",
        p -> FallbackFixtures.trace("trace_transaction_one.json", OTHER, PROPOSE));
    assertThatThrownBy(
            () ->
                retriever()
                    .decodeTransaction(tx(FallbackFixtures.FORWARDER, new byte[] {9}), EVENT))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage(
            "Hash mismatch for traced propose calldata in tx " + TX_HASH + " for checkpoint 1");
    // Undecodable traced calldata (a bare selector) too.
    on(
        "trace_transaction",
        p -> FallbackFixtures.trace("trace_transaction_one.json", ProposeCall.SELECTOR, OTHER));
    assertThatThrownBy(
            () ->
                retriever()
                    .decodeTransaction(tx(FallbackFixtures.FORWARDER, new byte[] {9}), EVENT))
        .hasMessageStartingWith("Hash mismatch for traced propose calldata");
  }

  @Test
  void multicall3OrDirectCandidatesThatDoNotVerifyFallThroughToTheTrace() {
    // Checkpoint 2's transaction for checkpoint 1's event: the aggregate3 holds a propose that
    // does not match, so the official order goes on to Spire (not addressed) and the trace.
    traceAnswers("trace_transaction_one.json");
    ObjectNode otherTx = (ObjectNode) ArchiveFixtures.proposalTxs().get(1).deepCopy();
    otherTx.put("hash", TX_HASH);
    CheckpointCalldata viaTrace = retriever().decodeTransaction(otherTx, EVENT);
    assertThat(viaTrace.archive()).isEqualTo(EVENT.archive());
    assertThat(viaTrace.l1BlockHash().toString()).isEqualTo(otherTx.path("blockHash").asText());
    assertCheckpointOne(
        retriever().decodeTransaction(tx(ROLLUP, FallbackFixtures.proposeCalldata(1)), EVENT));
    // A rollup call that is not propose.
    assertCheckpointOne(retriever().decodeTransaction(tx(ROLLUP, new byte[] {1, 2, 3, 4}), EVENT));
    assertThat(count("trace_transaction")).isEqualTo(3);
    // The client-less decoder keeps its old answer for these.
    assertThatThrownBy(
            () ->
                CalldataRetriever.fromTransaction(
                    ArchiveFixtures.proposalTxs().get(1), EVENT, ROLLUP, 0))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessageContaining("payload digest")
        .hasMessageContaining("matches checkpoint 1");
  }

  @Test
  void tracesGoToTheDebugClient() {
    try (JsonRpcStub debugStub = new JsonRpcStub();
        L1RpcClient debugRpc = debugStub.client()) {
      debugStub.on(
          "trace_transaction",
          p -> FallbackFixtures.trace("trace_transaction_one.json", PROPOSE, OTHER));
      on("eth_getTransactionByHash", p -> tx(FallbackFixtures.FORWARDER, new byte[] {9}));
      CalldataRetriever r = new CalldataRetriever(rpc, debugRpc, ROLLUP, 0);
      assertCheckpointOne(r.getCheckpointFromRollupTx(EVENT));
      assertThat(count("trace_transaction")).isZero();
    }
  }
}
