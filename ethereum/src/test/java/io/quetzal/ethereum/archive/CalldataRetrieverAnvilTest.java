package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.TestResources;
import io.quetzal.ethereum.local.Anvil;
import io.quetzal.ethereum.local.ChildProcesses;
import io.quetzal.ethereum.local.L1Toolchain;
import io.quetzal.ethereum.local.L1ToolchainInstaller;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallbacks on a real anvil, with the recorded propose calldata of checkpoint 1 and hand-made
 * contracts instead of the rollup (the real one would revert a replayed proposal): at the rollup's
 * address a stub that reverts when sent value and otherwise stops, and forwarders that pass their
 * calldata on to it. The retriever must then find the propose through anvil's {@code
 * trace_transaction} (or {@code debug_traceTransaction}) and verify it against the recorded event.
 * The Spire Proposer is a {@code STOP} at its address with the implementation slot set.
 */
@Tag("anvil")
class CalldataRetrieverAnvilTest {
  private static final EthAddress ROLLUP = ArchiveFixtures.ROLLUP;
  private static final EthAddress SENDER = FallbackFixtures.PROPOSER; // anvil's first account
  private static final RollupEvents.CheckpointProposed EVENT =
      ArchiveFixtures.proposedEvents().getFirst();
  private static final byte[] PROPOSE = FallbackFixtures.proposeCalldata(0);

  /** Reverted call with 1 wei, static call, call: one successful propose. */
  private static final EthAddress ONE_SUCCESSFUL = FallbackFixtures.FORWARDER;

  /** Two successful calls. */
  private static final EthAddress TWO_SUCCESSFUL =
      EthAddress.fromString("0x2323232323232323232323232323232323232323");

  /** Reverted call and static call only. */
  private static final EthAddress NONE_SUCCESSFUL =
      EthAddress.fromString("0x2424242424242424242424242424242424242424");

  /** {@code CALLVALUE ISZERO PUSH1 9 JUMPI PUSH1 0 DUP1 REVERT JUMPDEST STOP}. */
  private static final String ROLLUP_STUB = "0x3415600957600080fd5b00";

  private enum Op {
    CALL_WITH_ONE_WEI_REVERTED,
    STATICCALL,
    CALL
  }

  @TempDir static Path tmp;
  private static Anvil anvil;
  private static L1RpcClient rpc;

  @BeforeAll
  static void start() {
    String cache = System.getenv("QUETZAL_CACHE");
    L1Toolchain toolchain =
        new L1ToolchainInstaller(
                L1ToolchainInstaller.Options.defaults(line -> System.out.println("[l1] " + line))
                    .withCacheRoot(
                        L1ToolchainInstaller.defaultCacheRoot(
                            cache == null ? Map.of() : Map.of("QUETZAL_CACHE", cache))))
            .ensureInstalled();
    anvil =
        Anvil.start(
            toolchain, Anvil.Options.of(TestResources.freePort(), tmp.resolve("anvil.log")));
    rpc = anvil.rpc();
    setCode(ROLLUP, ROLLUP_STUB);
    setCode(
        ONE_SUCCESSFUL,
        forwarder(ROLLUP, List.of(Op.CALL_WITH_ONE_WEI_REVERTED, Op.STATICCALL, Op.CALL)));
    setCode(TWO_SUCCESSFUL, forwarder(ROLLUP, List.of(Op.CALL, Op.CALL)));
    setCode(
        NONE_SUCCESSFUL, forwarder(ROLLUP, List.of(Op.CALL_WITH_ONE_WEI_REVERTED, Op.STATICCALL)));
    setCode(SpireProposer.ADDRESS, "0x00");
  }

  @AfterAll
  static void stop() {
    if (anvil != null) {
      anvil.close();
    }
    assertThat(ChildProcesses.live()).isEmpty();
  }

  private static void setCode(EthAddress at, String code) {
    rpc.call("anvil_setCode", at.toString(), code);
  }

  /**
   * Runtime code that copies its calldata to memory and sends it to {@code target} once per op,
   * ignoring each result, then stops.
   */
  private static String forwarder(EthAddress target, List<Op> ops) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(Hex.decode("0x366000600037")); // CALLDATACOPY(0, 0, CALLDATASIZE)
    byte[] push20 = new byte[21];
    push20[0] = 0x73;
    System.arraycopy(target.toBytes(), 0, push20, 1, 20);
    for (Op op : ops) {
      // out size 0, out offset 0, in size CALLDATASIZE, in offset 0
      b.writeBytes(Hex.decode("0x60006000366000"));
      switch (op) {
        case CALL_WITH_ONE_WEI_REVERTED -> b.writeBytes(Hex.decode("0x6001"));
        case CALL -> b.writeBytes(Hex.decode("0x6000"));
        case STATICCALL -> {}
      }
      b.writeBytes(push20);
      b.writeBytes(Hex.decode(op == Op.STATICCALL ? "0x5afa50" : "0x5af150")); // GAS, call, POP
    }
    b.write(0x00); // STOP
    return Hex.encode(b.toByteArray());
  }

  /** Sends {@code data} with 1 wei from anvil's first account; returns the mined receipt. */
  private static JsonNode send(EthAddress to, byte[] data) {
    String hash =
        rpc.call(
                "eth_sendTransaction",
                Map.of(
                    "from",
                    SENDER.toString(),
                    "to",
                    to.toString(),
                    "data",
                    Hex.encode(data),
                    "value",
                    "0x1"))
            .asText();
    // Anvil mines at once, but may answer the receipt a moment later on a busy machine.
    JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while ((receipt == null || receipt.isNull()) && System.nanoTime() < until) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      receipt = rpc.call("eth_getTransactionReceipt", hash);
    }
    assertThat(receipt.path("status").asText()).as("receipt of " + hash).isEqualTo("0x1");
    return receipt;
  }

  /** Checkpoint 1's event, as if emitted by the transaction of {@code receipt}. */
  private static RollupEvents.CheckpointProposed eventOf(JsonNode receipt) {
    L1EventRef l1 =
        new L1EventRef(
            L1RpcClient.quantityLong(receipt.get("blockNumber")),
            Bytes32.fromHex(receipt.path("blockHash").asText()),
            Bytes32.fromHex(receipt.path("transactionHash").asText()),
            0,
            false,
            OptionalLong.empty());
    return new RollupEvents.CheckpointProposed(
        EVENT.checkpointNumber(),
        EVENT.archive(),
        EVENT.versionedBlobHashes(),
        EVENT.payloadDigest(),
        EVENT.attestationsHash(),
        l1);
  }

  private static void assertCheckpointOne(CheckpointCalldata c, JsonNode receipt) {
    assertThat(c.checkpointNumber()).isEqualTo(1);
    assertThat(c.archive()).isEqualTo(EVENT.archive());
    assertThat(c.payloadDigest()).isEqualTo(EVENT.payloadDigest());
    assertThat(c.attestationsHash()).isEqualTo(EVENT.attestationsHash());
    assertThat(c.l1BlockHash().toString()).isEqualTo(receipt.path("blockHash").asText());
  }

  @Test
  void aProposeSentThroughAForwarderIsFoundInTheTrace() {
    JsonNode receipt = send(ONE_SUCCESSFUL, PROPOSE);
    String txHash = receipt.path("transactionHash").asText();
    assertCheckpointOne(
        new CalldataRetriever(rpc, ROLLUP, 0).getCheckpointFromRollupTx(eventOf(receipt)), receipt);

    // Both of anvil's trace formats give the one successful call, from the forwarder.
    List<TracedCalls.TracedCall> parity =
        TracedCalls.fromTraceTransaction(
            rpc.call("trace_transaction", txHash), ROLLUP, ProposeCall.SELECTOR);
    List<TracedCalls.TracedCall> debug =
        TracedCalls.fromDebugTraceTransaction(
            rpc.call("debug_traceTransaction", txHash, Map.of("tracer", "callTracer")),
            ROLLUP,
            ProposeCall.SELECTOR);
    for (List<TracedCalls.TracedCall> calls : List.of(parity, debug)) {
      assertThat(calls).hasSize(1);
      assertThat(calls.getFirst().input()).isEqualTo(Hex.encode(PROPOSE));
      assertThat(calls.getFirst().from()).isEqualTo(ONE_SUCCESSFUL);
      assertThat(calls.getFirst().value()).isZero();
      assertThat(calls.getFirst().gasUsed()).isPresent();
    }
    // The reverted propose with 1 wei and the static one are in the traces, filtered out.
    assertThat(rpc.call("trace_transaction", txHash)).hasSize(4);
  }

  @Test
  void debugTraceTransactionWhenTheDebugHostLacksTraceTransaction() {
    JsonNode receipt = send(ONE_SUCCESSFUL, PROPOSE);
    // A debug host that only forwards debug_traceTransaction to anvil.
    try (JsonRpcStub debugHost =
            new JsonRpcStub()
                .on(
                    "debug_traceTransaction",
                    p -> rpc.call("debug_traceTransaction", p.get(0).asText(), p.get(1)));
        L1RpcClient debugRpc = debugHost.client()) {
      assertCheckpointOne(
          new CalldataRetriever(rpc, debugRpc, ROLLUP, 0)
              .getCheckpointFromRollupTx(eventOf(receipt)),
          receipt);
    }
  }

  @Test
  void twoOrNoSuccessfulProposeCallsAreErrors() {
    JsonNode two = send(TWO_SUCCESSFUL, PROPOSE);
    CalldataRetriever r = new CalldataRetriever(rpc, ROLLUP, 0);
    assertThatThrownBy(() -> r.getCheckpointFromRollupTx(eventOf(two)))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage(
            "Multiple successful propose calls found in transaction "
                + two.path("transactionHash").asText()
                + " (2)");
    JsonNode none = send(NONE_SUCCESSFUL, PROPOSE);
    assertThatThrownBy(() -> r.getCheckpointFromRollupTx(eventOf(none)))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessage(
            "No successful propose calls found in transaction "
                + none.path("transactionHash").asText());
  }

  @Test
  void aSpireProposerMulticallIsDecodedWhenTheProxyPointsToTheExpectedImplementation() {
    byte[] input =
        FallbackFixtures.spireMulticall(
            List.of(
                FallbackFixtures.spireCall(
                    CalldataRetriever.MULTICALL3, FallbackFixtures.aggregate3Input(2)),
                FallbackFixtures.spireCall(ROLLUP, PROPOSE)));
    CalldataRetriever r = new CalldataRetriever(rpc, ROLLUP, 0);

    setImplementation(SpireProposer.EXPECTED_IMPLEMENTATION);
    JsonNode receipt = send(SpireProposer.ADDRESS, input);
    assertCheckpointOne(r.getCheckpointFromRollupTx(eventOf(receipt)), receipt);

    // Another implementation: not taken for the Spire Proposer; the trace (the proxy here only
    // stops) has no propose.
    setImplementation(ArchiveFixtures.INBOX);
    assertThatThrownBy(() -> r.getCheckpointFromRollupTx(eventOf(receipt)))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessageStartingWith("No successful propose calls found in transaction");
  }

  private static void setImplementation(EthAddress impl) {
    rpc.call(
        "anvil_setStorageAt",
        SpireProposer.ADDRESS.toString(),
        SpireProposer.EIP1967_IMPLEMENTATION_SLOT,
        FallbackFixtures.implementationWord(impl));
  }
}
