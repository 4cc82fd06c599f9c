package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Rollup (4.1.2) events the archiver reads, their topic-0 hashes and decoders. Decoders throw
 * {@link L1DecodeException} naming the event and transaction when a log does not match the ABI.
 */
public final class RollupEvents {
  /** {@code CheckpointProposed(uint256,bytes32,bytes32[],bytes32,bytes32)}. */
  public static final Bytes32 CHECKPOINT_PROPOSED =
      topic("CheckpointProposed(uint256,bytes32,bytes32[],bytes32,bytes32)");

  /** {@code L2ProofVerified(uint256,address)}. */
  public static final Bytes32 L2_PROOF_VERIFIED = topic("L2ProofVerified(uint256,address)");

  /** {@code PrunedPending(uint256,uint256)}. */
  public static final Bytes32 PRUNED_PENDING = topic("PrunedPending(uint256,uint256)");

  /** {@code CheckpointInvalidated(uint256)}. */
  public static final Bytes32 CHECKPOINT_INVALIDATED = topic("CheckpointInvalidated(uint256)");

  /** Inbox {@code MessageSent(uint256,uint256,bytes32,bytes16)}. */
  public static final Bytes32 MESSAGE_SENT = topic("MessageSent(uint256,uint256,bytes32,bytes16)");

  private RollupEvents() {}

  /** A {@code CheckpointProposed} log. */
  public record CheckpointProposed(
      long checkpointNumber,
      Fr archive,
      List<Bytes32> versionedBlobHashes,
      Bytes32 payloadDigest,
      Bytes32 attestationsHash,
      L1EventRef l1) {
    public CheckpointProposed {
      versionedBlobHashes = List.copyOf(versionedBlobHashes);
    }
  }

  /** An {@code L2ProofVerified} log. */
  public record L2ProofVerified(long checkpointNumber, EthAddress proverId, L1EventRef l1) {}

  /** A {@code PrunedPending} log. */
  public record PrunedPending(
      long provenCheckpointNumber, long pendingCheckpointNumber, L1EventRef l1) {}

  /** A {@code CheckpointInvalidated} log. */
  public record CheckpointInvalidated(long checkpointNumber, L1EventRef l1) {}

  /** The keccak-256 of an event signature. */
  public static Bytes32 topic(String signature) {
    return Bytes32.wrap(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)));
  }

  /** True when {@code log}'s topic 0 is {@code topic0}. */
  public static boolean is(L1Log log, Bytes32 topic0) {
    return !log.topics().isEmpty() && log.topics().get(0).equals(topic0);
  }

  /** Decodes a {@code CheckpointProposed} log. */
  public static CheckpointProposed checkpointProposed(L1Log log) {
    String ev = "CheckpointProposed";
    requireTopic0(log, CHECKPOINT_PROPOSED, ev);
    long n = topicLong(log, 1, ev, "checkpointNumber");
    Fr archive = topicFr(log, 2, ev, "archive");
    AbiReader r = reader(log, ev);
    int count = r.arrayLength(0, 32, "versionedBlobHashes");
    AbiReader elems = r.arrayElements(0, "versionedBlobHashes");
    List<Bytes32> hashes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      hashes.add(elems.bytes32(32 * i, "versionedBlobHashes[" + i + "]"));
    }
    return new CheckpointProposed(
        n,
        archive,
        hashes,
        r.bytes32(32, "payloadDigest"),
        r.bytes32(64, "attestationsHash"),
        log.ref());
  }

  /** Decodes an {@code L2ProofVerified} log. */
  public static L2ProofVerified l2ProofVerified(L1Log log) {
    String ev = "L2ProofVerified";
    requireTopic0(log, L2_PROOF_VERIFIED, ev);
    long n = topicLong(log, 1, ev, "checkpointNumber");
    EthAddress prover =
        AbiReader.of(log.topic(2, ev).toBytes(), ev + " in tx " + log.ref().txHash())
            .address(0, "proverId");
    return new L2ProofVerified(n, prover, log.ref());
  }

  /** Decodes a {@code PrunedPending} log. */
  public static PrunedPending prunedPending(L1Log log) {
    String ev = "PrunedPending";
    requireTopic0(log, PRUNED_PENDING, ev);
    AbiReader r = reader(log, ev);
    return new PrunedPending(
        r.uintLong(0, "provenCheckpointNumber"),
        r.uintLong(32, "pendingCheckpointNumber"),
        log.ref());
  }

  /** Decodes a {@code CheckpointInvalidated} log. */
  public static CheckpointInvalidated checkpointInvalidated(L1Log log) {
    String ev = "CheckpointInvalidated";
    requireTopic0(log, CHECKPOINT_INVALIDATED, ev);
    return new CheckpointInvalidated(topicLong(log, 1, ev, "checkpointNumber"), log.ref());
  }

  /** Decodes an Inbox {@code MessageSent} log into an {@link InboxMessage}. */
  public static InboxMessage messageSent(L1Log log) {
    String ev = "MessageSent";
    requireTopic0(log, MESSAGE_SENT, ev);
    long checkpoint = topicLong(log, 1, ev, "checkpointNumber");
    Fr leaf = topicFr(log, 2, ev, "hash");
    AbiReader r = reader(log, ev);
    long index = r.uintLong(0, "index");
    byte[] rolling = r.fixedBytes(32, 16, "rollingHash");
    return new InboxMessage(
        index, leaf, Bytes16.wrap(rolling), checkpoint, log.ref().blockNumber(), log.ref());
  }

  static void requireTopic0(L1Log log, Bytes32 expected, String ev) {
    if (!is(log, expected)) {
      throw new L1DecodeException(
          "log in tx "
              + log.ref().txHash()
              + " is not "
              + ev
              + " (topic0 "
              + (log.topics().isEmpty() ? "missing" : log.topics().get(0))
              + ")");
    }
  }

  private static AbiReader reader(L1Log log, String ev) {
    return AbiReader.of(log.data(), ev + " log data in tx " + log.ref().txHash());
  }

  private static long topicLong(L1Log log, int i, String ev, String field) {
    return AbiReader.of(log.topic(i, ev).toBytes(), ev + " in tx " + log.ref().txHash())
        .uintLong(0, field);
  }

  private static Fr topicFr(L1Log log, int i, String ev, String field) {
    Bytes32 t = log.topic(i, ev);
    try {
      return t.toFr();
    } catch (IllegalArgumentException e) {
      throw new L1DecodeException(
          ev + " in tx " + log.ref().txHash() + ": " + field + " " + t + " is not a field element",
          e);
    }
  }
}
