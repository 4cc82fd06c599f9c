package io.quetzal.archiver.store;

import static io.quetzal.archiver.store.Codec.concat;
import static io.quetzal.archiver.store.Codec.prefixEnd;
import static io.quetzal.archiver.store.Codec.readU32;
import static io.quetzal.archiver.store.Codec.readU64;
import static io.quetzal.archiver.store.Codec.u32;
import static io.quetzal.archiver.store.Codec.u64;

import io.quetzal.ethereum.archive.Bytes16;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.KvCursor;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.KvEntry;
import io.quetzal.kvstore.KvReader;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.ReadSnapshot;
import io.quetzal.kvstore.WriteTxn;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.tx.TxEffect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archiver's store (the official {@code KVArchiverDataStore} with its block, log, message and
 * contract stores) on one {@link KvStore}. See the package notes for the key layout.
 *
 * <p>Writes: each public write method is one write transaction, so a crash leaves the store at a
 * method boundary; the store is written by one thread (the synchronizer). Reads: each read method
 * opens its own committed snapshot (no lock against the writer); {@link #read(Function)} runs
 * several reads on one snapshot.
 */
public final class ArchiverStore {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiverStore.class);

  /** Logs per tag per page ({@code MAX_LOGS_PER_TAG}). */
  public static final int MAX_LOGS_PER_TAG = 10;

  /** The default page size of public/contract-class log queries ({@code logsMaxPageSize}). */
  public static final int DEFAULT_LOGS_MAX_PAGE_SIZE = 1000;

  /** L1→L2 message leaves reserved per checkpoint. */
  public static final long MESSAGES_PER_CHECKPOINT = 1024;

  /** The hash of the empty checkpoint header (the checkpoint tips at number 0). */
  public static final Fr GENESIS_CHECKPOINT_HEADER_HASH =
      new CheckpointHeader(
              Fr.ZERO,
              Fr.ZERO,
              Fr.ZERO,
              Fr.ZERO,
              Fr.ZERO,
              SlotNumber.ZERO,
              0,
              EthAddress.ZERO,
              AztecAddress.ZERO,
              GasFees.EMPTY,
              Fr.ZERO)
          .hash();

  private static final byte[] K_BLOCKS_SYNCHED = ascii("blocksSynchedTo");
  private static final byte[] K_MESSAGES_SYNCHED = ascii("messagesSynchedTo");
  private static final byte[] K_PROVEN = ascii("provenCheckpoint");
  private static final byte[] K_FINALIZED = ascii("finalizedCheckpoint");
  private static final byte[] K_VALIDATION = ascii("pendingChainValidationStatus");
  private static final byte[] K_MESSAGE_COUNT = ascii("l1ToL2MessageCount");

  private final KvStore kv;
  private final Fr genesisBlockHash;
  private final int logsMaxPageSize;
  private final KvDatabase blocks;
  private final KvDatabase txEffects;
  private final KvDatabase blockHashIndex;
  private final KvDatabase blockArchiveIndex;
  private final KvDatabase checkpoints;
  private final KvDatabase slotToCheckpoint;
  private final KvDatabase meta;
  private final KvDatabase messages;
  private final KvDatabase messageIndices;
  private final KvDatabase privateLogsByTag;
  private final KvDatabase publicLogsByTag;
  private final KvDatabase publicLogsByBlock;
  private final KvDatabase classLogsByBlock;
  private final KvDatabase contractClasses;
  private final KvDatabase contractInstances;
  private final KvDatabase instanceUpdates;

  /**
   * Opens the store's databases in {@code kv}.
   *
   * @param genesisBlockHash the hash of block 0 (the world state's initial header hash), reported
   *     by the tips before any block and for unproven/unfinalized chains
   */
  public ArchiverStore(KvStore kv, Fr genesisBlockHash) {
    this(kv, genesisBlockHash, DEFAULT_LOGS_MAX_PAGE_SIZE);
  }

  public ArchiverStore(KvStore kv, Fr genesisBlockHash, int logsMaxPageSize) {
    this.kv = Objects.requireNonNull(kv, "kv");
    this.genesisBlockHash = Objects.requireNonNull(genesisBlockHash, "genesisBlockHash");
    if (logsMaxPageSize < 1) {
      throw new IllegalArgumentException("logsMaxPageSize must be positive");
    }
    this.logsMaxPageSize = logsMaxPageSize;
    blocks = kv.database("archiver_blocks");
    txEffects = kv.database("archiver_tx_effects");
    blockHashIndex = kv.database("archiver_block_hash_index");
    blockArchiveIndex = kv.database("archiver_block_archive_index");
    checkpoints = kv.database("archiver_checkpoints");
    slotToCheckpoint = kv.database("archiver_slot_to_checkpoint");
    meta = kv.database("archiver_meta");
    messages = kv.database("archiver_l1_to_l2_messages");
    messageIndices = kv.database("archiver_l1_to_l2_message_indices");
    privateLogsByTag = kv.database("archiver_private_logs_by_tag");
    publicLogsByTag = kv.database("archiver_public_logs_by_tag");
    publicLogsByBlock = kv.database("archiver_public_logs_by_block");
    classLogsByBlock = kv.database("archiver_contract_class_logs_by_block");
    contractClasses = kv.database("archiver_contract_classes");
    contractInstances = kv.database("archiver_contract_instances");
    instanceUpdates = kv.database("archiver_contract_instance_updates");
  }

  /** The names of every database the store uses (for tests and tooling). */
  public static List<String> databaseNames() {
    return List.of(
        "archiver_blocks",
        "archiver_tx_effects",
        "archiver_block_hash_index",
        "archiver_block_archive_index",
        "archiver_checkpoints",
        "archiver_slot_to_checkpoint",
        "archiver_meta",
        "archiver_l1_to_l2_messages",
        "archiver_l1_to_l2_message_indices",
        "archiver_private_logs_by_tag",
        "archiver_public_logs_by_tag",
        "archiver_public_logs_by_block",
        "archiver_contract_class_logs_by_block",
        "archiver_contract_classes",
        "archiver_contract_instances",
        "archiver_contract_instance_updates");
  }

  // =====================================================================================
  // Writes
  // =====================================================================================

  /** {@link #addCheckpoints(List, byte[])} without changing the validation status. */
  public void addCheckpoints(List<PublishedCheckpoint> published) {
    addCheckpoints(published, null);
  }

  /**
   * Appends checkpoints (the official {@code addCheckpoints} of the store updater): their blocks,
   * tx effects, hash/archive indices, logs and the contract classes, instances and updates their
   * logs publish, the slot index, and {@code blocksSynchedTo} = the last one's L1 block; plus the
   * pending-chain validation status when not null. One transaction.
   *
   * @throws ArchiverStoreException if the first checkpoint does not follow the latest, or numbers,
   *     block numbers, indices or the archive chain are not sequential
   */
  public void addCheckpoints(List<PublishedCheckpoint> published, byte[] validationStatus) {
    if (published.isEmpty()) {
      if (validationStatus != null) {
        setPendingChainValidationStatus(validationStatus);
      }
      return;
    }
    kv.write(
        txn -> {
          long prevCp = latestCheckpointNumber(txn);
          long first = published.get(0).checkpoint().number().value();
          if (first != prevCp + 1) {
            throw new ArchiverStoreException(
                "checkpoint " + first + " does not follow the latest checkpoint " + prevCp);
          }
          long prevBlockNumber = 0;
          Fr prevArchive = null;
          if (prevCp > 0) {
            CheckpointData prev = checkpointData(txn, prevCp);
            prevBlockNumber = prev.lastBlock();
            prevArchive = blockMeta(txn, prevBlockNumber).archive().root();
          }
          long expectedCp = first;
          for (PublishedCheckpoint pc : published) {
            Checkpoint cp = pc.checkpoint();
            long n = cp.number().value();
            if (n != expectedCp) {
              throw new ArchiverStoreException(
                  "checkpoint " + n + " does not follow checkpoint " + (expectedCp - 1));
            }
            if (cp.blocks().isEmpty()) {
              throw new ArchiverStoreException("checkpoint " + n + " has no blocks");
            }
            for (int i = 0; i < cp.blocks().size(); i++) {
              L2Block b = cp.blocks().get(i);
              long bn = b.number().value();
              if (bn != prevBlockNumber + 1) {
                throw new ArchiverStoreException(
                    "block " + bn + " does not follow block " + prevBlockNumber);
              }
              if (b.indexWithinCheckpoint() != i) {
                throw new ArchiverStoreException(
                    "block " + bn + " has index " + b.indexWithinCheckpoint() + ", expected " + i);
              }
              if (prevArchive != null && !prevArchive.equals(b.header().lastArchive().root())) {
                throw new ArchiverStoreException(
                    "block " + bn + " does not build on the archive of block " + prevBlockNumber);
              }
              putBlock(txn, b, n, i);
              prevBlockNumber = bn;
              prevArchive = b.archive().root();
            }
            long start = cp.blocks().get(0).number().value();
            txn.put(checkpoints, u32(n), Codec.checkpointValue(pc, start, cp.blocks().size()));
            txn.put(slotToCheckpoint, u64(cp.header().slotNumber().value()), u32(n));
            expectedCp++;
          }
          txn.put(
              meta, K_BLOCKS_SYNCHED, u64(published.get(published.size() - 1).l1().blockNumber()));
          if (validationStatus != null) {
            txn.put(meta, K_VALIDATION, validationStatus.clone());
          }
          return null;
        });
  }

  private void putBlock(WriteTxn txn, L2Block b, long cpNumber, int index) {
    long bn = b.number().value();
    Fr hash = b.hash();
    byte[] hashBytes = hash.toBytes();
    List<TxEffect> effects = b.body().txEffects();
    BufferWriter w = new BufferWriter(1024 + 32 * effects.size());
    w.writeBytes(hashBytes).writeNumber(cpNumber).writeNumber(index);
    b.archive().writeTo(w);
    b.header().writeTo(w);
    w.writeNumber(effects.size());
    for (TxEffect e : effects) {
      w.writeFr(e.txHash());
    }
    txn.put(blocks, u32(bn), w.toByteArray());
    long timestamp = b.header().globalVariables().timestamp();
    BufferWriter pub = new BufferWriter(64);
    pub.writeBytes(hashBytes);
    BufferWriter ccl = new BufferWriter(64);
    ccl.writeBytes(hashBytes);
    int updateIndex = 0;
    for (int t = 0; t < effects.size(); t++) {
      TxEffect e = effects.get(t);
      byte[] txHash = e.txHash().toBytes();
      BufferWriter tw = new BufferWriter(256);
      tw.writeNumber(bn).writeNumber(t).writeBytes(hashBytes);
      e.writeTo(tw);
      txn.put(txEffects, txHash, tw.toByteArray());
      Fr firstNullifier = e.nullifiers().isEmpty() ? Fr.ZERO : e.nullifiers().get(0);
      // private logs by tag (the tag is the first field)
      for (int l = 0; l < e.privateLogs().size(); l++) {
        PrivateLog log = e.privateLogs().get(l);
        TxScopedL2Log scoped =
            new TxScopedL2Log(
                e.txHash(), bn, timestamp, log.emittedFields(), e.noteHashes(), firstNullifier);
        txn.put(
            privateLogsByTag,
            concat(log.fields().get(0).toBytes(), u32(bn), u32(t), u32(l)),
            Codec.scopedLogValue(scoped));
        Optional<ContractInstance> inst = ContractEvents.instancePublished(log);
        if (inst.isPresent()) {
          if (ContractEvents.addressMatches(inst.get())) {
            txn.put(
                contractInstances,
                inst.get().address().toField().toBytes(),
                Codec.instanceValue(inst.get(), bn));
          } else {
            LOG.warn(
                "Contract instance {} in block {} does not match its derived address; ignored",
                inst.get().address(),
                bn);
          }
        }
      }
      // public logs: by (contract, tag) and per block
      pub.writeNumber(t).writeBytes(txHash).writeNumber(e.publicLogs().size());
      for (int l = 0; l < e.publicLogs().size(); l++) {
        PublicLog log = e.publicLogs().get(l);
        log.writeTo(pub);
        if (!log.fields().isEmpty()) {
          TxScopedL2Log scoped =
              new TxScopedL2Log(
                  e.txHash(), bn, timestamp, log.fields(), e.noteHashes(), firstNullifier);
          txn.put(
              publicLogsByTag,
              concat(
                  log.contractAddress().toField().toBytes(),
                  log.fields().get(0).toBytes(),
                  u32(bn),
                  u32(t),
                  u32(l)),
              Codec.scopedLogValue(scoped));
        }
        Optional<ContractInstanceUpdate> upd = ContractEvents.instanceUpdated(log);
        if (upd.isPresent()) {
          txn.put(
              instanceUpdates,
              concat(upd.get().address().toField().toBytes(), u64(timestamp), u32(updateIndex++)),
              Codec.updateValue(upd.get()));
        }
      }
      // contract class logs per block, and the classes they publish
      ccl.writeNumber(t).writeBytes(txHash).writeNumber(e.contractClassLogs().size());
      for (ContractClassLog log : e.contractClassLogs()) {
        log.writeTo(ccl);
        Optional<ContractClassPublic> cls = ContractEvents.classPublished(log, bn);
        if (cls.isPresent()) {
          byte[] key = cls.get().id().toBytes();
          if (txn.get(contractClasses, key) == null) {
            txn.put(contractClasses, key, Codec.classValue(cls.get()));
          }
        } else if (log.contractAddress().equals(ContractEvents.CLASS_REGISTRY)
            && !log.fields().isEmpty()
            && log.fields().get(0).equals(ContractEvents.CLASS_PUBLISHED_MAGIC)) {
          LOG.warn("Invalid contract class publication in block {}; ignored", bn);
        }
      }
    }
    txn.put(publicLogsByBlock, u32(bn), pub.toByteArray());
    txn.put(classLogsByBlock, u32(bn), ccl.toByteArray());
    txn.put(blockHashIndex, hashBytes, u32(bn));
    txn.put(blockArchiveIndex, b.archive().root().toBytes(), u32(bn));
  }

  private void deleteBlock(WriteTxn txn, L2Block b) {
    long bn = b.number().value();
    long timestamp = b.header().globalVariables().timestamp();
    txn.delete(blocks, u32(bn));
    List<TxEffect> effects = b.body().txEffects();
    int updateIndex = 0;
    for (int t = 0; t < effects.size(); t++) {
      TxEffect e = effects.get(t);
      txn.delete(txEffects, e.txHash().toBytes());
      for (int l = 0; l < e.privateLogs().size(); l++) {
        PrivateLog log = e.privateLogs().get(l);
        txn.delete(
            privateLogsByTag, concat(log.fields().get(0).toBytes(), u32(bn), u32(t), u32(l)));
        ContractEvents.instancePublished(log)
            .ifPresent(i -> txn.delete(contractInstances, i.address().toField().toBytes()));
      }
      for (int l = 0; l < e.publicLogs().size(); l++) {
        PublicLog log = e.publicLogs().get(l);
        if (!log.fields().isEmpty()) {
          txn.delete(
              publicLogsByTag,
              concat(
                  log.contractAddress().toField().toBytes(),
                  log.fields().get(0).toBytes(),
                  u32(bn),
                  u32(t),
                  u32(l)));
        }
        Optional<ContractInstanceUpdate> upd = ContractEvents.instanceUpdated(log);
        if (upd.isPresent()) {
          txn.delete(
              instanceUpdates,
              concat(upd.get().address().toField().toBytes(), u64(timestamp), u32(updateIndex++)));
        }
      }
      for (ContractClassLog log : e.contractClassLogs()) {
        Optional<ContractClassPublic> cls = ContractEvents.classPublished(log, bn);
        if (cls.isPresent()) {
          byte[] key = cls.get().id().toBytes();
          byte[] stored = txn.get(contractClasses, key);
          if (stored != null && Codec.contractClass(cls.get().id(), stored).l2BlockNumber() >= bn) {
            txn.delete(contractClasses, key);
          }
        }
      }
    }
    txn.delete(publicLogsByBlock, u32(bn));
    txn.delete(classLogsByBlock, u32(bn));
    txn.delete(blockHashIndex, b.hash().toBytes());
    txn.delete(blockArchiveIndex, b.archive().root().toBytes());
  }

  /**
   * Removes every checkpoint after {@code checkpointNumber} and every block after its last block,
   * with their tx effects, indices, logs and the contract data they published (the official {@code
   * removeCheckpointsAfter} of the store updater); lowers the proven checkpoint to it if it was
   * above and clears the pending-chain validation status (a prune returns to a valid chain). One
   * transaction.
   *
   * @return the removed blocks, oldest first (empty if nothing was after it)
   */
  public List<L2Block> removeCheckpointsAfter(long checkpointNumber) {
    return kv.write(
        txn -> {
          long latest = latestCheckpointNumber(txn);
          if (checkpointNumber >= latest) {
            return List.<L2Block>of();
          }
          if (provenRaw(txn) > checkpointNumber) {
            txn.put(meta, K_PROVEN, u32(Math.max(0, checkpointNumber)));
          }
          long lastBlockToKeep =
              checkpointNumber <= 0 ? 0 : checkpointData(txn, checkpointNumber).lastBlock();
          long latestBlock = latestBlockNumber(txn);
          List<L2Block> removed = new ArrayList<>();
          for (long bn = lastBlockToKeep + 1; bn <= latestBlock; bn++) {
            L2Block b = block(txn, bn);
            if (b != null) {
              removed.add(b);
            }
          }
          // delete newest first so a class published twice keeps its first publication
          for (int i = removed.size() - 1; i >= 0; i--) {
            deleteBlock(txn, removed.get(i));
          }
          for (long c = latest; c > checkpointNumber; c--) {
            byte[] v = txn.get(checkpoints, u32(c));
            if (v != null) {
              CheckpointData d = Codec.checkpointData(c, v);
              txn.delete(slotToCheckpoint, u64(d.header().slotNumber().value()));
              txn.delete(checkpoints, u32(c));
            }
          }
          txn.delete(meta, K_VALIDATION);
          return List.copyOf(removed);
        });
  }

  /**
   * Unwinds {@code count} checkpoints from {@code from}, which must be the latest (the official
   * {@code unwindCheckpoints}): the same as {@code removeCheckpointsAfter(from - count)}.
   */
  public List<L2Block> unwindCheckpoints(long from, long count) {
    long latest = latestCheckpointNumber();
    if (from != latest) {
      throw new ArchiverStoreException(
          "can only unwind checkpoints from the tip (requested " + from + ", tip " + latest + ")");
    }
    if (count < 0 || count > from) {
      throw new IllegalArgumentException("cannot unwind " + count + " checkpoints from " + from);
    }
    return removeCheckpointsAfter(from - count);
  }

  /** Sets the proven checkpoint number (reads clamp it to the latest checkpoint). */
  public void setProvenCheckpointNumber(long checkpointNumber) {
    kv.write(
        txn -> {
          txn.put(meta, K_PROVEN, u32(checkpointNumber));
          return null;
        });
  }

  /** Sets the finalized checkpoint number (reads clamp it to the latest checkpoint). */
  public void setFinalizedCheckpointNumber(long checkpointNumber) {
    kv.write(
        txn -> {
          txn.put(meta, K_FINALIZED, u32(checkpointNumber));
          return null;
        });
  }

  /** Sets {@code blocksSynchedTo}, the L1 block up to which checkpoints were processed. */
  public void setBlocksSynchedTo(long l1BlockNumber) {
    kv.write(
        txn -> {
          txn.put(meta, K_BLOCKS_SYNCHED, u64(l1BlockNumber));
          return null;
        });
  }

  /** Sets {@code messagesSynchedTo}. */
  public void setMessagesSynchedTo(L1BlockId l1Block) {
    kv.write(
        txn -> {
          putMessagesSynched(txn, l1Block);
          return null;
        });
  }

  /** Stores the pending-chain validation status (opaque bytes), or clears it when null. */
  public void setPendingChainValidationStatus(byte[] status) {
    kv.write(
        txn -> {
          if (status == null) {
            txn.delete(meta, K_VALIDATION);
          } else {
            txn.put(meta, K_VALIDATION, status.clone());
          }
          return null;
        });
  }

  /**
   * Appends L1→L2 messages (the official {@code MessageStore.addL1ToL2Messages}): each must chain
   * its rolling hash from the previous message, lie in its checkpoint's 1024-leaf range and follow
   * the previous index (first of a new checkpoint: the range start); a message at or below the last
   * index is accepted again only with the same rolling hash. Moves {@code messagesSynchedTo}
   * forward to the last message's L1 block. One transaction.
   *
   * @throws ArchiverStoreException naming the first offending message (nothing is written)
   */
  public void addL1ToL2Messages(List<InboxMessage> msgs) {
    if (msgs.isEmpty()) {
      return;
    }
    kv.write(
        txn -> {
          InboxMessage last = lastMessage(txn);
          long added = 0;
          for (InboxMessage m : msgs) {
            if (last != null && m.index() <= last.index()) {
              byte[] existing = txn.get(messages, u64(m.index()));
              if (existing != null
                  && Codec.message(existing).rollingHash().equals(m.rollingHash())) {
                txn.put(messages, u64(m.index()), Codec.messageValue(m));
                continue;
              }
              throw new ArchiverStoreException(
                  "L1 to L2 message "
                      + m.index()
                      + " comes before the last stored message "
                      + last.index());
            }
            Bytes16 prev = last == null ? Bytes16.ZERO : last.rollingHash();
            if (!InboxMessage.nextRollingHash(prev, m.leaf()).equals(m.rollingHash())) {
              throw new ArchiverStoreException(
                  "L1 to L2 message " + m.index() + " has an invalid rolling hash");
            }
            long start = (m.checkpointNumber() - 1) * MESSAGES_PER_CHECKPOINT;
            if (m.checkpointNumber() < 1
                || m.index() < start
                || m.index() >= start + MESSAGES_PER_CHECKPOINT) {
              throw new ArchiverStoreException(
                  "L1 to L2 message index "
                      + m.index()
                      + " is outside checkpoint "
                      + m.checkpointNumber()
                      + "'s range");
            }
            if (last != null
                && m.checkpointNumber() == last.checkpointNumber()
                && m.index() != last.index() + 1) {
              throw new ArchiverStoreException(
                  "L1 to L2 message " + m.index() + " is missing its predecessor");
            }
            if ((last == null || m.checkpointNumber() > last.checkpointNumber())
                && m.index() != start) {
              throw new ArchiverStoreException(
                  "L1 to L2 message " + m.index() + " should be at index " + start);
            }
            txn.put(messages, u64(m.index()), Codec.messageValue(m));
            txn.put(messageIndices, m.leaf().toBytes(), u64(m.index()));
            added++;
            last = m;
          }
          L1BlockId sync = messagesSynchedTo(txn);
          if (sync == null || sync.number() < last.l1BlockNumber()) {
            putMessagesSynched(txn, new L1BlockId(last.l1BlockNumber(), last.l1().blockHash()));
          }
          if (added > 0) {
            txn.put(meta, K_MESSAGE_COUNT, u64(messageCount(txn) + added));
          }
          return null;
        });
  }

  /** Deletes every L1→L2 message at or after {@code startIndex}; returns how many. */
  public long removeL1ToL2Messages(long startIndex) {
    return kv.write(
        txn -> {
          List<byte[]> keys = new ArrayList<>();
          List<Fr> leaves = new ArrayList<>();
          txn.forEach(
              messages,
              u64(startIndex),
              null,
              (k, v) -> {
                keys.add(k);
                leaves.add(Codec.message(v).leaf());
                return true;
              });
          for (int i = 0; i < keys.size(); i++) {
            txn.delete(messages, keys.get(i));
            txn.delete(messageIndices, leaves.get(i).toBytes());
          }
          if (!keys.isEmpty()) {
            txn.put(meta, K_MESSAGE_COUNT, u64(messageCount(txn) - keys.size()));
          }
          return (long) keys.size();
        });
  }

  /** Deletes the messages of every checkpoint after {@code checkpointNumber}. */
  public long rollbackL1ToL2MessagesToCheckpoint(long checkpointNumber) {
    return removeL1ToL2Messages(checkpointNumber * MESSAGES_PER_CHECKPOINT);
  }

  private void putMessagesSynched(WriteTxn txn, L1BlockId id) {
    txn.put(meta, K_MESSAGES_SYNCHED, concat(u64(id.number()), id.hash().toBytes()));
  }

  // =====================================================================================
  // Reads
  // =====================================================================================

  /** Runs {@code reads} on one committed snapshot, for several reads that must agree. */
  public <T> T read(Function<View, T> reads) {
    try (ReadSnapshot s = kv.snapshot()) {
      return reads.apply(new View(s));
    }
  }

  /** Reads over one consistent state of the store; valid only inside {@link #read(Function)}. */
  public final class View {
    private final KvReader r;

    private View(KvReader r) {
      this.r = r;
    }

    public long latestBlockNumber() {
      return ArchiverStore.this.latestBlockNumber(r);
    }

    public long latestCheckpointNumber() {
      return ArchiverStore.this.latestCheckpointNumber(r);
    }

    public L2Block block(long number) {
      return ArchiverStore.this.block(r, number);
    }

    public CheckpointData checkpointData(long number) {
      byte[] v = r.get(checkpoints, u32(number));
      return v == null ? null : Codec.checkpointData(number, v);
    }

    public L2Tips tips() {
      return ArchiverStore.this.tips(r);
    }
  }

  /**
   * The latest block number (0 when empty); with only checkpointed blocks, the checkpointed one.
   */
  public long latestBlockNumber() {
    return read(View::latestBlockNumber);
  }

  /** The latest checkpoint number (0 when empty). */
  public long latestCheckpointNumber() {
    return read(View::latestCheckpointNumber);
  }

  /** The last block of the latest checkpoint (0 when empty). */
  public long checkpointedBlockNumber() {
    return read(v -> lastBlockOf(v.r, latestCheckpointNumber(v.r)));
  }

  /** The proven checkpoint number, clamped to the latest checkpoint. */
  public long provenCheckpointNumber() {
    return read(v -> Math.min(provenRaw(v.r), latestCheckpointNumber(v.r)));
  }

  /** The finalized checkpoint number, clamped to the latest checkpoint. */
  public long finalizedCheckpointNumber() {
    return read(v -> Math.min(finalizedRaw(v.r), latestCheckpointNumber(v.r)));
  }

  /** The last block of the proven checkpoint (0 when none). */
  public long provenBlockNumber() {
    return read(v -> lastBlockOf(v.r, Math.min(provenRaw(v.r), latestCheckpointNumber(v.r))));
  }

  /** The last block of the finalized checkpoint (0 when none). */
  public long finalizedBlockNumber() {
    return read(v -> lastBlockOf(v.r, Math.min(finalizedRaw(v.r), latestCheckpointNumber(v.r))));
  }

  /** {@code blocksSynchedTo}: the L1 block up to which checkpoints were processed, or null. */
  public Long blocksSynchedTo() {
    return read(
        v -> {
          byte[] b = v.r.get(meta, K_BLOCKS_SYNCHED);
          return b == null ? null : readU64(b, 0);
        });
  }

  /** {@code messagesSynchedTo}, or null. */
  public L1BlockId messagesSynchedTo() {
    return read(v -> messagesSynchedTo(v.r));
  }

  /** The pending-chain validation status as stored, or null. */
  public byte[] pendingChainValidationStatus() {
    return read(
        v -> {
          byte[] b = v.r.get(meta, K_VALIDATION);
          return b == null ? null : b.clone();
        });
  }

  /** The block {@code number}, or null. */
  public L2Block block(long number) {
    return read(v -> block(v.r, number));
  }

  /** The block whose hash is {@code hash}, or null. */
  public L2Block blockByHash(Fr hash) {
    return read(v -> blockByIndex(v.r, blockHashIndex, hash));
  }

  /** The block whose archive root is {@code archiveRoot}, or null. */
  public L2Block blockByArchive(Fr archiveRoot) {
    return read(v -> blockByIndex(v.r, blockArchiveIndex, archiveRoot));
  }

  /** The header of block {@code number}, or null. */
  public BlockHeader blockHeader(long number) {
    return read(
        v -> {
          BlockMeta m = blockMetaOrNull(v.r, number);
          return m == null ? null : m.header();
        });
  }

  /** The header of the block whose hash is {@code hash}, or null. */
  public BlockHeader blockHeaderByHash(Fr hash) {
    return read(v -> headerByIndex(v.r, blockHashIndex, hash));
  }

  /** The header of the block whose archive root is {@code archiveRoot}, or null. */
  public BlockHeader blockHeaderByArchive(Fr archiveRoot) {
    return read(v -> headerByIndex(v.r, blockArchiveIndex, archiveRoot));
  }

  /** The number of the block whose hash is {@code hash}, or null. */
  public Long blockNumberByHash(Fr hash) {
    return read(
        v -> {
          byte[] n = v.r.get(blockHashIndex, hash.toBytes());
          return n == null ? null : readU32(n, 0);
        });
  }

  /** Up to {@code limit} consecutive blocks from {@code from} ({@code node_getBlocks}). */
  public List<L2Block> blocks(long from, int limit) {
    checkRange(from, limit);
    return read(
        v -> {
          List<L2Block> out = new ArrayList<>();
          for (long n = from; n < from + limit; n++) {
            L2Block b = block(v.r, n);
            if (b == null) {
              break;
            }
            out.add(b);
          }
          return out;
        });
  }

  /** Up to {@code limit} consecutive block headers from {@code from}. */
  public List<BlockHeader> blockHeaders(long from, int limit) {
    checkRange(from, limit);
    return read(
        v -> {
          List<BlockHeader> out = new ArrayList<>();
          for (long n = from; n < from + limit; n++) {
            BlockMeta m = blockMetaOrNull(v.r, n);
            if (m == null) {
              break;
            }
            out.add(m.header());
          }
          return out;
        });
  }

  /** The checkpoint data (without blocks) of checkpoint {@code number}, or null. */
  public CheckpointData checkpointData(long number) {
    return read(v -> v.checkpointData(number));
  }

  /**
   * Checkpoint {@code number} with its blocks and L1 data ({@code node_getCheckpoints}), or null.
   */
  public PublishedCheckpoint checkpoint(long number) {
    return read(v -> publishedCheckpoint(v.r, number));
  }

  /**
   * Up to {@code limit} consecutive checkpoints from {@code from} ({@code node_getCheckpoints}).
   */
  public List<PublishedCheckpoint> checkpoints(long from, int limit) {
    checkRange(from, limit);
    return read(
        v -> {
          List<PublishedCheckpoint> out = new ArrayList<>();
          for (long n = from; n < from + limit; n++) {
            PublishedCheckpoint pc = publishedCheckpoint(v.r, n);
            if (pc == null) {
              break;
            }
            out.add(pc);
          }
          return out;
        });
  }

  /** The checkpoints whose slot is in {@code [startSlot, endSlot]}, in slot order. */
  public List<CheckpointData> checkpointsForSlotRange(long startSlot, long endSlot) {
    return read(
        v -> {
          List<CheckpointData> out = new ArrayList<>();
          if (endSlot < startSlot) {
            return out;
          }
          v.r.forEach(
              slotToCheckpoint,
              u64(startSlot),
              endSlot == Long.MAX_VALUE ? null : u64(endSlot + 1),
              (k, val) -> {
                CheckpointData d = v.checkpointData(readU32(val, 0));
                if (d != null) {
                  out.add(d);
                }
                return true;
              });
          return out;
        });
  }

  /** The blocks of checkpoint {@code number}, or null when it is not stored. */
  public List<L2Block> blocksForCheckpoint(long number) {
    return read(
        v -> {
          CheckpointData d = v.checkpointData(number);
          if (d == null) {
            return null;
          }
          List<L2Block> out = new ArrayList<>(d.blockCount());
          for (long n = d.startBlock(); n <= d.lastBlock(); n++) {
            out.add(block(v.r, n));
          }
          return out;
        });
  }

  /** The tx effect of {@code txHash} with its block ({@code node_getTxEffect}), or null. */
  public IndexedTxEffect txEffect(Fr txHash) {
    return read(v -> indexedTxEffect(v.r, txHash));
  }

  /**
   * The settled receipt of {@code txHash} (the official {@code getSettledTxReceipt}), or null when
   * the tx is not in a stored block. {@code epochDuration} (slots per epoch) gives the epoch
   * number; pass 0 to leave it null.
   */
  public TxReceipt txReceipt(Fr txHash, long epochDuration) {
    return read(
        v -> {
          IndexedTxEffect e = indexedTxEffect(v.r, txHash);
          if (e == null) {
            return null;
          }
          long latestCp = latestCheckpointNumber(v.r);
          long finalized = lastBlockOf(v.r, Math.min(finalizedRaw(v.r), latestCp));
          long proven = lastBlockOf(v.r, Math.min(provenRaw(v.r), latestCp));
          long checkpointed = lastBlockOf(v.r, latestCp);
          long bn = e.blockNumber();
          TxReceipt.TxStatus status =
              bn <= finalized
                  ? TxReceipt.TxStatus.FINALIZED
                  : bn <= proven
                      ? TxReceipt.TxStatus.PROVEN
                      : bn <= checkpointed
                          ? TxReceipt.TxStatus.CHECKPOINTED
                          : TxReceipt.TxStatus.PROPOSED;
          Long epoch = null;
          if (epochDuration > 0) {
            BlockMeta m = blockMetaOrNull(v.r, bn);
            if (m != null) {
              epoch = m.header().globalVariables().slotNumber().value() / epochDuration;
            }
          }
          return new TxReceipt(
              txHash,
              status,
              e.data().revertCode(),
              e.data().transactionFee().toBigInteger(),
              e.blockHash(),
              bn,
              epoch);
        });
  }

  /** The chain tips ({@code node_getL2Tips}). */
  public L2Tips tips() {
    return read(View::tips);
  }

  private L2Tips tips(KvReader r) {
    long latestBlock = latestBlockNumber(r);
    long latestCp = latestCheckpointNumber(r);
    long provenCp = Math.min(provenRaw(r), latestCp);
    long finalizedCp = Math.min(finalizedRaw(r), latestCp);
    return new L2Tips(
        blockId(r, latestBlock),
        tip(r, lastBlockOf(r, latestCp)),
        tip(r, lastBlockOf(r, provenCp)),
        tip(r, lastBlockOf(r, finalizedCp)));
  }

  private L2Tips.BlockId blockId(KvReader r, long bn) {
    if (bn == 0) {
      return new L2Tips.BlockId(0, genesisBlockHash);
    }
    return new L2Tips.BlockId(bn, blockMeta(r, bn).hash());
  }

  private L2Tips.Tip tip(KvReader r, long bn) {
    if (bn == 0) {
      return new L2Tips.Tip(
          new L2Tips.BlockId(0, genesisBlockHash),
          new L2Tips.CheckpointId(0, GENESIS_CHECKPOINT_HEADER_HASH));
    }
    BlockMeta m = blockMeta(r, bn);
    byte[] cv = r.get(checkpoints, u32(m.checkpointNumber()));
    L2Tips.CheckpointId cp =
        cv == null
            ? new L2Tips.CheckpointId(0, GENESIS_CHECKPOINT_HEADER_HASH)
            : new L2Tips.CheckpointId(
                m.checkpointNumber(),
                Codec.checkpointData(m.checkpointNumber(), cv).header().hash());
    return new L2Tips.Tip(new L2Tips.BlockId(bn, m.hash()), cp);
  }

  // ---- messages

  /**
   * The leaves of checkpoint {@code checkpointNumber}'s L1→L2 messages, in index order, unpadded.
   */
  public List<Fr> l1ToL2Messages(long checkpointNumber) {
    long start = (checkpointNumber - 1) * MESSAGES_PER_CHECKPOINT;
    return read(
        v -> {
          List<Fr> out = new ArrayList<>();
          long[] expected = {start};
          v.r.forEach(
              messages,
              u64(start),
              u64(start + MESSAGES_PER_CHECKPOINT),
              (k, val) -> {
                InboxMessage m = Codec.message(val);
                if (m.checkpointNumber() != checkpointNumber || m.index() != expected[0]) {
                  throw new IllegalStateException(
                      "L1 to L2 message " + m.index() + " is out of place in the store");
                }
                expected[0]++;
                out.add(m.leaf());
                return true;
              });
          return out;
        });
  }

  /** The global index of the message {@code leaf}, or null ({@code getL1ToL2MessageIndex}). */
  public Long l1ToL2MessageIndex(Fr leaf) {
    return read(
        v -> {
          byte[] b = v.r.get(messageIndices, leaf.toBytes());
          return b == null ? null : readU64(b, 0);
        });
  }

  /** The stored message {@code leaf} (index, checkpoint, L1 data), or null. */
  public InboxMessage l1ToL2Message(Fr leaf) {
    return read(
        v -> {
          byte[] b = v.r.get(messageIndices, leaf.toBytes());
          if (b == null) {
            return null;
          }
          byte[] m = v.r.get(messages, b);
          return m == null ? null : Codec.message(m);
        });
  }

  /** The last stored message, or null. */
  public InboxMessage lastL1ToL2Message() {
    return read(v -> lastMessage(v.r));
  }

  /** The stored messages with {@code from <= index < toExclusive}, in index order. */
  public List<InboxMessage> l1ToL2MessagesInRange(long from, long toExclusive) {
    return read(
        v -> {
          List<InboxMessage> out = new ArrayList<>();
          if (toExclusive > from) {
            v.r.forEach(
                messages,
                u64(from),
                u64(toExclusive),
                (k, val) -> {
                  out.add(Codec.message(val));
                  return true;
                });
          }
          return out;
        });
  }

  /** How many L1→L2 messages are stored. */
  public long totalL1ToL2MessageCount() {
    return read(v -> messageCount(v.r));
  }

  // ---- logs

  /**
   * The private logs whose first field is each tag, {@link #MAX_LOGS_PER_TAG} per page, in chain
   * order ({@code getPrivateLogsByTags}).
   */
  public List<List<TxScopedL2Log>> privateLogsByTags(List<Fr> tags, int page) {
    return read(
        v -> {
          List<List<TxScopedL2Log>> out = new ArrayList<>(tags.size());
          for (Fr tag : tags) {
            out.add(taggedPage(v.r, privateLogsByTag, tag.toBytes(), page));
          }
          return out;
        });
  }

  /**
   * The public logs of {@code contract} whose first field is each tag, {@link #MAX_LOGS_PER_TAG}
   * per page ({@code getPublicLogsByTagsFromContract}).
   */
  public List<List<TxScopedL2Log>> publicLogsByTagsFromContract(
      AztecAddress contract, List<Fr> tags, int page) {
    return read(
        v -> {
          List<List<TxScopedL2Log>> out = new ArrayList<>(tags.size());
          for (Fr tag : tags) {
            out.add(
                taggedPage(
                    v.r,
                    publicLogsByTag,
                    concat(contract.toField().toBytes(), tag.toBytes()),
                    page));
          }
          return out;
        });
  }

  private static List<TxScopedL2Log> taggedPage(
      KvReader r, KvDatabase db, byte[] prefix, int page) {
    if (page < 0) {
      throw new IllegalArgumentException("page must be non-negative");
    }
    List<TxScopedL2Log> out = new ArrayList<>();
    long skip = (long) page * MAX_LOGS_PER_TAG;
    long[] seen = {0};
    r.forEach(
        db,
        prefix,
        prefixEnd(prefix),
        (k, val) -> {
          if (seen[0]++ < skip) {
            return true;
          }
          out.add(Codec.scopedLog(val));
          return out.size() < MAX_LOGS_PER_TAG;
        });
    return out;
  }

  /** Public logs matching {@code filter} ({@code node_getPublicLogs}, the official semantics). */
  public LogsResponse<PublicLog> publicLogs(LogFilter filter) {
    return read(v -> filterLogs(v.r, publicLogsByBlock, filter, PublicLog::fromBuffer, true));
  }

  /** Contract-class logs matching {@code filter} ({@code node_getContractClassLogs}). */
  public LogsResponse<ContractClassLog> contractClassLogs(LogFilter filter) {
    return read(
        v -> filterLogs(v.r, classLogsByBlock, filter, ContractClassLog::fromBuffer, false));
  }

  private record TxLogs<T>(Fr txHash, List<T> logs) {}

  private static <T> List<TxLogs<T>> decodeBlockLogs(
      BufferReader reader, Function<BufferReader, T> decode) {
    List<TxLogs<T>> txs = new ArrayList<>();
    while (reader.remainingBytes() > 0) {
      long idx = reader.readNumber();
      Fr txHash = reader.readFr();
      int n = (int) reader.readNumber();
      List<T> logs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        logs.add(decode.apply(reader));
      }
      while (txs.size() <= idx) {
        txs.add(null);
      }
      txs.set((int) idx, new TxLogs<>(txHash, logs));
    }
    return txs;
  }

  private <T> LogsResponse<T> filterLogs(
      KvReader r,
      KvDatabase db,
      LogFilter filter,
      Function<BufferReader, T> decode,
      boolean tagFilter) {
    List<ExtendedLog<T>> out = new ArrayList<>();
    if (filter.afterLog() == null && filter.txHash() != null) {
      byte[] tv = r.get(txEffects, filter.txHash().toBytes());
      if (tv == null) {
        return new LogsResponse<>(out, false);
      }
      long bn = readU32(tv, 0);
      int txIndex = (int) readU32(tv, 4);
      byte[] bv = r.get(db, u32(bn));
      BufferReader reader = new BufferReader(bv == null ? new byte[32] : bv);
      Fr blockHash = reader.readFr();
      List<TxLogs<T>> txs = decodeBlockLogs(reader, decode);
      TxLogs<T> tx = txIndex < txs.size() ? txs.get(txIndex) : null;
      boolean hit =
          tx != null
              && accumulate(out, bn, blockHash, txIndex, tx.txHash(), tx.logs(), filter, tagFilter);
      return new LogsResponse<>(out, hit);
    }
    long start =
        filter.afterLog() != null
            ? filter.afterLog().blockNumber()
            : Math.max(filter.fromBlock() == null ? 1 : filter.fromBlock(), 1);
    Long end = filter.toBlock();
    if (end != null && end < start) {
      return new LogsResponse<>(out, true);
    }
    boolean[] hit = {false};
    r.forEach(
        db,
        u32(Math.max(0, start)),
        end == null ? null : u32(Math.max(0, end)),
        (k, val) -> {
          long bn = readU32(k, 0);
          BufferReader reader = new BufferReader(val);
          Fr blockHash = reader.readFr();
          List<TxLogs<T>> txs = decodeBlockLogs(reader, decode);
          int firstTx = filter.afterLog() != null ? filter.afterLog().txIndex() : 0;
          for (int t = firstTx; t < txs.size(); t++) {
            TxLogs<T> tx = txs.get(t);
            hit[0] = accumulate(out, bn, blockHash, t, tx.txHash(), tx.logs(), filter, tagFilter);
            if (hit[0]) {
              return false;
            }
          }
          return true;
        });
    return new LogsResponse<>(out, hit[0]);
  }

  private <T> boolean accumulate(
      List<ExtendedLog<T>> out,
      long bn,
      Fr blockHash,
      int txIndex,
      Fr txHash,
      List<T> logs,
      LogFilter filter,
      boolean tagFilter) {
    // the official checks are truthiness checks: a 0 bound means no bound
    if (filter.fromBlock() != null && filter.fromBlock() != 0 && bn < filter.fromBlock()) {
      return false;
    }
    if (filter.toBlock() != null && filter.toBlock() != 0 && bn >= filter.toBlock()) {
      return false;
    }
    if (filter.txHash() != null && !txHash.equals(filter.txHash())) {
      return false;
    }
    int logIndex = filter.afterLog() != null ? filter.afterLog().logIndex() + 1 : 0;
    for (; logIndex < logs.size(); logIndex++) {
      T log = logs.get(logIndex);
      AztecAddress address =
          log instanceof PublicLog p
              ? p.contractAddress()
              : ((ContractClassLog) log).contractAddress();
      if (filter.contractAddress() != null && !address.equals(filter.contractAddress())) {
        continue;
      }
      if (tagFilter && filter.tag() != null) {
        List<Fr> fields = ((PublicLog) log).fields();
        if (fields.isEmpty() || !fields.get(0).equals(filter.tag())) {
          continue;
        }
      }
      out.add(new ExtendedLog<>(new LogId(bn, blockHash, txHash, txIndex, logIndex), log));
      if (out.size() >= logsMaxPageSize) {
        return true;
      }
    }
    return false;
  }

  // ---- contracts

  /** The published class {@code id}, or null ({@code node_getContractClass}). */
  public ContractClassPublic contractClass(Fr id) {
    return read(
        v -> {
          byte[] b = v.r.get(contractClasses, id.toBytes());
          return b == null ? null : Codec.contractClass(id, b);
        });
  }

  /** The public bytecode commitment of class {@code id}, or null. */
  public Fr bytecodeCommitment(Fr id) {
    ContractClassPublic c = contractClass(id);
    return c == null ? null : c.publicBytecodeCommitment();
  }

  /** The ids of every published class, in id order. */
  public List<Fr> contractClassIds() {
    return read(
        v -> {
          List<Fr> out = new ArrayList<>();
          try (KvCursor c = v.r.cursor(contractClasses)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
              out.add(Fr.fromBytes(c.key()));
            }
          }
          return out;
        });
  }

  /**
   * The instance at {@code address} with its class at L2 time {@code timestamp} (applying the
   * updates scheduled up to then, as the official {@code getContractInstance}), or null.
   */
  public ContractInstance contractInstance(AztecAddress address, long timestamp) {
    return read(
        v -> {
          byte[] key = address.toField().toBytes();
          byte[] b = v.r.get(contractInstances, key);
          if (b == null) {
            return null;
          }
          ContractInstance i = Codec.instance(address, b);
          KvEntry e =
              timestamp == Long.MAX_VALUE
                  ? null
                  : v.r.floor(instanceUpdates, concat(key, u64(timestamp + 1)));
          if (e == null || !java.util.Arrays.equals(java.util.Arrays.copyOf(e.key(), 32), key)) {
            return i;
          }
          // floor(key ‖ ts+1) is the last update scheduled at or before ts (no key equals it)
          ContractInstanceUpdate u = Codec.update(address, e.value());
          if (Long.compareUnsigned(timestamp, u.timestampOfChange()) < 0) {
            return i.withCurrentClassId(
                u.prevContractClassId().isZero()
                    ? i.originalContractClassId()
                    : u.prevContractClassId());
          }
          return i.withCurrentClassId(u.newContractClassId());
        });
  }

  /** The block that published the instance at {@code address}, or null. */
  public Long contractInstanceDeploymentBlock(AztecAddress address) {
    return read(
        v -> {
          byte[] b = v.r.get(contractInstances, address.toField().toBytes());
          return b == null ? null : Codec.instanceBlock(b);
        });
  }

  // =====================================================================================
  // Internals
  // =====================================================================================

  private record BlockMeta(
      Fr hash,
      long checkpointNumber,
      int index,
      AppendOnlyTreeSnapshot archive,
      BlockHeader header,
      List<Fr> txHashes) {}

  private static BlockMeta decodeBlockMeta(byte[] v) {
    BufferReader r = new BufferReader(v);
    Fr hash = r.readFr();
    long cp = r.readNumber();
    int index = (int) r.readNumber();
    AppendOnlyTreeSnapshot archive = AppendOnlyTreeSnapshot.fromBuffer(r);
    BlockHeader header = BlockHeader.fromBuffer(r);
    int n = (int) r.readNumber();
    List<Fr> txs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      txs.add(r.readFr());
    }
    return new BlockMeta(hash, cp, index, archive, header, txs);
  }

  private BlockMeta blockMetaOrNull(KvReader r, long bn) {
    if (bn < 1 || bn > 0xFFFF_FFFFL) {
      return null;
    }
    byte[] v = r.get(blocks, u32(bn));
    return v == null ? null : decodeBlockMeta(v);
  }

  private BlockMeta blockMeta(KvReader r, long bn) {
    BlockMeta m = blockMetaOrNull(r, bn);
    if (m == null) {
      throw new IllegalStateException("block " + bn + " is missing from the store");
    }
    return m;
  }

  private L2Block block(KvReader r, long bn) {
    BlockMeta m = blockMetaOrNull(r, bn);
    if (m == null) {
      return null;
    }
    List<TxEffect> effects = new ArrayList<>(m.txHashes().size());
    for (Fr tx : m.txHashes()) {
      byte[] tv = r.get(txEffects, tx.toBytes());
      if (tv == null) {
        throw new IllegalStateException("tx " + tx + " of block " + bn + " is missing");
      }
      effects.add(TxEffect.fromBuffer(new BufferReader(tv, 40)));
    }
    return new L2Block(
        m.archive(),
        m.header(),
        new Body(effects),
        CheckpointNumber.of(m.checkpointNumber()),
        m.index());
  }

  private L2Block blockByIndex(KvReader r, KvDatabase index, Fr key) {
    byte[] n = r.get(index, key.toBytes());
    return n == null ? null : block(r, readU32(n, 0));
  }

  private BlockHeader headerByIndex(KvReader r, KvDatabase index, Fr key) {
    byte[] n = r.get(index, key.toBytes());
    if (n == null) {
      return null;
    }
    BlockMeta m = blockMetaOrNull(r, readU32(n, 0));
    return m == null ? null : m.header();
  }

  private IndexedTxEffect indexedTxEffect(KvReader r, Fr txHash) {
    byte[] v = r.get(txEffects, txHash.toBytes());
    if (v == null) {
      return null;
    }
    long bn = readU32(v, 0);
    int idx = (int) readU32(v, 4);
    Fr blockHash = Fr.fromBytes(v, 8);
    return new IndexedTxEffect(TxEffect.fromBuffer(new BufferReader(v, 40)), bn, blockHash, idx);
  }

  private PublishedCheckpoint publishedCheckpoint(KvReader r, long number) {
    if (number < 1 || number > 0xFFFF_FFFFL) {
      return null;
    }
    byte[] v = r.get(checkpoints, u32(number));
    if (v == null) {
      return null;
    }
    CheckpointData d = Codec.checkpointData(number, v);
    List<L2Block> bs = new ArrayList<>(d.blockCount());
    for (long n = d.startBlock(); n <= d.lastBlock(); n++) {
      L2Block b = block(r, n);
      if (b == null) {
        throw new IllegalStateException("block " + n + " of checkpoint " + number + " is missing");
      }
      bs.add(b);
    }
    return new PublishedCheckpoint(
        new Checkpoint(
            d.archive(), d.header(), bs, CheckpointNumber.of(number), d.feeAssetPriceModifier()),
        d.l1(),
        d.attestations());
  }

  private CheckpointData checkpointData(KvReader r, long number) {
    byte[] v = r.get(checkpoints, u32(number));
    if (v == null) {
      throw new IllegalStateException("checkpoint " + number + " is missing from the store");
    }
    return Codec.checkpointData(number, v);
  }

  private long lastBlockOf(KvReader r, long checkpointNumber) {
    if (checkpointNumber <= 0) {
      return 0;
    }
    return checkpointData(r, checkpointNumber).lastBlock();
  }

  private long latestBlockNumber(KvReader r) {
    try (KvCursor c = r.cursor(blocks)) {
      return c.last() ? readU32(c.key(), 0) : 0;
    }
  }

  private long latestCheckpointNumber(KvReader r) {
    try (KvCursor c = r.cursor(checkpoints)) {
      return c.last() ? readU32(c.key(), 0) : 0;
    }
  }

  private long provenRaw(KvReader r) {
    byte[] b = r.get(meta, K_PROVEN);
    return b == null ? 0 : readU32(b, 0);
  }

  private long finalizedRaw(KvReader r) {
    byte[] b = r.get(meta, K_FINALIZED);
    return b == null ? 0 : readU32(b, 0);
  }

  private long messageCount(KvReader r) {
    byte[] b = r.get(meta, K_MESSAGE_COUNT);
    return b == null ? 0 : readU64(b, 0);
  }

  private L1BlockId messagesSynchedTo(KvReader r) {
    byte[] b = r.get(meta, K_MESSAGES_SYNCHED);
    return b == null
        ? null
        : new L1BlockId(readU64(b, 0), Bytes32.wrap(java.util.Arrays.copyOfRange(b, 8, 40)));
  }

  private InboxMessage lastMessage(KvReader r) {
    try (KvCursor c = r.cursor(messages)) {
      return c.last() ? Codec.message(c.value()) : null;
    }
  }

  private static void checkRange(long from, int limit) {
    if (from < 1) {
      throw new IllegalArgumentException("invalid start: " + from);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("invalid limit: " + limit);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
