package io.quetzal.cli.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where and how much the node stores, and how it gets its first state.
 *
 * @param dataDirectory root of all stores; empty means everything is kept in memory
 * @param dataStoreMapSizeKb LMDB map size for every store that has no size of its own
 * @param worldStateDataDirectory a separate directory for the world-state trees
 * @param worldStateDbMapSizeKb map size of each world-state tree, defaulting to {@code
 *     dataStoreMapSizeKb}
 * @param worldStateCheckpointHistory checkpoints of history kept by world state; below 1 keeps all
 * @param archiverStoreMapSizeKb map size of the archiver store, defaulting to {@code
 *     dataStoreMapSizeKb}
 * @param syncMode how the initial state is obtained
 * @param snapshotsUrls base URLs of snapshot indexes, tried in order
 */
public record StorageConfig(
    Optional<Path> dataDirectory,
    long dataStoreMapSizeKb,
    Optional<Path> worldStateDataDirectory,
    OptionalLong worldStateDbMapSizeKb,
    int worldStateCheckpointHistory,
    OptionalLong archiverStoreMapSizeKb,
    SyncMode syncMode,
    List<URI> snapshotsUrls) {

  /** 128 GiB, Aztec's {@code dataConfigMappings.dataStoreMapSizeKb}. */
  public static final long DEFAULT_DATA_STORE_MAP_SIZE_KB = 128L * 1024 * 1024;

  public static final int DEFAULT_WORLD_STATE_CHECKPOINT_HISTORY = 64;
  public static final SyncMode DEFAULT_SYNC_MODE = SyncMode.SNAPSHOT;

  public StorageConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(worldStateDataDirectory, "worldStateDataDirectory");
    Objects.requireNonNull(worldStateDbMapSizeKb, "worldStateDbMapSizeKb");
    Objects.requireNonNull(archiverStoreMapSizeKb, "archiverStoreMapSizeKb");
    Objects.requireNonNull(syncMode, "syncMode");
    snapshotsUrls = List.copyOf(snapshotsUrls);
    Checks.atLeast(dataStoreMapSizeKb, 1, "dataStoreMapSizeKb");
    worldStateDbMapSizeKb.ifPresent(v -> Checks.atLeast(v, 1, "worldStateDbMapSizeKb"));
    archiverStoreMapSizeKb.ifPresent(v -> Checks.atLeast(v, 1, "archiverStoreMapSizeKb"));
    Urls.requireAll(snapshotsUrls, Urls.FILE_STORE_READ, "snapshotsUrls");
  }

  /** In memory, 128 GiB maps, 64 checkpoints of history, snapshot sync. */
  public static StorageConfig defaults() {
    return new StorageConfig(
        Optional.empty(),
        DEFAULT_DATA_STORE_MAP_SIZE_KB,
        Optional.empty(),
        OptionalLong.empty(),
        DEFAULT_WORLD_STATE_CHECKPOINT_HISTORY,
        OptionalLong.empty(),
        DEFAULT_SYNC_MODE,
        List.of());
  }

  public StorageConfig withDataDirectory(Optional<Path> directory) {
    return new StorageConfig(
        directory,
        dataStoreMapSizeKb,
        worldStateDataDirectory,
        worldStateDbMapSizeKb,
        worldStateCheckpointHistory,
        archiverStoreMapSizeKb,
        syncMode,
        snapshotsUrls);
  }
}
