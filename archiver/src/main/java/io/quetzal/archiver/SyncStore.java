package io.quetzal.archiver;

import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.foundation.field.Fr;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link L1Synchronizer} needs from the archiver's store. Every write is atomic; reads see
 * committed state. Checkpoints are numbered from 1 with no gaps; L1→L2 messages are kept in Inbox
 * order (their global leaf index increases).
 */
public interface SyncStore extends WorldStateFeed.Source {
  /** The last L1 block whose checkpoint events are fully processed (0 at first). */
  long blocksSynchedTo();

  /** Moves the checkpoint sync point (forward past an invalid checkpoint, back on a reorg). */
  void setBlocksSynchedTo(long l1Block);

  /** The latest stored checkpoint (0 when none). */
  long latestCheckpointNumber();

  /** The archive root after checkpoint {@code n}, if stored. */
  Optional<Fr> checkpointArchive(long n);

  /** The L1 block in which checkpoint {@code n} was published, if stored. */
  Optional<Long> checkpointL1Block(long n);

  /** Appends checkpoints (numbers continuing the stored ones) and moves the sync point. */
  void addCheckpoints(List<ArchivedCheckpoint> checkpoints, long blocksSynchedTo);

  /** Removes every checkpoint above {@code n}, with its blocks and everything indexed from them. */
  void unwindCheckpointsTo(long n);

  /** The proven checkpoint (0 when none). */
  long provenCheckpointNumber();

  void setProvenCheckpointNumber(long n);

  /** The finalized checkpoint (0 when none). */
  long finalizedCheckpointNumber();

  void setFinalizedCheckpointNumber(long n);

  // ---- L1→L2 messages

  /** How many messages are stored. */
  long messageCount();

  /** The last stored message. */
  Optional<InboxMessage> lastMessage();

  /** The stored messages with global index at least {@code fromIndex}, in order (at most limit). */
  List<InboxMessage> messagesFrom(long fromIndex, int limit);

  /** The stored messages at or before {@code index}, newest first (at most limit). */
  List<InboxMessage> messagesBackFrom(long index, int limit);

  /**
   * Appends messages (indices increasing past the stored ones) and moves the message sync point.
   */
  void addMessages(List<InboxMessage> messages, long messagesSynchedTo);

  /** Removes the messages with global index above {@code index} (all when {@code index < 0}). */
  void removeMessagesAfter(long index);

  /** The last L1 block whose Inbox events are fully processed (0 at first). */
  long messagesSynchedTo();

  void setMessagesSynchedTo(long l1Block);
}
