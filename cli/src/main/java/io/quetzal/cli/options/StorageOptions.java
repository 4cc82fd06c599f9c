package io.quetzal.cli.options;

import io.quetzal.cli.config.StorageConfig;
import io.quetzal.cli.config.SyncMode;
import io.quetzal.cli.config.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Data directories, map sizes and the initial sync: {@link StorageConfig}. */
public final class StorageOptions {
  public static final OptionDef<Path> DATA_DIRECTORY =
      OptionDef.value(Area.STORAGE, "dataDirectory", Converters.PATH)
          .names("--data-directory")
          .label("<dir>")
          .env("DATA_DIRECTORY")
          .optional("in memory for --network local, else ~/.aztec/<network>/data")
          .description("Directory for all node data.")
          .build();

  public static final OptionDef<Long> DATA_STORE_MAP_SIZE_KB =
      OptionDef.value(Area.STORAGE, "dataStoreMapSizeKb", Converters.longAtLeast(1))
          .names("--data-store-map-size-kb")
          .label("<kb>")
          .env("DATA_STORE_MAP_SIZE_KB")
          .defaultValue(StorageConfig.DEFAULT_DATA_STORE_MAP_SIZE_KB)
          .description("Largest size of each database, in KB, unless set per store below.")
          .build();

  public static final OptionDef<Path> WORLD_STATE_DATA_DIRECTORY =
      OptionDef.value(Area.STORAGE, "worldStateDataDirectory", Converters.PATH)
          .names("--world-state-data-directory")
          .label("<dir>")
          .env("WS_DATA_DIRECTORY")
          .optional("inside the data directory")
          .description("A separate directory for the world-state trees.")
          .build();

  public static final OptionDef<Long> WORLD_STATE_DB_MAP_SIZE_KB =
      OptionDef.value(Area.STORAGE, "worldStateDbMapSizeKb", Converters.longAtLeast(1))
          .names("--world-state-db-map-size-kb")
          .label("<kb>")
          .env("WS_DB_MAP_SIZE_KB")
          .optional("--data-store-map-size-kb")
          .description("Largest size of each world-state tree database, in KB.")
          .build();

  public static final OptionDef<Integer> WORLD_STATE_CHECKPOINT_HISTORY =
      OptionDef.value(Area.STORAGE, "worldStateCheckpointHistory", Converters.ANY_INT)
          .names("--world-state-checkpoint-history")
          .label("<n>")
          .env("WS_NUM_HISTORIC_CHECKPOINTS", "WS_NUM_HISTORIC_BLOCKS")
          .defaultValue(StorageConfig.DEFAULT_WORLD_STATE_CHECKPOINT_HISTORY)
          .description("Checkpoints of history the world state keeps; below 1 keeps all history.")
          .build();

  public static final OptionDef<Long> ARCHIVER_STORE_MAP_SIZE_KB =
      OptionDef.value(Area.STORAGE, "archiverStoreMapSizeKb", Converters.longAtLeast(1))
          .names("--archiver-store-map-size-kb", "--archiver.archiverStoreMapSizeKb")
          .label("<kb>")
          .env("ARCHIVER_STORE_MAP_SIZE_KB")
          .optional("--data-store-map-size-kb")
          .description("Largest size of the archiver database, in KB.")
          .build();

  public static final OptionDef<SyncMode> SYNC_MODE =
      OptionDef.value(Area.STORAGE, "syncMode", Converters.SYNC_MODE)
          .names("--sync-mode")
          .label("<mode>")
          .env("SYNC_MODE")
          .defaultValue(StorageConfig.DEFAULT_SYNC_MODE.id())
          .description(
              "full: sync everything from L1; snapshot: download a snapshot when there is no local"
                  + " data; force-snapshot: download one even over local data.")
          .build();

  public static final OptionDef<List<URI>> SNAPSHOTS_URLS =
      OptionDef.value(Area.STORAGE, "snapshotsUrls", Converters.urlList(Urls.FILE_STORE_READ))
          .names("--snapshots-urls")
          .label("<url>[,<url>...]")
          .env("SYNC_SNAPSHOTS_URLS", "SYNC_SNAPSHOTS_URL")
          .optional("no snapshot source; the node syncs from L1")
          .description("Base URLs of snapshot indexes, comma-separated, tried in order.")
          .build();

  private StorageOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        DATA_DIRECTORY,
        DATA_STORE_MAP_SIZE_KB,
        WORLD_STATE_DATA_DIRECTORY,
        WORLD_STATE_DB_MAP_SIZE_KB,
        WORLD_STATE_CHECKPOINT_HISTORY,
        ARCHIVER_STORE_MAP_SIZE_KB,
        SYNC_MODE,
        SNAPSHOTS_URLS);
  }

  public static StorageConfig toConfig(OptionValues v) {
    return new StorageConfig(
        v.find(DATA_DIRECTORY),
        v.get(DATA_STORE_MAP_SIZE_KB),
        v.find(WORLD_STATE_DATA_DIRECTORY),
        Optionals.optionalLong(v, WORLD_STATE_DB_MAP_SIZE_KB),
        v.get(WORLD_STATE_CHECKPOINT_HISTORY),
        Optionals.optionalLong(v, ARCHIVER_STORE_MAP_SIZE_KB),
        v.get(SYNC_MODE),
        v.find(SNAPSHOTS_URLS).orElse(List.of()));
  }

  public static void toArgs(StorageConfig c, ArgsWriter w) {
    w.optional(DATA_DIRECTORY, c.dataDirectory())
        .value(DATA_STORE_MAP_SIZE_KB, c.dataStoreMapSizeKb())
        .optional(WORLD_STATE_DATA_DIRECTORY, c.worldStateDataDirectory())
        .optional(WORLD_STATE_DB_MAP_SIZE_KB, c.worldStateDbMapSizeKb())
        .value(WORLD_STATE_CHECKPOINT_HISTORY, c.worldStateCheckpointHistory())
        .optional(ARCHIVER_STORE_MAP_SIZE_KB, c.archiverStoreMapSizeKb())
        .value(SYNC_MODE, c.syncMode().id());
    if (!c.snapshotsUrls().isEmpty()) {
      w.list(SNAPSHOTS_URLS, c.snapshotsUrls(), URI::toString);
    }
  }
}
