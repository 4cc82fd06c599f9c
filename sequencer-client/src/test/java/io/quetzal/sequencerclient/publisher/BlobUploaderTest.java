package io.quetzal.sequencerclient.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.blobs.BlobFileStore;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.blob.Blob;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads read back by the archiver's file-store reader, in the official layout. */
class BlobUploaderTest {
  @TempDir Path dir;

  @Test
  void uploadedBlobsAreReadByTheBlobFileStore() throws Exception {
    EthAddress rollup = EthAddress.fromString("0x322813fd9a801c5507c9de605d63cea4f2ce6c44");
    BlobUploader up = BlobUploader.create(dir.toUri().toString(), 31337, 344372055, rollup);
    byte[] data = new byte[Blob.BYTES_PER_BLOB];
    data[31] = 7;
    Blob blob = BlobSidecar.blobOf(data);
    assertThat(up.upload(List.of(blob))).isEqualTo(1);
    assertThat(up.upload(List.of(blob))).isZero(); // already there

    Path base = dir.resolve("aztec-31337-344372055-0x322813fd9a801c5507c9de605d63cea4f2ce6c44");
    assertThat(Files.readString(base.resolve(".healthcheck"))).isEqualTo("ok");
    assertThat(up.blobFile(blob).getParent()).isEqualTo(base.resolve("blobs"));

    BlobFileStore store =
        BlobFileStore.create(
            dir.toUri().toString(),
            BlobFileStore.basePath(31337, 344372055, rollup),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(1));
    assertThat(store.testConnection()).isTrue();
    var read = store.getBlob(Bytes32.wrap(blob.versionedHash())).orElseThrow();
    assertThat(read.data()).isEqualTo(data);
    assertThat(read.commitment()).isEqualTo(blob.commitment());
  }

  @Test
  void cloudStoresAreRejected() {
    assertThatThrownBy(() -> BlobUploader.create("s3://bucket/x", 1, 1, EthAddress.ZERO))
        .hasMessageContaining("s3:// uploads are not supported yet");
    assertThatThrownBy(() -> BlobUploader.create("gs://bucket/x", 1, 1, EthAddress.ZERO))
        .hasMessageContaining("gs://");
  }
}
