package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a checkpoint's header, attestations and fee modifier from the L1 transaction that
 * proposed it, as the official {@code CalldataRetriever}. The strategies, in the official order:
 *
 * <ol>
 *   <li>a Multicall3 {@code aggregate3} whose calls include {@code propose} on the rollup;
 *   <li>a direct {@code propose} to the rollup;
 *   <li>a {@link SpireProposer} {@code multicall} (to its address, the proxy pointing to the
 *       expected implementation), each wrapped call tried as 1 then 2;
 *   <li>the execution trace: {@code trace_transaction}, or when that fails {@code
 *       debug_traceTransaction} with the {@code callTracer}, on the debug client; exactly one
 *       successful {@code propose} call to the rollup must be in it ({@link TracedCalls}).
 * </ol>
 *
 * Among candidate calls the right one is the one whose recomputed {@code attestationsHash} (keccak
 * of the ABI-encoded attestations) and {@code payloadDigest} equal the event's; the traced call
 * must match too.
 *
 * <p>Thread-safe; blocking.
 */
public final class CalldataRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(CalldataRetriever.class);

  /** Multicall3's address on every chain. */
  public static final EthAddress MULTICALL3 =
      EthAddress.fromString("0xcA11bde05977b3631167028862bE2a173976CA11");

  /** {@code aggregate3((address,bool,bytes)[])}. */
  public static final String AGGREGATE3_SELECTOR =
      Abi.selector("aggregate3((address,bool,bytes)[])");

  /** Transactions whose trace failure was already logged (once per transaction per process). */
  private static final Set<String> TRACE_FAILURE_WARNED = ConcurrentHashMap.newKeySet();

  private final L1RpcClient rpc;
  private final L1RpcClient debugRpc;
  private final EthAddress rollup;
  private final int targetCommitteeSize;

  /**
   * A retriever that also traces on {@code rpc} (the official node's choice when no {@code
   * ETHEREUM_DEBUG_HOSTS} are set).
   *
   * @param rpc the L1 client
   * @param rollup the rollup whose {@code propose} calls are wanted
   * @param targetCommitteeSize the rollup's {@code getTargetCommitteeSize()} (positions to unpack)
   */
  public CalldataRetriever(L1RpcClient rpc, EthAddress rollup, int targetCommitteeSize) {
    this(rpc, rpc, rollup, targetCommitteeSize);
  }

  /**
   * @param rpc the L1 client
   * @param debugRpc the client for {@code trace_transaction}/{@code debug_traceTransaction} ({@code
   *     ETHEREUM_DEBUG_HOSTS}, else the L1 client)
   * @param rollup the rollup whose {@code propose} calls are wanted
   * @param targetCommitteeSize the rollup's {@code getTargetCommitteeSize()} (positions to unpack)
   */
  public CalldataRetriever(
      L1RpcClient rpc, L1RpcClient debugRpc, EthAddress rollup, int targetCommitteeSize) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.debugRpc = Objects.requireNonNull(debugRpc, "debugRpc");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.targetCommitteeSize = targetCommitteeSize;
  }

  /** Fetches the event's transaction ({@code eth_getTransactionByHash}) and decodes it. */
  public CheckpointCalldata getCheckpointFromRollupTx(RollupEvents.CheckpointProposed event) {
    JsonNode tx = rpc.call("eth_getTransactionByHash", event.l1().txHash().toString());
    if (tx == null || tx.isNull()) {
      throw new ProposeCalldataNotFoundException(
          "L1 transaction "
              + event.l1().txHash()
              + " of checkpoint "
              + event.checkpointNumber()
              + " was not found");
    }
    return decodeTransaction(tx, event);
  }

  /**
   * Decodes a transaction object (as {@code eth_getTransactionByHash} returns it) for {@code event}
   * with every strategy, the trace last.
   *
   * @throws ProposeCalldataNotFoundException with the official messages when the trace cannot be
   *     had ({@code Failed to trace transaction ...}), has no or several successful propose calls,
   *     or its call does not match the event ({@code Hash mismatch for traced propose calldata
   *     ...})
   * @throws L1DecodeException when the transaction's input is not hex
   */
  public CheckpointCalldata decodeTransaction(JsonNode tx, RollupEvents.CheckpointProposed event) {
    TxFields t = TxFields.of(tx, event);
    List<String> rejected = new ArrayList<>();
    Optional<CheckpointCalldata> found =
        tryMulticall3(t.to(), t.input(), event, rollup, targetCommitteeSize, t, rejected);
    if (found.isEmpty()) {
      found = tryDirectPropose(t.to(), t.input(), event, rollup, targetCommitteeSize, t, rejected);
    }
    if (found.isEmpty()) {
      found = trySpireProposer(event, t, rejected);
    }
    if (found.isPresent()) {
      return found.get();
    }
    LOG.warn(
        "Failed to decode multicall3, direct propose, or Spire proposer for L1 tx {}, falling back"
            + " to trace for checkpoint {}",
        t.hash(),
        event.checkpointNumber());
    LOG.debug("Candidates of tx {} rejected before tracing: {}", t.hash(), rejected);
    String traced = extractCalldataViaTrace(t.hash());
    byte[] calldata;
    try {
      calldata = Hex.decode(traced);
    } catch (IllegalArgumentException e) {
      calldata = new byte[0];
    }
    return tryDecodeAndVerify(calldata, event, targetCommitteeSize, t.blockHash(), rejected)
        .orElseThrow(
            () ->
                new ProposeCalldataNotFoundException(
                    "Hash mismatch for traced propose calldata in tx "
                        + t.hash()
                        + " for checkpoint "
                        + event.checkpointNumber()));
  }

  /**
   * Decodes a transaction object with the strategies that need no L1 client: Multicall3 {@code
   * aggregate3} and a direct {@code propose}.
   *
   * @throws ProposeCalldataNotFoundException when no call in it matches the event, with the reason
   *     each candidate was rejected
   */
  public static CheckpointCalldata fromTransaction(
      JsonNode tx, RollupEvents.CheckpointProposed event, EthAddress rollup, int committeeSize) {
    TxFields t = TxFields.of(tx, event);
    List<String> rejected = new ArrayList<>();
    Optional<CheckpointCalldata> found =
        tryMulticall3(t.to(), t.input(), event, rollup, committeeSize, t, rejected);
    if (found.isEmpty()) {
      found = tryDirectPropose(t.to(), t.input(), event, rollup, committeeSize, t, rejected);
    }
    if (found.isPresent()) {
      return found.get();
    }
    boolean toMulticallOrRollup =
        t.to().isPresent() && (t.to().get().equals(MULTICALL3) || t.to().get().equals(rollup));
    if (!toMulticallOrRollup) {
      rejected.add(
          "the transaction is sent to " + t.toText() + ", neither Multicall3 nor the rollup");
    }
    throw new ProposeCalldataNotFoundException(
        "no propose call in L1 transaction "
            + t.hash()
            + " matches checkpoint "
            + event.checkpointNumber()
            + " ("
            + String.join("; ", rejected)
            + "). Proposals sent through the Spire Proposer or other contracts need an L1 client"
            + " (trace_transaction/debug_traceTransaction): use decodeTransaction");
  }

  /** What the strategies read from a transaction object. */
  private record TxFields(
      String hash, Optional<EthAddress> to, String toText, byte[] input, Bytes32 blockHash) {
    static TxFields of(JsonNode tx, RollupEvents.CheckpointProposed event) {
      String txHash = tx.path("hash").asText(String.valueOf(event.l1().txHash()));
      String toText = tx.path("to").isTextual() ? tx.path("to").asText() : null;
      Optional<EthAddress> to = Optional.empty();
      if (toText != null && EthAddress.isAddress(toText)) {
        to = Optional.of(EthAddress.fromString(toText));
      }
      byte[] input;
      try {
        input = Hex.decode(tx.path("input").asText(""));
      } catch (RuntimeException e) {
        throw new L1DecodeException("L1 transaction " + txHash + " has a malformed input field", e);
      }
      Bytes32 blockHash =
          tx.path("blockHash").isTextual()
              ? Bytes32.fromHex(tx.path("blockHash").asText())
              : event.l1().blockHash();
      return new TxFields(txHash, to, toText, input, blockHash);
    }
  }

  /**
   * Strategy 1: {@code to} is Multicall3 and {@code input} an {@code aggregate3} whose calls to the
   * rollup with the propose selector include one matching the event (the first when several do).
   */
  private static Optional<CheckpointCalldata> tryMulticall3(
      Optional<EthAddress> to,
      byte[] input,
      RollupEvents.CheckpointProposed event,
      EthAddress rollup,
      int committeeSize,
      TxFields t,
      List<String> rejected) {
    if (to.isEmpty() || !to.get().equals(MULTICALL3)) {
      LOG.debug("Transaction {} is not to Multicall3 (to: {})", t.hash(), to.orElse(null));
      return Optional.empty();
    }
    List<byte[]> candidates;
    try {
      candidates = proposeCallsInAggregate3(input, rollup);
    } catch (L1DecodeException e) {
      LOG.warn("Failed to decode multicall3 of tx {}: {}", t.hash(), e.getMessage());
      rejected.add(e.getMessage());
      return Optional.empty();
    }
    if (candidates.isEmpty()) {
      LOG.debug("No propose candidates found in multicall3 of tx {}", t.hash());
      rejected.add("aggregate3 has no propose call to " + rollup);
      return Optional.empty();
    }
    List<CheckpointCalldata> verified = new ArrayList<>();
    for (byte[] candidate : candidates) {
      tryDecodeAndVerify(candidate, event, committeeSize, t.blockHash(), rejected)
          .ifPresent(verified::add);
    }
    if (verified.size() > 1) {
      LOG.warn(
          "Multiple propose candidates verified ({}) in tx {}, returning first (identical data)",
          verified.size(),
          t.hash());
    } else if (verified.isEmpty()) {
      LOG.debug(
          "None of the {} propose candidates of tx {} verified against the event",
          candidates.size(),
          t.hash());
    }
    return verified.stream().findFirst();
  }

  /** Strategy 2: {@code to} is the rollup and {@code input} a propose matching the event. */
  private static Optional<CheckpointCalldata> tryDirectPropose(
      Optional<EthAddress> to,
      byte[] input,
      RollupEvents.CheckpointProposed event,
      EthAddress rollup,
      int committeeSize,
      TxFields t,
      List<String> rejected) {
    if (to.isEmpty() || !to.get().equals(rollup)) {
      LOG.debug("Transaction {} is not to the rollup (to: {})", t.hash(), to.orElse(null));
      return Optional.empty();
    }
    if (!ProposeCall.isPropose(input)) {
      String msg =
          "the transaction to the rollup is not propose (selector "
              + (input.length >= 4 ? Hex.encode(Arrays.copyOf(input, 4)) : "missing")
              + ")";
      LOG.warn("Failed to decode tx {} as direct propose: {}", t.hash(), msg);
      rejected.add(msg);
      return Optional.empty();
    }
    return tryDecodeAndVerify(input, event, committeeSize, t.blockHash(), rejected);
  }

  /**
   * Strategy 3: a Spire Proposer {@code multicall}, its proxy pointing to the expected
   * implementation; each wrapped call is tried as Multicall3 then as a direct propose.
   */
  private Optional<CheckpointCalldata> trySpireProposer(
      RollupEvents.CheckpointProposed event, TxFields t, List<String> rejected) {
    if (t.to().isEmpty() || !t.to().get().equals(SpireProposer.ADDRESS)) {
      LOG.debug("Transaction {} is not to the Spire Proposer (to: {})", t.hash(), t.toText());
      return Optional.empty();
    }
    if (!spireProxyIsExpected()) {
      LOG.warn("Spire Proposer proxy implementation verification failed for tx {}", t.hash());
      rejected.add("the Spire Proposer proxy does not point to the expected implementation");
      return Optional.empty();
    }
    List<SpireProposer.Call> calls;
    try {
      calls = SpireProposer.decodeMulticall(t.input());
    } catch (L1DecodeException e) {
      LOG.warn("Failed to decode Spire Proposer tx {}: {}", t.hash(), e.getMessage());
      rejected.add(e.getMessage());
      return Optional.empty();
    }
    LOG.trace(
        "Decoded Spire Proposer wrapping for tx {}, {} inner call(s)", t.hash(), calls.size());
    for (SpireProposer.Call call : calls) {
      Optional<EthAddress> target = Optional.of(call.target());
      byte[] data = call.data();
      Optional<CheckpointCalldata> found =
          tryMulticall3(target, data, event, rollup, targetCommitteeSize, t, rejected);
      if (found.isEmpty()) {
        found = tryDirectPropose(target, data, event, rollup, targetCommitteeSize, t, rejected);
      }
      if (found.isPresent()) {
        return found;
      }
    }
    LOG.warn(
        "Spire Proposer wrapped calls could not be decoded as multicall3 or direct propose for tx"
            + " {}",
        t.hash());
    return Optional.empty();
  }

  /** Reads the proxy's EIP-1967 implementation slot; any failure counts as a mismatch. */
  private boolean spireProxyIsExpected() {
    try {
      JsonNode word =
          rpc.call(
              "eth_getStorageAt",
              SpireProposer.ADDRESS.toString(),
              SpireProposer.EIP1967_IMPLEMENTATION_SLOT,
              "latest");
      if (word == null || !word.isTextual()) {
        LOG.warn("No implementation found in EIP-1967 slot for proxy {}", SpireProposer.ADDRESS);
        return false;
      }
      boolean matches = SpireProposer.isExpectedImplementation(word.asText());
      if (!matches) {
        LOG.warn(
            "Proxy implementation mismatch: expected {}, got {}",
            SpireProposer.EXPECTED_IMPLEMENTATION,
            word.asText());
      }
      return matches;
    } catch (RuntimeException e) {
      LOG.warn(
          "Failed to verify proxy implementation for {}: {}",
          SpireProposer.ADDRESS,
          e.getMessage());
      return false;
    }
  }

  /**
   * Strategy 4: the calldata of the one successful propose call to the rollup in the transaction's
   * trace ({@code trace_transaction}, else {@code debug_traceTransaction}).
   */
  private String extractCalldataViaTrace(String txHash) {
    List<TracedCalls.TracedCall> calls;
    try {
      LOG.debug("Attempting to trace transaction {} using trace_transaction", txHash);
      JsonNode r = debugRpc.call("trace_transaction", txHash);
      if (r == null || r.isNull()) {
        throw new L1DecodeException("Failed to retrieve trace_transaction for " + txHash);
      }
      calls = TracedCalls.fromTraceTransaction(r, rollup, ProposeCall.SELECTOR);
      LOG.debug("Traced {} with trace_transaction, found {} calls", txHash, calls.size());
    } catch (RuntimeException traceError) {
      LOG.debug("Failed trace_transaction for {}: {}", txHash, traceError.getMessage());
      try {
        LOG.debug("Attempting to trace transaction {} using debug_traceTransaction", txHash);
        JsonNode r =
            debugRpc.call("debug_traceTransaction", txHash, Map.of("tracer", "callTracer"));
        if (r == null || r.isNull()) {
          throw new L1DecodeException("Failed to retrieve debug_traceTransaction for " + txHash);
        }
        calls = TracedCalls.fromDebugTraceTransaction(r, rollup, ProposeCall.SELECTOR);
        LOG.debug("Traced {} with debug_traceTransaction, found {} calls", txHash, calls.size());
      } catch (RuntimeException debugError) {
        if (firstTraceFailure(txHash)) {
          LOG.warn(
              "Cannot decode L1 tx {}: trace and debug RPC failed or unavailable. trace_transaction:"
                  + " {}; debug_traceTransaction: {}",
              txHash,
              traceError.getMessage(),
              debugError.getMessage());
        }
        LOG.debug("Trace/debug failure details for tx {}", txHash, debugError);
        ProposeCalldataNotFoundException e =
            new ProposeCalldataNotFoundException(
                "Failed to trace transaction " + txHash + " to extract propose calldata",
                debugError);
        e.addSuppressed(traceError);
        throw e;
      }
    }
    if (calls.isEmpty()) {
      throw new ProposeCalldataNotFoundException(
          "No successful propose calls found in transaction " + txHash);
    }
    if (calls.size() > 1) {
      throw new ProposeCalldataNotFoundException(
          "Multiple successful propose calls found in transaction "
              + txHash
              + " ("
              + calls.size()
              + ")");
    }
    return calls.get(0).input();
  }

  /** True the first time a trace failure of {@code txHash} is seen in this process. */
  static boolean firstTraceFailure(String txHash) {
    return TRACE_FAILURE_WARNED.add(txHash.toLowerCase(Locale.ROOT));
  }

  /** Forgets which trace failures were logged. For tests only. */
  static void resetTraceFailureWarnedForTesting() {
    TRACE_FAILURE_WARNED.clear();
  }

  /** Decodes and verifies one candidate; a failure is recorded in {@code rejected}. */
  private static Optional<CheckpointCalldata> tryDecodeAndVerify(
      byte[] calldata,
      RollupEvents.CheckpointProposed event,
      int committeeSize,
      Bytes32 blockHash,
      List<String> rejected) {
    try {
      return Optional.of(verify(ProposeCall.decode(calldata), event, committeeSize, blockHash));
    } catch (L1DecodeException | IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("differs from the event")) {
        LOG.warn("Propose calldata did not verify: {}", e.getMessage());
      } else {
        LOG.debug("Propose calldata did not decode: {}", e.getMessage());
      }
      rejected.add(String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Checks a decoded call against the event and builds the result.
   *
   * @throws L1DecodeException when a hash does not match (the message says which)
   */
  public static CheckpointCalldata verify(
      ProposeCall call,
      RollupEvents.CheckpointProposed event,
      int committeeSize,
      Bytes32 blockHash) {
    Bytes32 attestationsHash = call.attestations().hash();
    if (!attestationsHash.equals(event.attestationsHash())) {
      throw new L1DecodeException(
          "attestations hash "
              + attestationsHash
              + " of the propose call differs from the event's "
              + event.attestationsHash());
    }
    Bytes32 digest = call.consensusPayload().payloadDigest();
    if (!digest.equals(event.payloadDigest())) {
      throw new L1DecodeException(
          "payload digest "
              + digest
              + " of the propose call differs from the event's "
              + event.payloadDigest());
    }
    return new CheckpointCalldata(
        event.checkpointNumber(),
        call.archive(),
        call.feeAssetPriceModifier(),
        call.header(),
        call.attestations().unpack(committeeSize),
        call.attestations(),
        call.signers(),
        call.attestationsAndSignersSignature(),
        call.blobCommitments(),
        blockHash,
        digest,
        attestationsHash);
  }

  /** The calldata of every {@code propose} call to {@code rollup} inside an {@code aggregate3}. */
  public static List<byte[]> proposeCallsInAggregate3(byte[] input, EthAddress rollup) {
    if (input.length < 4 || !Hex.encode(Arrays.copyOf(input, 4)).equals(AGGREGATE3_SELECTOR)) {
      throw new L1DecodeException("the Multicall3 transaction is not aggregate3");
    }
    AbiReader r = AbiReader.of(Arrays.copyOfRange(input, 4, input.length), "aggregate3 calldata");
    int n = r.arrayLength(0, 32, "calls");
    AbiReader elems = r.arrayElements(0, "calls");
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AbiReader call = elems.at(32 * i, "calls[" + i + "]");
      EthAddress target = call.address(0, "calls[" + i + "].target");
      byte[] data = call.dynamicBytes(64, "calls[" + i + "].callData");
      if (target.equals(rollup) && ProposeCall.isPropose(data)) {
        out.add(data);
      }
    }
    return out;
  }
}
