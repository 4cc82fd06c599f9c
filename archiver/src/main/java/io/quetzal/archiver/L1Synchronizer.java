package io.quetzal.archiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.ArchiveL1Reader;
import io.quetzal.ethereum.archive.AttestationValidation;
import io.quetzal.ethereum.archive.Bytes16;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.ethereum.archive.RollupEvents.CheckpointProposed;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.messaging.InHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One archiver iteration over L1 (the official {@code ArchiverL1Synchronizer.sync}), pinned to the
 * L1 head read at its start:
 *
 * <ol>
 *   <li><b>Messages.</b> Compare the stored Inbox messages (count, last rolling hash) with the
 *       Inbox's state; on a mismatch, drop local messages L1 no longer has (walking back to the
 *       last one whose event and rolling hash are still on L1), then fetch {@code MessageSent}
 *       events from the message sync point and append them, checking the rolling-hash chain.
 *   <li><b>Checkpoints.</b> Read the rollup's tips; mark the proven checkpoint; detect a reorg by
 *       comparing {@code archiveAt(n)} with the stored archive, walking back to the common ancestor
 *       and unwinding; then fetch {@code CheckpointProposed} events from the checkpoint sync point
 *       in L1-block batches, retrieve the checkpoints in parallel ({@link CheckpointRetriever}),
 *       and, in order, keep those still on L1 whose attestations hold (floor(2n/3)+1 of the epoch's
 *       committee) and whose {@code inHash} equals the stored messages', storing each batch in one
 *       write with the sync point. Invalid checkpoints are skipped and the sync point moves past
 *       them.
 *   <li><b>Prune.</b> When the rollup would prune unproven checkpoints at the next L1 block, unwind
 *       to the proven checkpoint first. Finalized: the proven checkpoint at L1's {@code finalized}
 *       block.
 *   <li><b>World state</b> follows through {@link WorldStateFeed} after every stored batch; before
 *       the first iteration reads L1 it catches up with what the store already holds.
 * </ol>
 *
 * <p>Single writer: call {@link #syncOnce()} from one thread (the {@link Archiver}'s loop).
 * Retrieval runs on virtual threads, at most {@link Options#parallelism()} at once.
 */
public final class L1Synchronizer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(L1Synchronizer.class);

  /**
   * @param l1BlockBatch L1 blocks per {@code eth_getLogs} (official: 100 checkpoints' worth, 600)
   * @param parallelism checkpoints retrieved at once (official: 10; 16 keeps a local L1 busy)
   * @param storeBatch checkpoints per store write
   * @param ethereumSlotSeconds L1 slot duration, for "the next L1 block"
   * @param historicalDistance L1 blocks behind the head beyond which a checkpoint is historical
   */
  public record Options(
      int l1BlockBatch,
      int parallelism,
      int storeBatch,
      long ethereumSlotSeconds,
      long historicalDistance) {
    public static Options defaults() {
      return new Options(600, 16, 100, 12, 64);
    }
  }

  /** What one iteration did. */
  public record Result(
      long l1Head, int messagesAdded, int checkpointsAdded, int checkpointsUnwound, int invalid) {
    static Result unchanged(long head) {
      return new Result(head, 0, 0, 0, 0);
    }
  }

  private final SyncStore store;
  private final L1RpcClient rpc;
  private final ArchiveL1Reader l1;
  private final CheckpointRetriever retriever;
  private final LongFunction<List<EthAddress>> committeeForSlot;
  private final Optional<WorldStateFeed> feed;
  private final Options options;
  private final SyncProgress progress;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private String lastHeadHash = "";
  private boolean finalizedWarned;
  private volatile long syncedL1Timestamp = -1;

  /**
   * @param committeeForSlot the committee of the epoch of a slot, in order; empty when there is
   *     none (then every checkpoint is accepted, as the official node does)
   * @param feed the world state to keep in step, if any
   */
  public L1Synchronizer(
      SyncStore store,
      L1RpcClient rpc,
      ArchiveL1Reader l1,
      CheckpointRetriever retriever,
      LongFunction<List<EthAddress>> committeeForSlot,
      Optional<WorldStateFeed> feed,
      Options options,
      SyncProgress progress) {
    this.store = Objects.requireNonNull(store, "store");
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.committeeForSlot = Objects.requireNonNull(committeeForSlot, "committeeForSlot");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.options = Objects.requireNonNull(options, "options");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * The timestamp of the L1 block the last complete iteration synced to (the official
   * synchronizer's {@code getL1Timestamp}); empty before the first one. The sequencer derives from
   * it the last L2 slot whose L1 blocks are all processed.
   */
  public OptionalLong syncedL1Timestamp() {
    long t = syncedL1Timestamp;
    return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
  }

  /** One iteration; does nothing when the L1 head has not changed since the last one. */
  public Result syncOnce() {
    if (lastHeadHash.isEmpty()) {
      // Until an iteration completes (a start): the world state first catches up with what the
      // archive already holds, so a crash between the two stores' writes is repaired even while L1
      // or the blob sources fail (otherwise it waited for the next stored batch).
      feed.ifPresent(this::catchUpWithTheStore);
    }
    JsonNode head =
        rpc.getBlock("latest").orElseThrow(() -> new L1RpcException("L1 has no latest block"));
    long headNumber = L1RpcClient.quantityLong(head.get("number"));
    long headTimestamp = L1RpcClient.quantityLong(head.get("timestamp"));
    String headHash = head.path("hash").asText();
    if (headHash.equals(lastHeadHash)) {
      feed.ifPresent(WorldStateFeed::catchUp);
      syncedL1Timestamp = headTimestamp;
      return Result.unchanged(headNumber);
    }
    String tag = "0x" + Long.toHexString(headNumber);
    int messages = handleMessages(headNumber, tag);
    // Judged on L1's tips, not ours: after unwinding for a prune our chain is at the proven
    // checkpoint while L1 still holds the unproven ones until the next proposal prunes them, and
    // those must not be fetched again meanwhile.
    ArchiveL1Reader.Tips l1Tips = l1.getTips(tag);
    boolean pruneImminent =
        l1Tips.pending() > l1Tips.proven()
            && l1.canPruneAtTime(headTimestamp + options.ethereumSlotSeconds(), tag);
    int[] cp = handleCheckpoints(headNumber, tag, pruneImminent);
    int pruned = pruneImminent ? handleEpochPrune() : 0;
    updateFinalized();
    feed.ifPresent(
        f -> {
          f.catchUp();
          f.finalizeTo(lastBlockOfCheckpoint(store.finalizedCheckpointNumber()));
        });
    lastHeadHash = headHash;
    syncedL1Timestamp = headTimestamp;
    progress.synced(headNumber, store.latestCheckpointNumber(), headNumber);
    return new Result(headNumber, messages, cp[0], cp[1] + pruned, cp[2]);
  }

  private void catchUpWithTheStore(WorldStateFeed f) {
    int applied = f.catchUp();
    if (applied > 0) {
      LOG.info(
          "World state re-applied {} stored blocks, now at block {}",
          applied,
          store.latestBlockNumber());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // L1→L2 messages

  private int handleMessages(long head, String tag) {
    ArchiveL1Reader.InboxState remote = l1.getInboxState(tag);
    Optional<InboxMessage> last = store.lastMessage();
    Bytes16 localHash = last.map(InboxMessage::rollingHash).orElse(Bytes16.ZERO);
    if (store.messageCount() == remote.totalMessagesInserted()
        && localHash.equals(remote.rollingHash())) {
      store.setMessagesSynchedTo(head);
      return 0;
    }
    if (last.isPresent() && !stillOnL1(last.get())) {
      rollBackMessages(last.get());
      last = store.lastMessage();
    }
    int added = 0;
    Bytes16 rolling = last.map(InboxMessage::rollingHash).orElse(Bytes16.ZERO);
    long lastIndex = last.map(InboxMessage::index).orElse(-1L);
    for (long from = store.messagesSynchedTo() + 1; from <= head; ) {
      long to = Math.min(head, from + options.l1BlockBatch() - 1);
      List<InboxMessage> batch = new ArrayList<>();
      for (InboxMessage m : l1.getMessageSentEvents(from, to)) {
        if (m.index() <= lastIndex) {
          continue;
        }
        Bytes16 expected = InboxMessage.nextRollingHash(rolling, m.leaf());
        if (!expected.equals(m.rollingHash())) {
          throw new L1RpcException(
              "Inbox message "
                  + m.index()
                  + " in L1 block "
                  + m.l1BlockNumber()
                  + " breaks the rolling-hash chain (expected "
                  + expected
                  + ", the event says "
                  + m.rollingHash()
                  + "); messages will be fetched again");
        }
        batch.add(m);
        rolling = m.rollingHash();
        lastIndex = m.index();
      }
      store.addMessages(batch, to);
      added += batch.size();
      from = to + 1;
    }
    return added;
  }

  private boolean stillOnL1(InboxMessage m) {
    return l1.getMessageSentEventByHash(m.leaf(), m.l1BlockNumber(), m.l1BlockNumber())
        .map(e -> e.index() == m.index() && e.rollingHash().equals(m.rollingHash()))
        .orElse(false);
  }

  private void rollBackMessages(InboxMessage last) {
    long index = last.index() - 1;
    while (true) {
      List<InboxMessage> older = store.messagesBackFrom(index, 32);
      if (older.isEmpty()) {
        LOG.warn("L1 reorg: none of the stored L1-to-L2 messages is on L1 any more; dropping all");
        store.removeMessagesAfter(-1);
        store.setMessagesSynchedTo(0);
        return;
      }
      for (InboxMessage m : older) {
        if (stillOnL1(m)) {
          LOG.warn("L1 reorg: L1-to-L2 messages after index {} are gone; dropping them", m.index());
          store.removeMessagesAfter(m.index());
          store.setMessagesSynchedTo(m.l1BlockNumber());
          return;
        }
        index = m.index() - 1;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoints

  /** Returns {added, unwound, invalid}. */
  private int[] handleCheckpoints(long head, String tag, boolean pruneImminent) {
    ArchiveL1Reader.Tips tips = l1.getTips(tag);
    updateProven(tips.proven(), tag);
    int unwound = handleReorg(tips.pending(), tag);
    long local = store.latestCheckpointNumber();
    if (local == 0 && tips.pending() == 0) {
      store.setBlocksSynchedTo(head);
      return new int[] {0, unwound, 0};
    }
    int added = 0;
    int invalid = 0;
    if (local < tips.pending() && !pruneImminent) {
      for (long from = store.blocksSynchedTo() + 1; from <= head; ) {
        long to = Math.min(head, from + options.l1BlockBatch() - 1);
        long latest = store.latestCheckpointNumber();
        List<CheckpointProposed> events = new ArrayList<>();
        for (CheckpointProposed e : l1.getCheckpointProposedEvents(from, to)) {
          if (e.checkpointNumber() > latest) {
            events.add(e);
          }
        }
        for (int i = 0; i < events.size(); i += options.storeBatch()) {
          int[] r =
              processEvents(
                  events.subList(i, Math.min(events.size(), i + options.storeBatch())), head, tag);
          added += r[0];
          invalid += r[1];
        }
        if (events.isEmpty() && store.latestCheckpointNumber() == tips.pending()) {
          // Nothing new in this range and nothing missing: keep the sync point where the last
          // checkpoint is (a small reorg could still add one in a block we looked at).
          break;
        }
        from = to + 1;
      }
      long after = store.latestCheckpointNumber();
      if (after < tips.pending() && added == 0 && invalid == 0) {
        // L1 has checkpoints behind our sync point (a reorg added them): look again from the
        // last stored one.
        long back = after == 0 ? 0 : store.checkpointL1Block(after).orElse(0L);
        if (back < store.blocksSynchedTo()) {
          LOG.warn(
              "L1 has checkpoint {} but the archiver has {}: rolling the sync point back to L1"
                  + " block {}",
              tips.pending(),
              after,
              back);
          store.setBlocksSynchedTo(back);
        }
      }
    }
    updateProven(tips.proven(), tag);
    return new int[] {added, unwound, invalid};
  }

  /** Retrieves {@code events} in parallel, then checks and stores them in order. */
  private int[] processEvents(List<CheckpointProposed> events, long head, String tag) {
    List<Future<CheckpointRetriever.Retrieved>> futures = new ArrayList<>(events.size());
    java.util.concurrent.Semaphore permits =
        new java.util.concurrent.Semaphore(options.parallelism());
    for (CheckpointProposed e : events) {
      boolean historical = head - e.l1().blockNumber() > options.historicalDistance();
      futures.add(
          pool.submit(
              () -> {
                permits.acquire();
                try {
                  return retriever.retrieve(e, historical);
                } finally {
                  permits.release();
                }
              }));
    }
    List<ArchivedCheckpoint> valid = new ArrayList<>();
    long latest = store.latestCheckpointNumber();
    Fr tipArchive = latest == 0 ? null : store.checkpointArchive(latest).orElse(null);
    long syncedTo = store.blocksSynchedTo();
    int invalid = 0;
    // One archiveAt for the batch: when the numbers strictly increase and the last checkpoint is
    // L1's, every earlier one whose archive the chain builds on is L1's too (each block header
    // commits to its parent's archive root, checked below). Otherwise (a pruned and re-proposed
    // number among the events) each is checked, as the official archiver does.
    boolean increasing = true;
    for (int i = 1; i < events.size(); i++) {
      increasing &= events.get(i).checkpointNumber() > events.get(i - 1).checkpointNumber();
    }
    CheckpointProposed lastEvent = events.getLast();
    boolean batchOnL1 =
        increasing && l1.archiveAt(lastEvent.checkpointNumber(), tag).equals(lastEvent.archive());
    try {
      for (int i = 0; i < events.size(); i++) {
        CheckpointProposed e = events.get(i);
        CheckpointRetriever.Retrieved r = await(futures.get(i), e);
        Checkpoint cp = r.archived().checkpoint();
        long n = cp.number().value();
        if (n != latest + valid.size() + 1) {
          LOG.debug("checkpoint {} does not follow {}: skipped", n, latest + valid.size());
          syncedTo = e.l1().blockNumber();
          continue;
        }
        if (!batchOnL1 && !l1.archiveAt(n, tag).equals(e.archive())) {
          LOG.info("checkpoint {} is no longer on L1 (pruned or reorged): skipped", n);
          syncedTo = e.l1().blockNumber();
          continue;
        }
        Fr parent = valid.isEmpty() ? tipArchive : valid.getLast().checkpoint().archive().root();
        if (parent != null && !parent.equals(cp.header().lastArchiveRoot())) {
          LOG.warn("checkpoint {} does not build on the stored chain: skipped", n);
          syncedTo = e.l1().blockNumber();
          invalid++;
          continue;
        }
        long slot = cp.header().slotNumber().value();
        List<EthAddress> committee = committeeForSlot.apply(slot);
        AttestationValidation.Result check =
            AttestationValidation.validateAttestations(
                committee, r.calldata().attestations(), e.payloadDigest());
        if (!check.valid()) {
          LOG.warn(
              "checkpoint {} (slot {}) has invalid attestations, skipped: {}",
              n,
              slot,
              check.detail());
          syncedTo = e.l1().blockNumber();
          invalid++;
          progress.invalidCheckpoint(n, check.detail());
          continue;
        }
        Fr inHash = InHash.of(messagesOf(n));
        if (!inHash.equals(cp.header().inHash())) {
          throw new CheckpointRetrievalException(
              "checkpoint "
                  + n
                  + ": the stored L1-to-L2 messages give inHash "
                  + inHash
                  + " but its header says "
                  + cp.header().inHash()
                  + " (messages out of sync with checkpoints; will retry)");
        }
        valid.add(r.archived());
        syncedTo = e.l1().blockNumber();
      }
    } catch (CheckpointRetrievalException ex) {
      LOG.warn("archiver: {}", ex.getMessage());
      futures.forEach(f -> f.cancel(true));
      if (!valid.isEmpty()) {
        store.addCheckpoints(valid, valid.getLast().l1BlockNumber());
        feed.ifPresent(WorldStateFeed::catchUp);
      }
      throw ex;
    }
    store.addCheckpoints(valid, Math.max(syncedTo, store.blocksSynchedTo()));
    feed.ifPresent(WorldStateFeed::catchUp);
    if (!valid.isEmpty()) {
      progress.stored(
          valid.getLast().number(), valid.getLast().l1BlockNumber(), head, valid.size());
    }
    return new int[] {valid.size(), invalid};
  }

  private CheckpointRetriever.Retrieved await(
      Future<CheckpointRetriever.Retrieved> f, CheckpointProposed e) {
    try {
      return f.get();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new CheckpointRetrievalException("interrupted", ie);
    } catch (ExecutionException ee) {
      Throwable c = ee.getCause();
      if (c instanceof CheckpointRetrievalException cre) {
        throw cre;
      }
      throw new CheckpointRetrievalException(
          "checkpoint " + e.checkpointNumber() + ": " + c.getMessage(), c);
    }
  }

  /** The stored L1→L2 messages of checkpoint {@code n}, in leaf order. */
  private List<Fr> messagesOf(long n) {
    long first = (n - 1) * Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP;
    List<Fr> out = new ArrayList<>();
    for (InboxMessage m :
        store.messagesFrom(first, Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP)) {
      if (m.checkpointNumber() != n) {
        break;
      }
      out.add(m.leaf());
    }
    return out;
  }

  /** Unwinds to the common ancestor when L1's archive differs from ours; returns how many. */
  private int handleReorg(long pending, String tag) {
    long local = store.latestCheckpointNumber();
    if (local == 0) {
      return 0;
    }
    long n = Math.min(local, pending);
    while (n > 0 && !l1.archiveAt(n, tag).equals(store.checkpointArchive(n).orElse(null))) {
      n--;
    }
    if (n == local) {
      return 0;
    }
    LOG.warn(
        "L1 reorg or prune: checkpoints {}..{} are no longer on L1; unwinding to {}",
        n + 1,
        local,
        n);
    long back = n == 0 ? 0 : store.checkpointL1Block(n).orElse(0L);
    store.unwindCheckpointsTo(n);
    store.setBlocksSynchedTo(back);
    if (store.provenCheckpointNumber() > n) {
      store.setProvenCheckpointNumber(n);
    }
    feed.ifPresent(WorldStateFeed::catchUp);
    return (int) (local - n);
  }

  private void updateProven(long provenOnL1, String tag) {
    long local = store.latestCheckpointNumber();
    long proven = Math.min(provenOnL1, local);
    if (proven == store.provenCheckpointNumber()) {
      return;
    }
    if (proven == 0
        || l1.archiveAt(proven, tag).equals(store.checkpointArchive(proven).orElse(null))) {
      store.setProvenCheckpointNumber(proven);
      progress.proven(proven);
    }
  }

  private void updateFinalized() {
    try {
      long finalized = l1.getProvenCheckpointNumber("finalized");
      long capped = Math.min(finalized, store.provenCheckpointNumber());
      if (capped > store.finalizedCheckpointNumber()) {
        store.setFinalizedCheckpointNumber(capped);
      }
    } catch (L1RpcException e) {
      if (!finalizedWarned) {
        LOG.warn("Failed to update the finalized checkpoint: {}", e.getMessage());
        finalizedWarned = true;
      }
    }
  }

  /**
   * Unwinds to the proven checkpoint because L1 would prune at its next block; returns how many.
   * The sync point stays: the pruned checkpoints' events are behind it, and L1 drops them on its
   * next proposal.
   */
  private int handleEpochPrune() {
    long local = store.latestCheckpointNumber();
    long proven = store.provenCheckpointNumber();
    if (local <= proven) {
      return 0;
    }
    LOG.warn(
        "The proof window of checkpoint {} has closed without a proof: unwinding checkpoints"
            + " {}..{} before L1 prunes them",
        proven + 1,
        proven + 1,
        local);
    store.unwindCheckpointsTo(proven);
    feed.ifPresent(WorldStateFeed::catchUp);
    return (int) (local - proven);
  }

  private long lastBlockOfCheckpoint(long checkpoint) {
    if (checkpoint == 0) {
      return 0;
    }
    long b = store.latestBlockNumber();
    while (b > 0 && store.block(b).checkpointNumber().value() > checkpoint) {
      b--;
    }
    return b;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
