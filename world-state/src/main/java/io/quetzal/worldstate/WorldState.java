package io.quetzal.worldstate;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.kvstore.WriteTxn;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.genesis.IndexedTreeGenesis;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.worldstate.store.BlockMeta;
import io.quetzal.worldstate.store.BlockWriter;
import io.quetzal.worldstate.store.ChainState;
import io.quetzal.worldstate.store.Genesis;
import io.quetzal.worldstate.store.History;
import io.quetzal.worldstate.store.StoreLayout;
import io.quetzal.worldstate.store.StoreReader;
import io.quetzal.worldstate.store.TreeDelta;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.IndexedUpdate;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.Rehash;
import io.quetzal.worldstate.tree.TreeUpdateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The five Aztec trees on a {@link KvStore}, with history, forks and unwinding: the Java
 * counterpart of the official native world state ({@code NativeWorldStateService}).
 *
 * <p>Single writer: {@link #applyBlock}, {@link #unwindBlocks}, {@link #setFinalized} and {@link
 * #removeHistoricalBlocks} serialize on one lock and each block is one store transaction, so the
 * store is always at a block boundary. Readers ({@link #at}, {@link #committed}) and forks read
 * committed snapshots concurrently with the writer. CPU work runs on a bounded fork/join pool.
 */
public final class WorldState implements AutoCloseable {
  private static final byte[] CONFIG_KEY = "config".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GENESIS_KEY = "genesis".getBytes(StandardCharsets.US_ASCII);

  private final KvStore kv;
  private final boolean ownsStore;
  private final StoreLayout layout;
  private final WorldStateConfig config;
  private final ForkJoinPool pool;
  private final ReentrantLock writer = new ReentrantLock();
  private final Set<WorldStateFork> forks = ConcurrentHashMap.newKeySet();
  private final StateReference initialState;
  private volatile ChainState state;
  private volatile boolean closed;

  private WorldState(
      KvStore kv, boolean ownsStore, WorldStateConfig config, List<PublicDataTreeLeaf> prefilled) {
    this.kv = kv;
    this.ownsStore = ownsStore;
    this.config = config;
    this.layout = new StoreLayout(kv);
    this.pool = new ForkJoinPool(config.threads());
    try {
      byte[] digest = configDigest(prefilled);
      ChainState s;
      byte[] storedConfig;
      byte[] genesis;
      try (StoreReader r = openReader()) {
        s = r.chainState();
        storedConfig = r.metaValue(CONFIG_KEY);
        genesis = r.metaValue(GENESIS_KEY);
      }
      if (s == null) {
        IndexedTreeGenesis.checkPrefill(prefilled)
            .ifPresent(
                msg -> {
                  throw new WorldStateException("Invalid prefilled public data: " + msg);
                });
        List<TreeDelta> deltas = Genesis.deltas(prefilled, pool);
        StateReference initial = stateOf(deltas);
        ChainState first = new ChainState(0, 0, 0);
        kv.write(
            txn -> {
              BlockWriter.write(txn, layout, 0, deltas, first);
              txn.put(layout.meta(), CONFIG_KEY, digest);
              txn.put(layout.meta(), GENESIS_KEY, initial.toBuffer());
              return null;
            });
        s = first;
        genesis = initial.toBuffer();
      } else if (!Arrays.equals(storedConfig, digest)) {
        throw new WorldStateException(
            "the store was created with another format or genesis prefill; use a new data directory");
      }
      this.initialState = StateReference.fromBuffer(new BufferReader(genesis));
      this.state = s;
    } catch (RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
  }

  /**
   * Opens (creating at genesis if empty) the world state in {@code kv}; the caller owns {@code kv}.
   */
  public static WorldState open(
      KvStore kv, WorldStateConfig config, List<PublicDataTreeLeaf> prefilledPublicData) {
    return new WorldState(kv, false, config, List.copyOf(prefilledPublicData));
  }

  /** Opens the world state in an LMDB store in {@code dir}, owned (and closed) by it. */
  public static WorldState open(
      Path dir,
      LmdbConfig lmdb,
      WorldStateConfig config,
      List<PublicDataTreeLeaf> prefilledPublicData) {
    LmdbKvStore kv = LmdbKvStore.open(dir, lmdb);
    try {
      return new WorldState(kv, true, config, List.copyOf(prefilledPublicData));
    } catch (RuntimeException e) {
      kv.close();
      throw e;
    }
  }

  private static byte[] configDigest(List<PublicDataTreeLeaf> prefilled) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(
          ("quetzal-world-state/" + StoreLayout.FORMAT_VERSION)
              .getBytes(StandardCharsets.US_ASCII));
      for (MerkleTreeId id : MerkleTreeId.values()) {
        md.update((byte) id.height());
      }
      for (PublicDataTreeLeaf l : prefilled) {
        md.update(l.slot().toBytes());
        md.update(l.value().toBytes());
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Plumbing for the views

  StoreReader openReader() {
    return StoreReader.open(layout);
  }

  void checkOpen() {
    if (closed) {
      throw new WorldStateException("world state is closed");
    }
  }

  void checkHolds(StoreReader r, long block) {
    ChainState s = r.chainState();
    if (!s.holds(block)) {
      throw new BlockNotAvailableException(
          "state of block "
              + block
              + " is not available (latest "
              + s.latest()
              + ", oldest "
              + s.oldest()
              + ")");
    }
  }

  void forgetFork(WorldStateFork f) {
    forks.remove(f);
  }

  // -----------------------------------------------------------------------------------------------
  // Reads

  /** The settings. */
  public WorldStateConfig config() {
    return config;
  }

  /** Which blocks are held. */
  public WorldStateStatus status() {
    ChainState s = state;
    return new WorldStateStatus(
        s.latest(), s.finalized(), s.latest() == 0 ? s.oldest() : Math.max(1, s.oldest()), true);
  }

  /** The state reference before any block. */
  public StateReference initialStateReference() {
    return initialState;
  }

  /** The genesis header: empty but for the initial state; its hash is archive leaf 0. */
  public BlockHeader initialHeader() {
    return BlockHeader.empty(initialState);
  }

  /** The latest committed state (pinned to the latest block at the time of the call). */
  public MerkleTreeReadOps committed() {
    checkOpen();
    return new CommittedState(this, state.latest());
  }

  /** The committed state after {@code block}, which must be held. */
  public MerkleTreeReadOps at(long block) {
    checkOpen();
    ChainState s = state;
    if (!s.holds(block)) {
      throw new BlockNotAvailableException(
          "state of block "
              + block
              + " is not available (latest "
              + s.latest()
              + ", oldest "
              + s.oldest()
              + ")");
    }
    return new CommittedState(this, block);
  }

  /** A fork of the latest state. */
  public WorldStateFork fork() {
    return fork(state.latest());
  }

  /** A fork of the state after {@code block}. */
  public WorldStateFork fork(long block) {
    checkOpen();
    long[] sizes = new long[MerkleTreeId.values().length];
    try (StoreReader r = openReader()) {
      checkHolds(r, block);
      for (MerkleTreeId id : MerkleTreeId.values()) {
        sizes[id.ordinal()] = r.blockMeta(id, block).size();
      }
    }
    WorldStateFork f = new WorldStateFork(this, block, sizes);
    forks.add(f);
    return f;
  }

  // -----------------------------------------------------------------------------------------------
  // Block application

  /**
   * Applies a block as the official {@code SYNC_BLOCK}: L1→L2 messages padded to 1024 (first block
   * of a checkpoint only), note hashes and nullifiers padded to 64 per tx, nullifiers
   * batch-inserted, public data writes inserted sequentially, the block hash appended to the
   * archive; then the result must equal {@code block.expectedState()}. The block is written in one
   * transaction, or not at all.
   *
   * @throws InvalidBlockException if the block cannot be applied as given
   * @throws StateMismatchException if the resulting state differs from the expected one
   */
  public WorldStateStatus applyBlock(BlockInput block) {
    writer.lock();
    try {
      checkOpen();
      ChainState s = state;
      long number = block.blockNumber();
      if (number != s.latest() + 1) {
        throw new InvalidBlockException(
            "Can't synch block " + number + ": the next block is " + (s.latest() + 1));
      }
      Inputs in = pad(block);
      ChainState next = new ChainState(number, s.finalized(), s.oldest());
      StateReference expected = block.expectedState();
      kv.write(
          txn -> {
            // Each tree's delta is written as soon as it is hashed, while the others still hash;
            // a mismatch or an invalid block aborts the transaction, so nothing is written.
            List<TreeDelta> deltas = computeDeltas(s.latest(), in, block.blockHash(), txn, number);
            Map<MerkleTreeId, StateMismatchException.Mismatch> bad =
                new EnumMap<>(MerkleTreeId.class);
            compare(bad, MerkleTreeId.NULLIFIER_TREE, expected.partial().nullifierTree(), deltas);
            compare(bad, MerkleTreeId.NOTE_HASH_TREE, expected.partial().noteHashTree(), deltas);
            compare(
                bad, MerkleTreeId.PUBLIC_DATA_TREE, expected.partial().publicDataTree(), deltas);
            compare(bad, MerkleTreeId.L1_TO_L2_MESSAGE_TREE, expected.l1ToL2MessageTree(), deltas);
            if (!bad.isEmpty()) {
              throw new StateMismatchException(number, bad);
            }
            BlockWriter.writeChainState(txn, layout, next);
            return null;
          });
      state = next;
      return status();
    } finally {
      writer.unlock();
    }
  }

  private record Inputs(
      List<Fr> messages,
      List<Fr> noteHashes,
      List<IndexedLeaf> nullifiers,
      List<IndexedLeaf> writes) {}

  private static Inputs pad(BlockInput block) {
    int maxMessages = Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP;
    List<Fr> messages = new ArrayList<>();
    if (block.firstInCheckpoint()) {
      if (block.l1ToL2Messages().size() > maxMessages) {
        throw new InvalidBlockException(
            "block "
                + block.blockNumber()
                + " has "
                + block.l1ToL2Messages().size()
                + " L1 to L2 messages, at most "
                + maxMessages);
      }
      messages.addAll(block.l1ToL2Messages());
      while (messages.size() < maxMessages) {
        messages.add(Fr.ZERO);
      }
    } else if (!block.l1ToL2Messages().isEmpty()) {
      throw new InvalidBlockException(
          "L1 to L2 messages must be empty for non-first blocks, but got "
              + block.l1ToL2Messages().size()
              + " messages for block "
              + block.blockNumber()
              + ".");
    }
    List<Fr> noteHashes = new ArrayList<>();
    List<IndexedLeaf> nullifiers = new ArrayList<>();
    List<IndexedLeaf> writes = new ArrayList<>();
    int tx = 0;
    for (TxEffects t : block.txs()) {
      padInto(noteHashes, t.noteHashes(), Constants.MAX_NOTE_HASHES_PER_TX, "note hashes", tx);
      List<Fr> n = new ArrayList<>();
      padInto(n, t.nullifiers(), Constants.MAX_NULLIFIERS_PER_TX, "nullifiers", tx);
      for (Fr f : n) {
        nullifiers.add(new IndexedLeaf(f, Fr.ZERO, Fr.ZERO, 0));
      }
      for (PublicDataTreeLeaf w : t.publicDataWrites()) {
        if (w.isEmpty()) {
          throw new InvalidBlockException("Public data write must not be empty when syncing");
        }
        writes.add(IndexedLeaf.of(w));
      }
      tx++;
    }
    return new Inputs(messages, noteHashes, nullifiers, writes);
  }

  private static void padInto(List<Fr> out, List<Fr> in, int max, String what, int tx) {
    if (in.size() > max) {
      throw new InvalidBlockException(
          "tx " + tx + " has " + in.size() + " " + what + ", at most " + max);
    }
    out.addAll(in);
    for (int i = in.size(); i < max; i++) {
      out.add(Fr.ZERO);
    }
  }

  private static void compare(
      Map<MerkleTreeId, StateMismatchException.Mismatch> bad,
      MerkleTreeId id,
      AppendOnlyTreeSnapshot expected,
      List<TreeDelta> deltas) {
    TreeDelta d = deltas.get(id.ordinal());
    AppendOnlyTreeSnapshot actual = new AppendOnlyTreeSnapshot(d.root, d.sizeAfter);
    if (!actual.equals(expected)) {
      bad.put(id, new StateMismatchException.Mismatch(expected, actual));
    }
  }

  private static StateReference stateOf(List<TreeDelta> deltas) {
    return new StateReference(
        snapshot(deltas, MerkleTreeId.L1_TO_L2_MESSAGE_TREE),
        new io.quetzal.stdlib.block.PartialStateReference(
            snapshot(deltas, MerkleTreeId.NOTE_HASH_TREE),
            snapshot(deltas, MerkleTreeId.NULLIFIER_TREE),
            snapshot(deltas, MerkleTreeId.PUBLIC_DATA_TREE)));
  }

  private static AppendOnlyTreeSnapshot snapshot(List<TreeDelta> deltas, MerkleTreeId id) {
    TreeDelta d = deltas.get(id.ordinal());
    return new AppendOnlyTreeSnapshot(d.root, d.sizeAfter);
  }

  /** Per-thread store readers for one block's computation, closed together at the end. */
  private final class ThreadReaders implements AutoCloseable {
    private final Map<Thread, StoreReader> readers = new ConcurrentHashMap<>();

    StoreReader get() {
      return readers.computeIfAbsent(Thread.currentThread(), t -> openReader());
    }

    @Override
    public void close() {
      readers.values().forEach(StoreReader::close);
    }
  }

  /**
   * The five trees' deltas of the next block (tree-id order), hashed in parallel on the pool. Their
   * output is written into {@code txn} on the calling thread while they compute: each tree streams
   * its leaves and then every level of nodes as soon as it is known, so the single-threaded LMDB
   * writes overlap the hashing.
   */
  private List<TreeDelta> computeDeltas(
      long latest, Inputs in, Fr blockHash, WriteTxn txn, long number) {
    MerkleTreeId[] ids = MerkleTreeId.values();
    BlockMeta[] before = new BlockMeta[ids.length];
    try (ThreadReaders readers = new ThreadReaders()) {
      try (StoreReader main = openReader()) {
        for (MerkleTreeId id : ids) {
          before[id.ordinal()] = main.blockMeta(id, latest);
        }
      }
      TreeDelta[] out = new TreeDelta[ids.length];
      BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
      TreeDelta.Sink sink =
          new TreeDelta.Sink() {
            @Override
            public void leaves(MerkleTreeId id, long[] index, IndexedLeaf[] leaves, long[] hash) {
              queue.add(
                  (WriteJob)
                      () -> BlockWriter.writeLeaves(txn, layout, number, id, index, leaves, hash));
            }

            @Override
            public void level(MerkleTreeId id, long sizeBefore, Rehash.Level level) {
              queue.add(
                  (WriteJob)
                      () -> BlockWriter.writeLevel(txn, layout, number, id, sizeBefore, level));
            }
          };
      List<ForkJoinTask<?>> tasks = new ArrayList<>();
      for (MerkleTreeId id : ids) {
        BlockMeta b = before[id.ordinal()];
        Rehash.Siblings siblings =
            (level, index, o, oo) -> readers.get().node(id, level, index, latest, o, oo);
        tasks.add(
            pool.submit(
                () -> {
                  try {
                    queue.add(treeDelta(id, b, in, blockHash, readers, siblings, latest, sink));
                  } catch (RuntimeException | Error e) {
                    queue.add(e);
                  }
                }));
      }
      RuntimeException failure = null;
      int finished = 0;
      try {
        while (finished < ids.length) {
          Object r = queue.take();
          if (r instanceof WriteJob job) {
            if (failure == null) {
              job.run();
            }
          } else if (r instanceof TreeDelta d) {
            finished++;
            out[d.id.ordinal()] = d;
            if (failure == null) {
              BlockWriter.writeTree(txn, layout, number, d);
            }
          } else {
            finished++;
            if (failure == null) {
              failure = failure((Throwable) r);
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tasks.forEach(t -> t.cancel(true));
        tasks.forEach(t -> t.quietlyJoin());
        throw new WorldStateException("interrupted while applying a block", e);
      } catch (RuntimeException e) {
        // a write failed (e.g. the store is full): let the hashing finish before closing readers
        tasks.forEach(ForkJoinTask::quietlyJoin);
        throw e;
      }
      if (failure != null) {
        throw failure;
      }
      return List.of(out);
    }
  }

  /** A write handed from a hashing thread to the writer thread. */
  @FunctionalInterface
  private interface WriteJob {
    void run();
  }

  private static RuntimeException failure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TreeUpdateException u) {
        return new InvalidBlockException("Failed to sync block: " + u.getMessage(), u);
      }
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new WorldStateException(t.getMessage(), t);
  }

  private TreeDelta treeDelta(
      MerkleTreeId id,
      BlockMeta b,
      Inputs in,
      Fr blockHash,
      ThreadReaders readers,
      Rehash.Siblings siblings,
      long latest,
      TreeDelta.Sink sink) {
    return switch (id) {
      case NOTE_HASH_TREE ->
          TreeDelta.append(id, b.size(), b.root(), in.noteHashes, siblings, pool, sink);
      case L1_TO_L2_MESSAGE_TREE ->
          TreeDelta.append(id, b.size(), b.root(), in.messages, siblings, pool, sink);
      case ARCHIVE ->
          TreeDelta.append(id, b.size(), b.root(), List.of(blockHash), siblings, pool, sink);
      case NULLIFIER_TREE ->
          TreeDelta.indexed(
              id,
              LeafKind.NULLIFIER,
              IndexedUpdate.batch(
                  LeafKind.NULLIFIER, readers.get().view(id, latest), in.nullifiers),
              b.root(),
              siblings,
              pool,
              false,
              sink);
      case PUBLIC_DATA_TREE ->
          TreeDelta.indexed(
              id,
              LeafKind.PUBLIC_DATA,
              IndexedUpdate.sequential(
                  LeafKind.PUBLIC_DATA, readers.get().view(id, latest), in.writes),
              b.root(),
              siblings,
              pool,
              false,
              sink);
    };
  }

  // -----------------------------------------------------------------------------------------------
  // History

  /**
   * Removes the blocks after {@code toBlock} (an L1 reorg), newest first, one transaction per
   * block. Forks based on a removed block are closed.
   */
  public WorldStateStatus unwindBlocks(long toBlock) {
    writer.lock();
    try {
      checkOpen();
      ChainState s = state;
      if (toBlock >= s.latest()) {
        throw new WorldStateException(
            "Unable to unwind blocks to block number "
                + toBlock
                + ", current pending block "
                + s.latest());
      }
      if (toBlock < s.finalized()) {
        throw new WorldStateException(
            "Unable to unwind blocks to block number "
                + toBlock
                + ", finalized block is "
                + s.finalized());
      }
      for (long b = s.latest(); b > toBlock; b--) {
        long block = b;
        ChainState next = new ChainState(block - 1, state.finalized(), state.oldest());
        kv.write(
            txn -> {
              History.unwind(txn, layout, block);
              BlockWriter.writeChainState(txn, layout, next);
              return null;
            });
        state = next;
      }
      for (WorldStateFork f : forks) {
        if (f.blockNumber() > toBlock) {
          f.invalidate("its block was unwound");
          forks.remove(f);
        }
      }
      return status();
    } finally {
      writer.unlock();
    }
  }

  /**
   * Marks {@code block} finalized and, unless keeping all history, removes the history older than
   * the retention window ({@code historyToKeep} blocks ending at the finalized block).
   */
  public WorldStateStatus setFinalized(long block) {
    writer.lock();
    try {
      checkOpen();
      ChainState s = state;
      if (block > s.latest()) {
        throw new WorldStateException(
            "Unable to finalise block " + block + ", latest block is " + s.latest());
      }
      if (block <= s.finalized() || block < s.oldest()) {
        return status();
      }
      ChainState next = new ChainState(s.latest(), block, s.oldest());
      kv.write(
          txn -> {
            BlockWriter.writeChainState(txn, layout, next);
            return null;
          });
      state = next;
      if (!config.isArchive()) {
        long newOldest = block - config.historyToKeep() + 1;
        if (newOldest > 1 && newOldest > status().oldestHistoricalBlock()) {
          removeHistoricalBlocks(newOldest);
        }
      }
      return status();
    } finally {
      writer.unlock();
    }
  }

  /**
   * Removes the state of every block before {@code toBlock} (which must be finalized), one
   * transaction per block; forks based on them are closed.
   */
  public WorldStateStatus removeHistoricalBlocks(long toBlock) {
    writer.lock();
    try {
      checkOpen();
      ChainState s = state;
      long visibleOldest = status().oldestHistoricalBlock();
      if (toBlock <= visibleOldest) {
        throw new WorldStateException(
            "Unable to remove historical blocks to block number "
                + toBlock
                + ", blocks not found. Current oldest block: "
                + visibleOldest);
      }
      if (toBlock > s.finalized()) {
        throw new WorldStateException(
            "Unable to remove historical blocks to block number "
                + toBlock
                + ", the finalized block is "
                + s.finalized());
      }
      for (long h = s.oldest(); h < toBlock; h++) {
        long block = h;
        ChainState next = new ChainState(state.latest(), state.finalized(), block + 1);
        kv.write(
            txn -> {
              History.prune(txn, layout, block);
              BlockWriter.writeChainState(txn, layout, next);
              return null;
            });
        state = next;
      }
      for (WorldStateFork f : forks) {
        if (f.blockNumber() < toBlock) {
          f.invalidate("its block was pruned");
          forks.remove(f);
        }
      }
      return status();
    } finally {
      writer.unlock();
    }
  }

  /** Bytes the store occupies on disk. */
  public long sizeOnDiskBytes() {
    return kv.sizeOnDiskBytes();
  }

  /** Closes forks, the pool and (if owned) the store. */
  @Override
  public void close() {
    writer.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (WorldStateFork f : forks) {
        f.invalidate("the world state was closed");
      }
      forks.clear();
      pool.shutdownNow();
      if (ownsStore) {
        kv.close();
      }
    } finally {
      writer.unlock();
    }
  }
}
