package io.quetzal.archiver;

import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link SyncStore} in maps, for synchronizer tests. Not thread-safe beyond the monitor. */
final class InMemorySyncStore implements SyncStore {
  private final NavigableMap<Long, ArchivedCheckpoint> checkpoints = new TreeMap<>();
  private final NavigableMap<Long, L2Block> blocks = new TreeMap<>();
  private final NavigableMap<Long, InboxMessage> messages = new TreeMap<>();
  private long blocksSynchedTo;
  private long messagesSynchedTo;
  private long proven;
  private long finalized;

  @Override
  public synchronized long latestBlockNumber() {
    return blocks.isEmpty() ? 0 : blocks.lastKey();
  }

  @Override
  public synchronized L2Block block(long number) {
    return blocks.get(number);
  }

  @Override
  public synchronized List<Fr> l1ToL2Messages(long checkpointNumber) {
    List<Fr> out = new ArrayList<>();
    for (InboxMessage m : messages.values()) {
      if (m.checkpointNumber() == checkpointNumber) {
        out.add(m.leaf());
      }
    }
    return out;
  }

  @Override
  public synchronized long blocksSynchedTo() {
    return blocksSynchedTo;
  }

  @Override
  public synchronized void setBlocksSynchedTo(long l1Block) {
    blocksSynchedTo = l1Block;
  }

  @Override
  public synchronized long latestCheckpointNumber() {
    return checkpoints.isEmpty() ? 0 : checkpoints.lastKey();
  }

  @Override
  public synchronized Optional<Fr> checkpointArchive(long n) {
    return Optional.ofNullable(checkpoints.get(n)).map(c -> c.checkpoint().archive().root());
  }

  @Override
  public synchronized Optional<Long> checkpointL1Block(long n) {
    return Optional.ofNullable(checkpoints.get(n)).map(ArchivedCheckpoint::l1BlockNumber);
  }

  @Override
  public synchronized void addCheckpoints(List<ArchivedCheckpoint> cps, long syncedTo) {
    for (ArchivedCheckpoint c : cps) {
      if (c.number() != latestCheckpointNumber() + 1) {
        throw new IllegalStateException("checkpoint " + c.number() + " out of order");
      }
      checkpoints.put(c.number(), c);
      for (L2Block b : c.checkpoint().blocks()) {
        blocks.put(b.number().value(), b);
      }
    }
    blocksSynchedTo = syncedTo;
  }

  @Override
  public synchronized void unwindCheckpointsTo(long n) {
    checkpoints.tailMap(n, false).clear();
    long lastBlock = 0;
    for (Map.Entry<Long, L2Block> e : blocks.entrySet()) {
      if (e.getValue().checkpointNumber().value() <= n) {
        lastBlock = e.getKey();
      }
    }
    blocks.tailMap(lastBlock, false).clear();
  }

  @Override
  public synchronized long provenCheckpointNumber() {
    return proven;
  }

  @Override
  public synchronized void setProvenCheckpointNumber(long n) {
    proven = n;
  }

  @Override
  public synchronized long finalizedCheckpointNumber() {
    return finalized;
  }

  @Override
  public synchronized void setFinalizedCheckpointNumber(long n) {
    finalized = n;
  }

  @Override
  public synchronized long messageCount() {
    return messages.size();
  }

  @Override
  public synchronized Optional<InboxMessage> lastMessage() {
    return messages.isEmpty() ? Optional.empty() : Optional.of(messages.lastEntry().getValue());
  }

  @Override
  public synchronized List<InboxMessage> messagesFrom(long fromIndex, int limit) {
    return messages.tailMap(fromIndex, true).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized List<InboxMessage> messagesBackFrom(long index, int limit) {
    return messages.headMap(index, true).descendingMap().values().stream().limit(limit).toList();
  }

  @Override
  public synchronized void addMessages(List<InboxMessage> msgs, long syncedTo) {
    for (InboxMessage m : msgs) {
      messages.put(m.index(), m);
    }
    messagesSynchedTo = syncedTo;
  }

  @Override
  public synchronized void removeMessagesAfter(long index) {
    messages.tailMap(index, false).clear();
  }

  @Override
  public synchronized long messagesSynchedTo() {
    return messagesSynchedTo;
  }

  @Override
  public synchronized void setMessagesSynchedTo(long l1Block) {
    messagesSynchedTo = l1Block;
  }
}
