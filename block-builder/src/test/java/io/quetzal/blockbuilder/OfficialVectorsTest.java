package io.quetzal.blockbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.SpongeBlob;
import io.quetzal.stdlib.messaging.OutHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Vectors produced by the official 4.1.2 packages ({@code scripts/vectors/block-builder.mjs}): out
 * hashes at every level (tx, block, checkpoint, accumulated and epoch) and, for field sets from 1
 * field to 6 full blobs, the KZG commitments, versioned hashes, blobsHash, {@code blobInput} and
 * blob fields hash.
 */
class OfficialVectorsTest {
  private static final JsonNode V = load();

  @Test
  void outHashesEqualTheOfficialOnes() {
    assertThat(OutHash.accumulate(List.of())).isEqualTo(fr(V.get("emptyEpochOutHash")));
    int n = 0;
    for (JsonNode c : V.get("outHashes")) {
      List<List<List<List<Fr>>>> epoch = new ArrayList<>();
      for (JsonNode cp : c.get("messages")) {
        List<List<List<Fr>>> blocks = new ArrayList<>();
        for (JsonNode bl : cp) {
          List<List<Fr>> txs = new ArrayList<>();
          for (JsonNode tx : bl) {
            txs.add(frs(tx));
          }
          blocks.add(txs);
        }
        epoch.add(blocks);
      }
      List<Fr> checkpointHashes = new ArrayList<>();
      for (int k = 0; k < epoch.size(); k++) {
        List<List<List<Fr>>> cp = epoch.get(k);
        for (int b = 0; b < cp.size(); b++) {
          for (int t = 0; t < cp.get(b).size(); t++) {
            assertThat(OutHash.tx(cp.get(b).get(t)))
                .isEqualTo(fr(c.get("txOutHashes").get(k).get(b).get(t)));
          }
          assertThat(OutHash.block(cp.get(b))).isEqualTo(fr(c.get("blockOutHashes").get(k).get(b)));
        }
        Fr h = OutHash.checkpoint(cp);
        assertThat(h).isEqualTo(fr(c.get("checkpointOutHashes").get(k)));
        checkpointHashes.add(h);
        assertThat(OutHash.accumulate(checkpointHashes)).isEqualTo(fr(c.get("accumulated").get(k)));
      }
      assertThat(OutHash.epoch(epoch)).isEqualTo(fr(c.get("epochOutHash")));
      n++;
    }
    assertThat(n).isEqualTo(40);
  }

  @Test
  void blobsCommitmentsAndBlobInputEqualTheOfficialOnes() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (JsonNode c : V.get("blobs")) {
        List<Fr> fields = fields(c.get("label").asText(), c.get("numFields").asInt());
        List<Blob> blobs =
            c.get("numFields").asInt() > 4096
                ? CheckpointBlobs.fromFields(fields, pool, CheckpointBlobs.KZG)
                : CheckpointBlobs.fromFields(fields);
        assertThat(blobs).hasSize(c.get("commitments").size());
        for (int i = 0; i < blobs.size(); i++) {
          assertThat(Hex.encode(blobs.get(i).commitment()))
              .isEqualTo(c.get("commitments").get(i).asText());
          assertThat(Hex.encode(blobs.get(i).versionedHash()))
              .isEqualTo(c.get("versionedHashes").get(i).asText());
        }
        assertThat(Blob.blobsHash(CheckpointBlobs.versionedHashes(blobs)))
            .isEqualTo(fr(c.get("blobsHash")));
        assertThat(Hex.encode(CheckpointBlobs.blobInput(blobs)))
            .isEqualTo(c.get("blobInput").asText());
        assertThat(SpongeBlob.blobFieldsHash(fields)).isEqualTo(fr(c.get("blobFieldsHash")));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Field i: sha256Trunc(label ‖ u32be(i)), or p-1-i for label "high" (as the generator). */
  static List<Fr> fields(String label, int n) {
    List<Fr> out = new ArrayList<>(n);
    byte[] prefix = label.getBytes(StandardCharsets.UTF_8);
    BigInteger pMinus1 = Fr.MAX_FIELD_VALUE.toBigInteger();
    for (int i = 0; i < n; i++) {
      if (label.equals("high")) {
        out.add(Fr.fromBigInteger(pMinus1.subtract(BigInteger.valueOf(i))));
      } else {
        byte[] in = ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(i).array();
        out.add(Sha256.sha256ToField(in));
      }
    }
    return out;
  }

  private static Fr fr(JsonNode n) {
    return Fr.fromHexString(n.asText());
  }

  private static List<Fr> frs(JsonNode arr) {
    List<Fr> out = new ArrayList<>();
    arr.forEach(x -> out.add(fr(x)));
    return out;
  }

  private static JsonNode load() {
    try (InputStream in =
        OfficialVectorsTest.class.getResourceAsStream("/vectors/block-builder.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
