package io.quetzal.sequencerclient.publisher;

import io.quetzal.ethereum.blobs.BlobFileStore;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.BlobFileFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes blobs to the blob file store ({@code BLOB_FILE_STORE_UPLOAD_URL}), as the official {@code
 * FileStoreBlobClient.saveBlob}: {@code <base>/blobs/<0x versionedHash>.data}, raw snappy of {@code
 * {"blob","kzg_commitment"}} ({@link BlobFileFormat#encode}), skipped when already there; and the
 * {@code <base>/.healthcheck} file ({@code ok}) that readers check ({@link
 * BlobFileStore#testConnection}). {@code <base>} is {@link BlobFileStore#basePath}.
 *
 * <p>Only {@code file://} is supported; {@code s3://}, {@code gs://} and HTTP uploads are rejected
 * with a message (they need cloud SDKs or credentials handling not written yet). Files are written
 * to a temporary name and moved into place, so readers never see half a blob.
 */
public final class BlobUploader {
  private static final Logger LOG = LoggerFactory.getLogger(BlobUploader.class);

  /** The official {@code HEALTHCHECK_FILENAME}. */
  public static final String HEALTHCHECK_FILENAME = ".healthcheck";

  /** The official {@code HEALTHCHECK_CONTENT}. */
  public static final String HEALTHCHECK_CONTENT = "ok";

  private final Path base;

  private BlobUploader(Path base) {
    this.base = base;
  }

  /**
   * An uploader for {@code url} and the rollup's base path.
   *
   * @throws IllegalArgumentException for an unsupported or malformed URL
   */
  public static BlobUploader create(
      String url, long l1ChainId, long rollupVersion, EthAddress rollupAddress) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BLOB_FILE_STORE_UPLOAD_URL is malformed", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file")) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_UPLOAD_URL: "
              + (scheme.isEmpty() ? "no scheme" : scheme + "://")
              + " uploads are not supported yet; use file://");
    }
    if (uri.getHost() != null && !uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "BLOB_FILE_STORE_UPLOAD_URL: file:// takes a local absolute path, not a host");
    }
    String basePath = BlobFileStore.basePath(l1ChainId, rollupVersion, rollupAddress);
    return new BlobUploader(Path.of(uri.getPath()).resolve(basePath));
  }

  /** The directory of this rollup's files. */
  public Path baseDirectory() {
    return base;
  }

  /** Where a blob goes. */
  public Path blobFile(Blob blob) {
    return base.resolve("blobs").resolve(Hex.encode(blob.versionedHash()) + ".data");
  }

  /** Writes {@code .healthcheck} if it is missing. */
  public void uploadHealthcheck() throws IOException {
    Path p = base.resolve(HEALTHCHECK_FILENAME);
    if (!Files.exists(p)) {
      write(p, HEALTHCHECK_CONTENT.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes each blob that is not there yet; returns the number written. */
  public int upload(List<Blob> blobs) throws IOException {
    uploadHealthcheck();
    int written = 0;
    for (Blob b : blobs) {
      Path p = blobFile(b);
      if (Files.exists(p)) {
        continue;
      }
      write(p, BlobFileFormat.encode(b));
      written++;
    }
    LOG.debug("Uploaded {} of {} blobs to {}", written, blobs.size(), base);
    return written;
  }

  private static void write(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
