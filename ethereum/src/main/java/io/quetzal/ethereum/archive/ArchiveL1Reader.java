package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.contracts.ContractCallException;
import io.quetzal.ethereum.rpc.JsonRpcErrorException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The L1 reads of the archiver: events over L1 block ranges ({@code eth_getLogs} filtered by
 * address and topic 0) and the Rollup/Inbox views, each at a block tag ({@code "latest"}, {@code
 * "finalized"}, or a 0x block number). {@link io.quetzal.ethereum.contracts.RollupContract} has the
 * start-up views at {@code latest}; these are the ones the sync loop pins to a block.
 *
 * <p>Views are decoded with {@link AbiReader}: a short or malformed answer is an {@link
 * L1DecodeException} naming the view; a revert is a {@link ContractCallException}. Thread-safe.
 */
public final class ArchiveL1Reader {
  /** {@code getTips()} of the rollup. */
  public record Tips(long pending, long proven) {}

  /** {@code Inbox.getState()}. */
  public record InboxState(Bytes16 rollingHash, long totalMessagesInserted, long inProgress) {}

  /** {@code FeeHeader} of a stored checkpoint. */
  public record FeeHeader(
      java.math.BigInteger excessMana,
      java.math.BigInteger manaUsed,
      java.math.BigInteger ethPerFeeAsset,
      java.math.BigInteger congestionCost,
      java.math.BigInteger proverCost) {}

  /** {@code getCheckpoint(n)}: what the rollup stores for a checkpoint ({@code CheckpointLog}). */
  public record StoredCheckpoint(
      Bytes32 archive,
      Bytes32 headerHash,
      Bytes32 blobCommitmentsHash,
      Bytes32 outHash,
      Bytes32 attestationsHash,
      Bytes32 payloadDigest,
      long slotNumber,
      FeeHeader feeHeader) {}

  private final L1RpcClient rpc;
  private final EthAddress rollup;
  private final EthAddress inbox;

  public ArchiveL1Reader(L1RpcClient rpc, EthAddress rollup, EthAddress inbox) {
    this.rpc = rpc;
    this.rollup = rollup;
    this.inbox = inbox;
  }

  public EthAddress rollup() {
    return rollup;
  }

  public EthAddress inbox() {
    return inbox;
  }

  // ---- events

  /** {@code eth_getLogs} for {@code address} and topic 0 over {@code [from, to]}. */
  public List<L1Log> getLogs(EthAddress address, Bytes32 topic0, long fromBlock, long toBlock) {
    return getLogs(address, fromBlock, toBlock, topic0.toString());
  }

  private List<L1Log> getLogs(EthAddress address, long from, long to, String... topics) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad L1 block range [" + from + ", " + to + "]");
    }
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.put("address", address.toString());
    filter.put("fromBlock", "0x" + Long.toHexString(from));
    filter.put("toBlock", "0x" + Long.toHexString(to));
    ArrayNode t = filter.putArray("topics");
    for (String topic : topics) {
      if (topic == null) {
        t.addNull();
      } else {
        t.add(topic);
      }
    }
    List<L1Log> logs = L1Log.listFromJson(rpc.call("eth_getLogs", filter));
    List<L1Log> out = new ArrayList<>(logs.size());
    for (L1Log l : logs) {
      if (!l.ref().removed()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Rollup {@code CheckpointProposed} logs in {@code [from, to]}, in log order. */
  public List<RollupEvents.CheckpointProposed> getCheckpointProposedEvents(long from, long to) {
    return decode(
        getLogs(rollup, RollupEvents.CHECKPOINT_PROPOSED, from, to),
        RollupEvents::checkpointProposed);
  }

  /** Rollup {@code L2ProofVerified} logs in {@code [from, to]}. */
  public List<RollupEvents.L2ProofVerified> getL2ProofVerifiedEvents(long from, long to) {
    return decode(
        getLogs(rollup, RollupEvents.L2_PROOF_VERIFIED, from, to), RollupEvents::l2ProofVerified);
  }

  /** Rollup {@code PrunedPending} logs in {@code [from, to]}. */
  public List<RollupEvents.PrunedPending> getPrunedPendingEvents(long from, long to) {
    return decode(
        getLogs(rollup, RollupEvents.PRUNED_PENDING, from, to), RollupEvents::prunedPending);
  }

  /** Rollup {@code CheckpointInvalidated} logs in {@code [from, to]}. */
  public List<RollupEvents.CheckpointInvalidated> getCheckpointInvalidatedEvents(
      long from, long to) {
    return decode(
        getLogs(rollup, RollupEvents.CHECKPOINT_INVALIDATED, from, to),
        RollupEvents::checkpointInvalidated);
  }

  /** Inbox {@code MessageSent} logs in {@code [from, to]}. */
  public List<InboxMessage> getMessageSentEvents(long from, long to) {
    return decode(getLogs(inbox, RollupEvents.MESSAGE_SENT, from, to), RollupEvents::messageSent);
  }

  /** The {@code MessageSent} log of one leaf in {@code [from, to]}, if any. */
  public Optional<InboxMessage> getMessageSentEventByHash(Fr leaf, long from, long to) {
    List<InboxMessage> m =
        decode(
            getLogs(
                inbox,
                from,
                to,
                RollupEvents.MESSAGE_SENT.toString(),
                null,
                Bytes32.of(leaf).toString()),
            RollupEvents::messageSent);
    return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0));
  }

  private static <T> List<T> decode(List<L1Log> logs, Function<L1Log, T> f) {
    List<T> out = new ArrayList<>(logs.size());
    for (L1Log l : logs) {
      out.add(f.apply(l));
    }
    return out;
  }

  // ---- views

  /** {@code archiveAt(n)} at {@code blockTag}. */
  public Fr archiveAt(long checkpointNumber, String blockTag) {
    return view(rollup, "archiveAt(uint256)", blockTag, uint(checkpointNumber))
        .bytes32(0, "archiveAt")
        .toFr();
  }

  /** {@code getTips()} at {@code blockTag}. */
  public Tips getTips(String blockTag) {
    AbiReader r = view(rollup, "getTips()", blockTag);
    return new Tips(r.uintLong(0, "pending"), r.uintLong(32, "proven"));
  }

  /** {@code getPendingCheckpointNumber()} at {@code blockTag}. */
  public long getPendingCheckpointNumber(String blockTag) {
    return view(rollup, "getPendingCheckpointNumber()", blockTag).uintLong(0, "pending");
  }

  /**
   * {@code getProvenCheckpointNumber()} at {@code blockTag}; with {@code "finalized"} this is the
   * finalized checkpoint of the official archiver.
   */
  public long getProvenCheckpointNumber(String blockTag) {
    return view(rollup, "getProvenCheckpointNumber()", blockTag).uintLong(0, "proven");
  }

  /** {@code getCheckpoint(n)} at {@code blockTag}. */
  public StoredCheckpoint getCheckpoint(long checkpointNumber, String blockTag) {
    AbiReader r = view(rollup, "getCheckpoint(uint256)", blockTag, uint(checkpointNumber));
    // The return value is one static tuple (12 words), encoded in place.
    return new StoredCheckpoint(
        r.bytes32(0, "archive"),
        r.bytes32(32, "headerHash"),
        r.bytes32(64, "blobCommitmentsHash"),
        r.bytes32(96, "outHash"),
        r.bytes32(128, "attestationsHash"),
        r.bytes32(160, "payloadDigest"),
        r.uintLong(192, "slotNumber"),
        new FeeHeader(
            r.uint(224, "feeHeader.excessMana"),
            r.uint(256, "feeHeader.manaUsed"),
            r.uint(288, "feeHeader.ethPerFeeAsset"),
            r.uint(320, "feeHeader.congestionCost"),
            r.uint(352, "feeHeader.proverCost")));
  }

  /** {@code canPruneAtTime(ts)} at {@code blockTag}. */
  public boolean canPruneAtTime(long timestamp, String blockTag) {
    return view(rollup, "canPruneAtTime(uint256)", blockTag, uint(timestamp)).bool(0, "canPrune");
  }

  /** {@code getTargetCommitteeSize()} at {@code latest}. */
  public int getTargetCommitteeSize() {
    return Math.toIntExact(
        view(rollup, "getTargetCommitteeSize()", "latest").uintLong(0, "targetCommitteeSize"));
  }

  /** {@code Inbox.getState()} at {@code blockTag}. */
  public InboxState getInboxState(String blockTag) {
    AbiReader r = view(inbox, "getState()", blockTag);
    return new InboxState(
        Bytes16.wrap(r.fixedBytes(0, 16, "rollingHash")),
        r.uint(32, 64, "totalMessagesInserted").longValue(),
        r.uint(64, 64, "inProgress").longValue());
  }

  private static byte[] uint(long v) {
    byte[] w = new byte[32];
    for (int i = 0; i < 8; i++) {
      w[31 - i] = (byte) (v >>> (8 * i));
    }
    return w;
  }

  private AbiReader view(EthAddress to, String signature, String blockTag, byte[]... args) {
    StringBuilder data = new StringBuilder(Abi.selector(signature));
    for (byte[] a : args) {
      data.append(Hex.encodeNoPrefix(a));
    }
    String what = signature + " on " + to + " at " + blockTag;
    String ret;
    try {
      ret = rpc.ethCall(to, data.toString(), blockTag);
    } catch (JsonRpcErrorException e) {
      throw new ContractCallException(
          what + " failed: " + e.getMessage(), e.data().orElse(null), e);
    }
    if (ret == null || ret.equals("0x")) {
      throw new L1DecodeException(what + " returned no data (is the contract deployed there?)");
    }
    try {
      return AbiReader.of(Hex.decode(ret), what);
    } catch (RuntimeException e) {
      throw new L1DecodeException(what + " returned malformed hex: " + Bytes32.snippet(ret), e);
    }
  }

  /** A JSON answer as a string, for messages. */
  static String brief(JsonNode n) {
    return L1Log.brief(n);
  }
}
