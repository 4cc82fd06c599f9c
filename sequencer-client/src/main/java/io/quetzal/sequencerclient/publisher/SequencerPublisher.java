package io.quetzal.sequencerclient.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.RollupEvents;
import io.quetzal.ethereum.rpc.JsonRpcErrorException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.blob.Blob;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's L1 publisher (the official {@code SequencerPublisher}): requests enqueued during
 * a slot are sent together in one Multicall3 {@code aggregate3} transaction (every call with {@code
 * allowFailure = true}, {@code propose} first), as a blob transaction when a proposal is among
 * them.
 *
 * <p>{@link #enqueueProposeCheckpoint}: computes the gas limit the official way, {@code
 * bump(ceil(simulatedGasUsed × 64 / 63) + blobEvaluationGas + 5000)}, where the propose gas comes
 * from {@code eth_simulateV1} at {@code timestamp + 1} with {@code checkBlob} (storage slot 4)
 * overridden to false, and the blob evaluation gas from {@code eth_estimateGas(validateBlobs)} with
 * the blob hashes attached (plus buffer). A node without {@code eth_simulateV1} gives the fallback
 * 16 777 216.
 *
 * <p>{@link #sendRequests}: drops requests whose last valid slot is before the current one, sums
 * the gas limits (capped at 16 777 216), takes the earliest deadline, sends through {@link
 * L1TxSender}, uploads the blobs (whether or not the transaction lands) and reports per action:
 * {@code propose} succeeded iff the receipt's status is 1 and it has the rollup's {@code
 * CheckpointProposed} log. There is no retry in a later slot.
 *
 * <p>Not thread-safe for enqueueing from several threads at once; sends are serialised by the
 * sender.
 */
public final class SequencerPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(SequencerPublisher.class);

  /** The official {@code MULTICALL_OVERHEAD_GAS_GUESS}. */
  public static final long MULTICALL_OVERHEAD_GAS = 5_000;

  /** The Rollup's {@code checkBlob} storage slot (l1-artifacts 4.1.2 storage layout). */
  public static final BigInteger CHECK_BLOB_STORAGE_SLOT = BigInteger.valueOf(4);

  /** What a bundled call is for; the order is the send order ({@code propose} first). */
  public enum Action {
    PROPOSE,
    INVALIDATE_BY_INVALID_ATTESTATION,
    INVALIDATE_BY_INSUFFICIENT_ATTESTATIONS,
    GOVERNANCE_SIGNAL,
    EMPIRE_SLASHING_SIGNAL,
    CREATE_EMPIRE_PAYLOAD,
    EXECUTE_EMPIRE_PAYLOAD,
    VOTE_OFFENSES,
    EXECUTE_SLASH
  }

  /** One enqueued call. */
  public record Request(
      Action action,
      L1TxSender.TxRequest request,
      SlotNumber lastValidSlot,
      OptionalLong gasLimit,
      Optional<Instant> txTimeoutAt,
      List<Blob> blobs) {
    public Request {
      blobs = List.copyOf(blobs);
    }
  }

  /**
   * The outcome of {@link #sendRequests}.
   *
   * @param mined the mined transaction, empty when nothing was mined (not sent, timed out, error)
   * @param error why nothing was mined, if so
   * @param sent the actions that were sent
   * @param expired the actions dropped because their slot had passed
   * @param successful the actions that succeeded on L1
   * @param failed the sent actions that did not
   */
  public record PublishResult(
      Optional<L1TxSender.Mined> mined,
      Optional<String> error,
      List<Action> sent,
      List<Action> expired,
      List<Action> successful,
      List<Action> failed) {}

  private final L1RpcClient rpc;
  private final L1TxSender sender;
  private final EthAddress rollup;
  private final Optional<BlobUploader> uploader;
  private final List<Request> requests = new ArrayList<>();

  public SequencerPublisher(
      L1RpcClient rpc, L1TxSender sender, EthAddress rollup, Optional<BlobUploader> uploader) {
    this.rpc = rpc;
    this.sender = sender;
    this.rollup = rollup;
    this.uploader = uploader;
  }

  public EthAddress publisherAddress() {
    return sender.sender();
  }

  /** {@code bump(ceil(gasUsed × 64/63) + blobEvaluationGas + 5000)}, capped at 2^24. */
  public static long proposeGasLimit(L1TxConfig config, long gasUsed, long blobEvaluationGas) {
    long base = Math.ceilDiv(Math.multiplyExact(gasUsed, 64L), 63L);
    return config.bumpGasLimit(base + blobEvaluationGas + MULTICALL_OVERHEAD_GAS);
  }

  /**
   * Simulates the proposal, computes its gas limit and enqueues it (valid only in the header's
   * slot).
   *
   * @throws L1TxException when the simulation reverts or the blobs do not validate
   */
  public void enqueueProposeCheckpoint(ProposeRequest p) {
    byte[] calldata = p.calldata();
    BlobSidecar sidecar = BlobSidecar.of(p.blobs());
    long blobGas;
    try {
      blobGas =
          sender.estimateGas(
              L1TxSender.TxRequest.call(
                  rollup, ProposeCalldata.validateBlobs(p.call().blobInput())),
              Optional.of(sidecar));
    } catch (RuntimeException e) {
      throw new L1TxException("Failed to validate blobs: " + e.getMessage(), e);
    }
    long gasUsed = simulatePropose(calldata, p.call().header().timestamp());
    long gasLimit = proposeGasLimit(sender.config(), gasUsed, blobGas);
    LOG.debug(
        "propose for slot {}: simulated {} gas, blob evaluation {}, limit {}",
        p.call().header().slotNumber(),
        gasUsed,
        blobGas,
        gasLimit);
    enqueue(
        new Request(
            Action.PROPOSE,
            L1TxSender.TxRequest.call(rollup, calldata),
            p.call().header().slotNumber(),
            OptionalLong.of(gasLimit),
            p.txTimeoutAt(),
            p.blobs()));
  }

  /** Enqueues any other call for the bundle (governance signal, slashing vote, ...). */
  public void enqueue(Request r) {
    if (!r.blobs().isEmpty() && requests.stream().anyMatch(x -> !x.blobs().isEmpty())) {
      throw new IllegalStateException("Multiple blob configs found");
    }
    requests.add(r);
  }

  /** The pending requests (a copy). */
  public List<Request> pending() {
    return List.copyOf(requests);
  }

  /**
   * {@code gasUsed} of {@code propose} from {@code eth_simulateV1} at {@code timestamp + 1} with
   * {@code checkBlob = false}; 16 777 216 when the node has no {@code eth_simulateV1}.
   */
  long simulatePropose(byte[] calldata, long timestamp) {
    GasPrice price = sender.gasPrice(false, 0, Optional.empty());
    Map<String, Object> call = sender.callObject(L1TxSender.TxRequest.call(rollup, calldata));
    call.put("gas", L1TxSender.quantity(BigInteger.valueOf(L1TxConfig.MAX_L1_TX_LIMIT)));
    call.put("maxFeePerGas", L1TxSender.quantity(price.maxFeePerGas()));
    call.put("maxPriorityFeePerGas", L1TxSender.quantity(price.maxPriorityFeePerGas()));
    Map<String, Object> block = new LinkedHashMap<>();
    block.put(
        "blockOverrides",
        Map.of(
            "time", L1TxSender.quantity(BigInteger.valueOf(timestamp + 1)),
            "gasLimit", L1TxSender.quantity(BigInteger.valueOf(2 * L1TxConfig.MAX_L1_TX_LIMIT))));
    block.put(
        "stateOverrides",
        Map.of(
            rollup.toString(),
            Map.of("stateDiff", Map.of(word(CHECK_BLOB_STORAGE_SLOT), word(BigInteger.ZERO)))));
    block.put("calls", List.of(call));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("blockStateCalls", List.of(block));
    payload.put("validation", false);
    JsonNode result;
    try {
      result = rpc.call("eth_simulateV1", payload, "latest");
    } catch (JsonRpcErrorException e) {
      String m = e.rpcMessage() == null ? "" : e.rpcMessage().toLowerCase(Locale.ROOT);
      if (e.code() == -32601 || m.contains("not supported") || m.contains("not found")) {
        LOG.warn("L1 node has no eth_simulateV1; using the fallback gas estimate");
        return L1TxConfig.MAX_L1_TX_LIMIT;
      }
      throw new L1TxException("propose simulation failed: " + e.getMessage(), e);
    }
    JsonNode b = result.path(0);
    JsonNode c = b.path("calls").path(0);
    if (!"0x1".equals(c.path("status").asText())) {
      throw new L1TxException(
          "propose simulation reverted: "
              + c.path("error").path("message").asText("")
              + " "
              + c.path("returnData").asText(""));
    }
    return L1RpcClient.quantityLong(b.path("gasUsed"));
  }

  /**
   * Sends the enqueued requests valid at {@code currentSlot} in one transaction and waits for it.
   *
   * @return empty when there was nothing valid to send
   */
  public Optional<PublishResult> sendRequests(SlotNumber currentSlot) throws InterruptedException {
    List<Request> all = List.copyOf(requests);
    requests.clear();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    List<Request> valid =
        new ArrayList<>(
            all.stream().filter(r -> r.lastValidSlot().compareTo(currentSlot) >= 0).toList());
    List<Action> expired =
        all.stream()
            .filter(r -> r.lastValidSlot().compareTo(currentSlot) < 0)
            .map(Request::action)
            .toList();
    if (!expired.isEmpty()) {
      LOG.warn("Some requests were expired for slot {}: {}", currentSlot, expired);
    }
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    valid.sort(Comparator.comparing(Request::action));
    List<Action> actions = valid.stream().map(Request::action).toList();
    OptionalLong gasLimit = OptionalLong.empty();
    if (all.stream().anyMatch(r -> r.gasLimit().isPresent())) {
      long sum =
          all.stream()
              .filter(r -> r.gasLimit().isPresent())
              .mapToLong(r -> r.gasLimit().getAsLong())
              .sum();
      gasLimit = OptionalLong.of(Math.min(sum, L1TxConfig.MAX_L1_TX_LIMIT));
    }
    Optional<Instant> deadline =
        all.stream().flatMap(r -> r.txTimeoutAt().stream()).min(Comparator.naturalOrder());
    List<Blob> blobs = all.stream().flatMap(r -> r.blobs().stream()).toList();

    byte[] data =
        Multicall3.encodeAggregate3(
            valid.stream()
                .map(r -> new Multicall3.Call3(r.request().to(), true, r.request().data()))
                .toList());
    Optional<BlobSidecar> sidecar =
        blobs.isEmpty() ? Optional.empty() : Optional.of(BlobSidecar.of(blobs));
    Optional<L1TxSender.Mined> mined = Optional.empty();
    Optional<String> error = Optional.empty();
    try {
      mined =
          Optional.of(
              sender.sendAndMonitor(
                  L1TxSender.TxRequest.call(Multicall3.ADDRESS, data),
                  new L1TxSender.TxOptions(gasLimit, deadline),
                  sidecar));
    } catch (L1TxException e) {
      error = Optional.of(e.getMessage());
      LOG.error("Failed to publish bundled transactions {}: {}", actions, e.getMessage());
    } catch (RuntimeException e) {
      error = Optional.of(e.toString());
      LOG.error("Failed to publish bundled transactions {}", actions, e);
    } finally {
      if (!blobs.isEmpty() && uploader.isPresent()) {
        try {
          uploader.get().upload(blobs);
        } catch (Exception e) {
          LOG.error("Failed to send blobs to the blob file store: {}", e.getMessage());
        }
      }
    }
    List<Action> ok = new ArrayList<>();
    List<Action> failed = new ArrayList<>();
    for (Request r : valid) {
      if (mined.isPresent() && succeeded(r, mined.get())) {
        ok.add(r.action());
      } else {
        failed.add(r.action());
      }
    }
    return Optional.of(new PublishResult(mined, error, actions, expired, ok, failed));
  }

  private boolean succeeded(Request r, L1TxSender.Mined m) {
    if (!m.succeeded()) {
      return false;
    }
    if (r.action() != Action.PROPOSE) {
      return true;
    }
    for (JsonNode log : m.receipt().path("logs")) {
      if (log.path("address").asText().equalsIgnoreCase(rollup.toString())
          && log.path("topics")
              .path(0)
              .asText()
              .equalsIgnoreCase(RollupEvents.CHECKPOINT_PROPOSED.toString())) {
        return true;
      }
    }
    return false;
  }

  private static String word(BigInteger v) {
    byte[] w = new byte[32];
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, w, 32 - n, n);
    return Hex.encode(w);
  }
}
