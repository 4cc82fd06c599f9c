package io.quetzal.archiver;

import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.archiver.store.L1BlockId;
import io.quetzal.archiver.store.L1PublishedData;
import io.quetzal.archiver.store.PublishedCheckpoint;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link SyncStore} of a running node: the LMDB {@link ArchiverStore}. Checkpoints and their
 * sync point are written in one transaction (the store sets {@code blocksSynchedTo} to the last
 * checkpoint's L1 block); moving it further (past skipped invalid checkpoints) is a second, small
 * write, which a crash can only lose, making the next iteration look at those L1 blocks again.
 */
public final class StoreSync implements SyncStore {
  private final ArchiverStore store;

  public StoreSync(ArchiverStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The underlying store. */
  public ArchiverStore store() {
    return store;
  }

  @Override
  public long latestBlockNumber() {
    return store.latestBlockNumber();
  }

  @Override
  public L2Block block(long number) {
    return store.block(number);
  }

  @Override
  public List<Fr> l1ToL2Messages(long checkpointNumber) {
    return store.l1ToL2Messages(checkpointNumber);
  }

  @Override
  public long blocksSynchedTo() {
    Long b = store.blocksSynchedTo();
    return b == null ? 0 : b;
  }

  @Override
  public void setBlocksSynchedTo(long l1Block) {
    store.setBlocksSynchedTo(l1Block);
  }

  @Override
  public long latestCheckpointNumber() {
    return store.latestCheckpointNumber();
  }

  @Override
  public Optional<Fr> checkpointArchive(long n) {
    return Optional.ofNullable(store.checkpointData(n)).map(c -> c.archive().root());
  }

  @Override
  public Optional<Long> checkpointL1Block(long n) {
    CheckpointData c = store.checkpointData(n);
    return c == null ? Optional.empty() : Optional.of(c.l1().blockNumber());
  }

  @Override
  public void addCheckpoints(List<ArchivedCheckpoint> checkpoints, long syncedTo) {
    if (!checkpoints.isEmpty()) {
      List<PublishedCheckpoint> published = new ArrayList<>(checkpoints.size());
      for (ArchivedCheckpoint c : checkpoints) {
        published.add(
            new PublishedCheckpoint(
                c.checkpoint(),
                new L1PublishedData(c.l1BlockNumber(), c.l1Timestamp(), c.l1BlockHash()),
                c.attestations()));
      }
      store.addCheckpoints(published);
    }
    if (syncedTo > blocksSynchedTo()) {
      store.setBlocksSynchedTo(syncedTo);
    }
  }

  @Override
  public void unwindCheckpointsTo(long n) {
    store.removeCheckpointsAfter(n);
  }

  @Override
  public long provenCheckpointNumber() {
    return store.provenCheckpointNumber();
  }

  @Override
  public void setProvenCheckpointNumber(long n) {
    store.setProvenCheckpointNumber(n);
  }

  @Override
  public long finalizedCheckpointNumber() {
    return store.finalizedCheckpointNumber();
  }

  @Override
  public void setFinalizedCheckpointNumber(long n) {
    store.setFinalizedCheckpointNumber(n);
  }

  @Override
  public long messageCount() {
    return store.totalL1ToL2MessageCount();
  }

  @Override
  public Optional<InboxMessage> lastMessage() {
    return Optional.ofNullable(store.lastL1ToL2Message());
  }

  @Override
  public List<InboxMessage> messagesFrom(long fromIndex, int limit) {
    List<InboxMessage> out = store.l1ToL2MessagesInRange(fromIndex, fromIndex + limit);
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  @Override
  public List<InboxMessage> messagesBackFrom(long index, int limit) {
    // Indices are sparse (1024 per checkpoint): widen the window until enough are found.
    long span = ArchiverStore.MESSAGES_PER_CHECKPOINT;
    while (true) {
      long from = Math.max(0, index - span + 1);
      List<InboxMessage> found = store.l1ToL2MessagesInRange(from, index + 1);
      if (found.size() >= limit || from == 0) {
        List<InboxMessage> newestFirst = new ArrayList<>(found.reversed());
        return newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
      }
      span *= 4;
    }
  }

  @Override
  public void addMessages(List<InboxMessage> messages, long syncedTo) {
    if (!messages.isEmpty()) {
      store.addL1ToL2Messages(messages);
    }
    if (syncedTo > messagesSynchedTo()) {
      store.setMessagesSynchedTo(new L1BlockId(syncedTo, Bytes32.ZERO));
    }
  }

  @Override
  public void removeMessagesAfter(long index) {
    store.removeL1ToL2Messages(index + 1);
  }

  @Override
  public long messagesSynchedTo() {
    L1BlockId id = store.messagesSynchedTo();
    return id == null ? 0 : id.number();
  }

  @Override
  public void setMessagesSynchedTo(long l1Block) {
    store.setMessagesSynchedTo(new L1BlockId(l1Block, Bytes32.ZERO));
  }
}
