package io.quetzal.stdlib.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.StdlibVectors;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.checkpoint.CheckpointReconstruction;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.tx.TxEffect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everything of {@code scripts/vectors/blob.mjs} (official blob-lib, stdlib and archiver code). */
class BlobVectorsTest {
  private static final JsonNode V = load();

  private static JsonNode load() {
    try (InputStream in = BlobVectorsTest.class.getResourceAsStream("/vectors/blob.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Fr> frs(JsonNode a) {
    return StdlibVectors.frs(a);
  }

  private static List<Fr> formula(int n) {
    List<Fr> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Fr.ofLong(i * 0x1234567L + 1));
    }
    return out;
  }

  @Test
  void constants() {
    JsonNode c = V.get("constants");
    assertThat(c.get("TX_START_PREFIX").asLong()).isEqualTo(Constants.TX_START_PREFIX);
    assertThat(c.get("BLOCK_END_PREFIX").asLong()).isEqualTo(Constants.BLOCK_END_PREFIX);
    assertThat(c.get("CHECKPOINT_END_PREFIX").asLong()).isEqualTo(Constants.CHECKPOINT_END_PREFIX);
    assertThat(c.get("BLOBS_PER_CHECKPOINT").asInt()).isEqualTo(Constants.BLOBS_PER_CHECKPOINT);
    assertThat(c.get("FIELDS_PER_BLOB").asInt()).isEqualTo(Constants.FIELDS_PER_BLOB);
    assertThat(c.get("FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH").asInt())
        .isEqualTo(Constants.FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH);
    assertThat(c.get("PUBLIC_LOG_HEADER_LENGTH").asInt())
        .isEqualTo(Constants.PUBLIC_LOG_HEADER_LENGTH);
    assertThat(c.get("PRIVATE_LOG_SIZE_IN_FIELDS").asInt())
        .isEqualTo(Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
    assertThat(c.get("CONTRACT_CLASS_LOG_SIZE_IN_FIELDS").asInt())
        .isEqualTo(Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS);
    assertThat(c.get("MAX_L2_TO_L1_MSGS_PER_TX").asInt())
        .isEqualTo(Constants.MAX_L2_TO_L1_MSGS_PER_TX);
    assertThat(c.get("MAX_PRIVATE_LOGS_PER_TX").asInt())
        .isEqualTo(Constants.MAX_PRIVATE_LOGS_PER_TX);
    assertThat(c.get("MAX_CONTRACT_CLASS_LOGS_PER_TX").asInt())
        .isEqualTo(Constants.MAX_CONTRACT_CLASS_LOGS_PER_TX);
    assertThat(c.get("DA_GAS_PER_FIELD").asInt()).isEqualTo(Constants.DA_GAS_PER_FIELD);
  }

  @Test
  void markers() {
    for (JsonNode v : V.get("txStartMarkers")) {
      TxStartMarker m =
          new TxStartMarker(
              v.get("numBlobFields").asLong(),
              v.get("revertCode").asInt(),
              v.get("numNoteHashes").asInt(),
              v.get("numNullifiers").asInt(),
              v.get("numL2ToL1Msgs").asInt(),
              v.get("numPublicDataWrites").asInt(),
              v.get("numPrivateLogs").asInt(),
              v.get("privateLogsLength").asInt(),
              v.get("publicLogsLength").asLong(),
              v.get("contractClassLogLength").asInt());
      Fr f = Fr.fromHexString(v.get("field").asText());
      assertThat(m.encode()).isEqualTo(f);
      assertThat(TxStartMarker.decode(f)).isEqualTo(m);
    }
    for (JsonNode v : V.get("blockEndMarkers")) {
      BlockEndMarker m =
          new BlockEndMarker(
              new BigInteger(v.get("timestamp").asText()).longValue(),
              v.get("blockNumber").asLong(),
              v.get("numTxs").asInt());
      Fr f = Fr.fromHexString(v.get("field").asText());
      assertThat(m.encode()).isEqualTo(f);
      assertThat(BlockEndMarker.decode(f)).isEqualTo(m);
      assertThat(BlockEndMarker.isBlockEndMarker(f)).isTrue();
    }
    for (JsonNode v : V.get("blockEndStateFields")) {
      BlockEndStateField m =
          new BlockEndStateField(
              v.get("l1ToL2MessageNextAvailableLeafIndex").asLong(),
              v.get("noteHashNextAvailableLeafIndex").asLong(),
              v.get("nullifierNextAvailableLeafIndex").asLong(),
              v.get("publicDataNextAvailableLeafIndex").asLong(),
              Long.parseLong(v.get("totalManaUsed").asText()));
      Fr f = Fr.fromHexString(v.get("field").asText());
      assertThat(m.encode()).isEqualTo(f);
      assertThat(BlockEndStateField.decode(f)).isEqualTo(m);
    }
    for (JsonNode v : V.get("checkpointEndMarkers")) {
      CheckpointEndMarker m = new CheckpointEndMarker(v.get("numBlobFields").asLong());
      Fr f = Fr.fromHexString(v.get("field").asText());
      assertThat(m.encode()).isEqualTo(f);
      assertThat(CheckpointEndMarker.decode(f)).isEqualTo(m);
      assertThat(CheckpointEndMarker.isCheckpointEndMarker(f)).isTrue();
    }
  }

  @Test
  void txEffects() {
    int i = 0;
    for (JsonNode v : V.get("txEffects")) {
      String at = "txEffect " + i++;
      TxEffect t = TxEffect.fromBuffer(Hex.decode(v.get("buffer").asText()));
      assertThat(Hex.encode(t.toBuffer())).as(at).isEqualTo(v.get("buffer").asText());
      assertThat(BlockJson.toJson(t).toString()).as(at).isEqualTo(v.get("json").toString());
      assertThat(BlockJson.parseTxEffect(v.get("json"))).as(at).isEqualTo(t);
      assertThat(t.numBlobFields()).as(at).isEqualTo(v.get("numBlobFields").asLong());
      if (!v.get("blobFields").isNull()) {
        List<Fr> fields = frs(v.get("blobFields"));
        assertThat(t.toBlobFields()).as(at).isEqualTo(fields);
        TxBlobData data = BlobFieldCodec.decodeTx(new BlobFieldCodec.FieldCursor(fields));
        assertThat(TxEffect.fromBlobData(data)).as(at).isEqualTo(t);
      }
    }
  }

  @Test
  void checkpointsRebuiltAsTheOfficialArchiver() {
    int i = 0;
    for (JsonNode v : V.get("checkpoints")) {
      String at = "checkpoint " + i++;
      List<Fr> fields = frs(v.get("fields"));
      CheckpointHeader header = BlockJson.parseCheckpointHeader(v.get("header"));
      Checkpoint cp =
          CheckpointReconstruction.rebuild(
              CheckpointNumber.of(v.get("checkpointNumber").asLong()),
              header,
              Fr.fromHexString(v.get("archiveRoot").asText()),
              fields,
              Fr.fromHexString(v.get("chainId").asText()),
              Fr.fromHexString(v.get("version").asText()),
              new BigInteger(v.get("feeAssetPriceModifier").asText()));
      JsonNode rebuilt = v.get("rebuilt");
      assertThat(Hex.encode(cp.toBuffer())).as(at).isEqualTo(rebuilt.get("buffer").asText());
      assertThat(Checkpoint.fromBuffer(Hex.decode(rebuilt.get("buffer").asText())))
          .as(at)
          .isEqualTo(cp);
      var cpJson = BlockJson.toJson(cp, false);
      cpJson.putNull("blocks");
      assertThat(cpJson.toString()).as(at).isEqualTo(rebuilt.get("json").toString());
      assertThat(cp.blocks()).hasSize(rebuilt.get("blocks").size());
      for (int b = 0; b < cp.blocks().size(); b++) {
        L2Block block = cp.blocks().get(b);
        JsonNode expected = rebuilt.get("blocks").get(b);
        assertThat(BlockJson.toJson(block, false).toString())
            .as(at + " block " + b)
            .isEqualTo(expected.get("json").toString());
        assertThat(block.hash().toString()).as(at).isEqualTo(expected.get("hash").asText());
        assertThat(block.toBlobFields().size())
            .as(at)
            .isEqualTo(v.get("blockFieldCounts").get(b).asInt());
      }
      assertThat(cp.toBlobFields()).as(at).isEqualTo(fields);
      assertThat(SpongeBlob.blobFieldsHash(fields).toString())
          .as(at)
          .isEqualTo(v.get("blobFieldsHash").asText());
    }
  }

  @Test
  void checkpointHeaders() {
    for (JsonNode v : V.get("checkpointHeaders")) {
      CheckpointHeader h = CheckpointHeader.fromBuffer(Hex.decode(v.get("buffer").asText()));
      assertThat(Hex.encode(h.toBuffer())).isEqualTo(v.get("buffer").asText());
      assertThat(h.hash().toString()).isEqualTo(v.get("hash").asText());
      assertThat(BlockJson.toJson(h).toString()).isEqualTo(v.get("json").toString());
      assertThat(BlockJson.parseCheckpointHeader(v.get("json"))).isEqualTo(h);
    }
  }

  @Test
  void sponges() {
    for (JsonNode v : V.get("sponges")) {
      List<Fr> fields = v.has("formula") ? formula(v.get("formula").asInt()) : frs(v.get("fields"));
      assertThat(SpongeBlob.blobFieldsHash(fields).toString()).isEqualTo(v.get("hash").asText());
    }
  }

  @Test
  void blobs() {
    for (JsonNode v : V.get("blobCases")) {
      List<Fr> fields =
          v.get("fields").isNull() ? formula(v.get("formula").asInt()) : frs(v.get("fields"));
      List<byte[]> data = Blob.splitIntoBlobs(fields);
      assertThat(data).hasSize(v.get("commitments").size());
      List<byte[]> versioned = new ArrayList<>();
      List<Blob> blobs = new ArrayList<>();
      for (int k = 0; k < data.size(); k++) {
        Blob blob = new Blob(data.get(k), Hex.decode(v.get("commitments").get(k).asText()));
        blobs.add(blob);
        assertThat(Hex.encode(blob.versionedHash()))
            .isEqualTo(v.get("versionedHashes").get(k).asText());
        versioned.add(blob.versionedHash());
      }
      assertThat(Blob.blobsHash(versioned).toString()).isEqualTo(v.get("blobsHash").asText());
      List<Fr> back = Blob.fieldsOf(blobs);
      assertThat(back.subList(0, fields.size())).isEqualTo(fields);
      assertThat(back.subList(fields.size(), back.size())).allMatch(Fr::isZero);
      if (!v.get("fileStore").isNull()) {
        byte[] file = Base64.getDecoder().decode(v.get("fileStore").asText());
        Blob decoded = BlobFileFormat.decode(file, versioned.get(0));
        assertThat(decoded).isEqualTo(blobs.get(0));
        assertThat(BlobFileFormat.decode(BlobFileFormat.encode(decoded))).isEqualTo(decoded);
      }
    }
  }
}
