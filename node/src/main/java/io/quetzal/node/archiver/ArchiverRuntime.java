package io.quetzal.node.archiver;

import io.quetzal.archiver.Archiver;
import io.quetzal.archiver.CheckpointRetriever;
import io.quetzal.archiver.L1Synchronizer;
import io.quetzal.archiver.StoreSync;
import io.quetzal.archiver.SyncProgress;
import io.quetzal.archiver.WorldStateFeed;
import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.ethereum.archive.ArchiveL1Reader;
import io.quetzal.ethereum.archive.CalldataRetriever;
import io.quetzal.ethereum.blobs.BlobClient;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.LmdbKvStore;
import io.quetzal.node.ArchiverSetup;
import io.quetzal.node.NodeL1;
import io.quetzal.stdlib.Constants;
import io.quetzal.worldstate.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The node's archiver: its LMDB store ({@code <data>/archiver}), the L1 synchronizer that fills it
 * and keeps the world state in step, and the loop that runs it. Opened before the RPC server so the
 * API can read the store; {@link #start()}ed after it; stopped before it closes.
 */
public final class ArchiverRuntime implements AutoCloseable {
  private final LmdbKvStore kv;
  private final ArchiverStore store;
  private final Archiver archiver;
  private final SyncProgress progress;

  private ArchiverRuntime(
      LmdbKvStore kv, ArchiverStore store, Archiver archiver, SyncProgress progress) {
    this.kv = kv;
    this.store = store;
    this.archiver = archiver;
    this.progress = progress;
  }

  /**
   * The archiver's figures in the Prometheus text format ({@code GET /metrics}): L1 head and sync
   * point, L1 blocks behind, checkpoints per second over the last progress window, the latest and
   * proven checkpoints, invalid checkpoints skipped.
   */
  public String metrics() {
    StringBuilder b = new StringBuilder();
    gauge(b, "quetzal_archiver_l1_head_block", "L1 head seen by the archiver", progress.l1Head());
    gauge(
        b,
        "quetzal_archiver_l1_synced_block",
        "last L1 block fully processed",
        progress.l1SyncedTo());
    gauge(
        b,
        "quetzal_archiver_l1_blocks_behind",
        "L1 blocks still to process",
        progress.l1BlocksBehind());
    gauge(
        b,
        "quetzal_archiver_checkpoint",
        "latest stored checkpoint",
        store.latestCheckpointNumber());
    gauge(b, "quetzal_archiver_block", "latest stored block", store.latestBlockNumber());
    gauge(
        b,
        "quetzal_archiver_proven_checkpoint",
        "proven checkpoint",
        store.provenCheckpointNumber());
    b.append(
            "# HELP quetzal_archiver_checkpoints_per_second checkpoints stored per second while catching up\n")
        .append("# TYPE quetzal_archiver_checkpoints_per_second gauge\n")
        .append("quetzal_archiver_checkpoints_per_second ")
        .append(String.format(java.util.Locale.ROOT, "%.3f", progress.checkpointsPerSecond()))
        .append('\n');
    b.append(
            "# HELP quetzal_archiver_invalid_checkpoints_total checkpoints skipped for invalid attestations\n")
        .append("# TYPE quetzal_archiver_invalid_checkpoints_total counter\n")
        .append("quetzal_archiver_invalid_checkpoints_total ")
        .append(progress.invalidCheckpoints())
        .append('\n');
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String help, long value) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" gauge\n");
    b.append(name).append(' ').append(value).append('\n');
  }

  /** Opens (or creates) the store in {@code dir} and builds the synchronizer. */
  public static ArchiverRuntime open(Path dir, WorldState ws, NodeL1 l1, ArchiverSetup setup) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the archiver directory " + dir, e);
    }
    LmdbKvStore kv = LmdbKvStore.open(dir, LmdbConfig.DEFAULT);
    try {
      ArchiverStore store = new ArchiverStore(kv, Constants.GENESIS_BLOCK_HEADER_HASH);
      EthAddress rollup = l1.addresses().rollupAddress();
      ArchiveL1Reader reader = new ArchiveL1Reader(l1.rpc(), rollup, l1.addresses().inboxAddress());
      CheckpointRetriever retriever =
          new CheckpointRetriever(
              l1.rpc(),
              new CalldataRetriever(
                  l1.rpc(),
                  setup.debugRpcUrls().isEmpty()
                      ? l1.rpc()
                      : new L1RpcClient(L1RpcConfig.of(setup.debugRpcUrls())),
                  rollup,
                  reader.getTargetCommitteeSize()),
              new BlobClient(setup.blobs(), l1.rpc()),
              l1.chainId(),
              l1.rollupVersion());
      RollupContract rollupContract = new RollupContract(l1.rpc(), rollup);
      long epochDuration = rollupContract.readConfig().epochDuration();
      ConcurrentMap<Long, List<EthAddress>> committees = new ConcurrentHashMap<>();
      StoreSync sync = new StoreSync(store);
      SyncProgress progress = new SyncProgress(System::currentTimeMillis);
      L1Synchronizer synchronizer =
          new L1Synchronizer(
              sync,
              l1.rpc(),
              reader,
              retriever,
              slot ->
                  committees.computeIfAbsent(
                      slot / epochDuration,
                      epoch -> rollupContract.getEpochCommittee(epoch).orElse(List.of())),
              Optional.of(new WorldStateFeed(ws, sync)),
              setup.options(),
              progress);
      return new ArchiverRuntime(
          kv, store, new Archiver(synchronizer, setup.pollInterval()), progress);
    } catch (RuntimeException e) {
      kv.close();
      throw e;
    }
  }

  /** The store the node's API reads. */
  public ArchiverStore store() {
    return store;
  }

  /**
   * The timestamp of the L1 block the archiver last synced to; empty before its first iteration.
   */
  public java.util.OptionalLong syncedL1Timestamp() {
    return archiver.syncedL1Timestamp();
  }

  /** Starts syncing. */
  public void start() {
    archiver.start();
  }

  /** Stops syncing after the running iteration. */
  public void stop() {
    archiver.close();
  }

  @Override
  public void close() {
    archiver.close();
    kv.close();
  }
}
