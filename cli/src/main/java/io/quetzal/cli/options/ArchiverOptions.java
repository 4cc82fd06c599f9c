package io.quetzal.cli.options;

import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.Urls;
import java.net.URI;
import java.util.List;

/** L1 polling and blob sources: {@link ArchiverConfig}. */
public final class ArchiverOptions {
  public static final OptionDef<Integer> ARCHIVER_POLLING_INTERVAL_MS =
      OptionDef.value(Area.ARCHIVER, "archiverPollingIntervalMs", Converters.intAtLeast(1))
          .names("--archiver-polling-interval-ms", "--archiver.archiverPollingIntervalMS")
          .label("<ms>")
          .env("ARCHIVER_POLLING_INTERVAL_MS")
          .defaultValue(ArchiverConfig.DEFAULT_POLLING_INTERVAL_MS)
          .description("Time between polls of L1 for new checkpoints and messages.")
          .build();

  public static final OptionDef<Integer> ARCHIVER_BATCH_SIZE =
      OptionDef.value(Area.ARCHIVER, "archiverBatchSize", Converters.intAtLeast(1))
          .names("--archiver-batch-size", "--archiver.archiverBatchSize")
          .label("<n>")
          .env("ARCHIVER_BATCH_SIZE")
          .defaultValue(ArchiverConfig.DEFAULT_BATCH_SIZE)
          .description("L2 blocks fetched per request.")
          .build();

  public static final OptionDef<Integer> ARCHIVER_MAX_LOGS =
      OptionDef.value(Area.ARCHIVER, "maxLogs", Converters.intAtLeast(1))
          .names("--archiver-max-logs", "--archiver.maxLogs")
          .label("<n>")
          .env("ARCHIVER_MAX_LOGS")
          .defaultValue(ArchiverConfig.DEFAULT_MAX_LOGS)
          .description("Most logs returned by one public-logs query.")
          .build();

  public static final OptionDef<List<URI>> BLOB_FILE_STORE_URLS =
      OptionDef.value(Area.ARCHIVER, "blobFileStoreUrls", Converters.urlList(Urls.FILE_STORE_READ))
          .names(
              "--blob-file-store-urls",
              "--archiver.blobFileStoreUrls",
              "--sequencer.blobFileStoreUrls")
          .label("<url>[,<url>...]")
          .env("BLOB_FILE_STORE_URLS")
          .optional("no file stores")
          .description(
              "File stores to read blobs from (https, s3, gs or file URLs), comma-separated,"
                  + " tried in order.")
          .build();

  public static final OptionDef<URI> BLOB_FILE_STORE_UPLOAD_URL =
      OptionDef.value(
              Area.ARCHIVER, "blobFileStoreUploadUrl", Converters.url(Urls.FILE_STORE_WRITE))
          .names(
              "--blob-file-store-upload-url",
              "--archiver.blobFileStoreUploadUrl",
              "--sequencer.blobFileStoreUploadUrl")
          .label("<url>")
          .env("BLOB_FILE_STORE_UPLOAD_URL")
          .optional("blobs are not uploaded")
          .description("File store to upload blobs to (s3, gs or file URL).")
          .build();

  public static final OptionDef<URI> BLOB_ARCHIVE_API_URL =
      OptionDef.value(Area.ARCHIVER, "archiveApiUrl", Converters.url(Urls.HTTPS))
          .names("--blob-archive-api-url", "--archiver.archiveApiUrl", "--sequencer.archiveApiUrl")
          .label("<url>")
          .env("BLOB_ARCHIVE_API_URL")
          .optional("no archive API")
          .description(
              "A Blobscan API (https) for blobs older than the consensus clients keep, e.g."
                  + " https://api.blobscan.com/; asked after the file stores and consensus"
                  + " hosts.")
          .build();

  private ArchiverOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        ARCHIVER_POLLING_INTERVAL_MS,
        ARCHIVER_BATCH_SIZE,
        ARCHIVER_MAX_LOGS,
        BLOB_FILE_STORE_URLS,
        BLOB_FILE_STORE_UPLOAD_URL,
        BLOB_ARCHIVE_API_URL);
  }

  public static ArchiverConfig toConfig(OptionValues v) {
    return new ArchiverConfig(
        v.get(ARCHIVER_POLLING_INTERVAL_MS),
        v.get(ARCHIVER_BATCH_SIZE),
        v.get(ARCHIVER_MAX_LOGS),
        v.find(BLOB_FILE_STORE_URLS).orElse(List.of()),
        v.find(BLOB_FILE_STORE_UPLOAD_URL),
        v.find(BLOB_ARCHIVE_API_URL));
  }

  public static void toArgs(ArchiverConfig c, ArgsWriter w) {
    w.value(ARCHIVER_POLLING_INTERVAL_MS, c.pollingIntervalMs())
        .value(ARCHIVER_BATCH_SIZE, c.batchSize())
        .value(ARCHIVER_MAX_LOGS, c.maxLogs());
    if (!c.blobFileStoreUrls().isEmpty()) {
      w.list(BLOB_FILE_STORE_URLS, c.blobFileStoreUrls(), URI::toString);
    }
    w.optional(BLOB_FILE_STORE_UPLOAD_URL, c.blobFileStoreUploadUrl())
        .optional(BLOB_ARCHIVE_API_URL, c.blobArchiveApiUrl());
  }
}
