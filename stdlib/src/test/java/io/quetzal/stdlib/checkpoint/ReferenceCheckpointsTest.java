package io.quetzal.stdlib.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.blob.BlobFileFormat;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.tx.TxEffect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The 9 checkpoints of the official local network (fixtures in {@code reference-4.1.2/}): blobs
 * from the file store, the checkpoint header and fee modifier from {@code node_getCheckpoints}, the
 * archive root and versioned hashes from the {@code CheckpointProposed} logs. Every rebuilt block
 * must serialize exactly as {@code node_getBlock} answered, every checkpoint as {@code
 * node_getCheckpoints}, every demo tx effect as {@code node_getTxEffect}.
 */
class ReferenceCheckpointsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DIR = "/reference-4.1.2/";
  private static final String CHECKPOINT_PROPOSED =
      "0x6ff492bf2b4ca1b93a175167d14b3e46085b935cab3f39ca94013000799b93a0";
  private static final Fr CHAIN_ID = Fr.ofLong(31337);
  private static final Fr VERSION = Fr.ofLong(344372055);

  @Test
  void rebuildsEveryCheckpointAsTheOfficialNode() {
    Map<Long, JsonNode> logs = checkpointProposedLogs();
    JsonNode published =
        read("node/node_getCheckpoints_1_50.json.gz").get("response").get("result");
    assertThat(published.size()).isEqualTo(9);
    assertThat(logs).hasSize(9);
    Map<Fr, L2Block> blockByTx = new HashMap<>();
    Map<Fr, Integer> indexByTx = new HashMap<>();
    for (JsonNode p : published) {
      JsonNode cpJson = p.get("checkpoint");
      long n = cpJson.get("number").asLong();
      JsonNode log = logs.get(n);
      Fr archiveRoot = Fr.fromHexString(log.get("topics").get(2).asText());
      List<byte[]> versionedHashes = versionedHashes(log.get("data").asText());
      List<Blob> blobs = new ArrayList<>();
      for (byte[] vh : versionedHashes) {
        blobs.add(BlobFileFormat.decode(resource("blobs/" + Hex.encode(vh) + ".data"), vh));
      }
      CheckpointHeader header = BlockJson.parseCheckpointHeader(cpJson.get("header"));
      assertThat(BlockJson.toJson(header).toString())
          .as("checkpoint %d header json", n)
          .isEqualTo(cpJson.get("header").toString());
      assertThat(Blob.blobsHash(versionedHashes))
          .as("blobsHash %d", n)
          .isEqualTo(header.blobsHash());

      Checkpoint cp =
          CheckpointReconstruction.rebuildFromBlobs(
              CheckpointNumber.of(n),
              header,
              archiveRoot,
              blobs,
              CHAIN_ID,
              VERSION,
              new BigInteger(cpJson.get("feeAssetPriceModifier").asText()));
      assertThat(BlockHeadersHash.of(cp.blocks()))
          .as("blockHeadersHash %d", n)
          .isEqualTo(header.blockHeadersHash());
      assertThat(BlockJson.toJson(cp).toString())
          .as("checkpoint %d json", n)
          .isEqualTo(cpJson.toString());
      assertThat(BlockJson.parseCheckpoint(cpJson)).isEqualTo(cp);
      assertThat(Checkpoint.fromBuffer(cp.toBuffer())).isEqualTo(cp);
      // Encoding back gives the blob fields (the rest of the blob is zeros).
      List<Fr> fields = Blob.fieldsOf(blobs);
      List<Fr> encoded = cp.toBlobFields();
      assertThat(encoded).isEqualTo(fields.subList(0, encoded.size()));
      assertThat(fields.subList(encoded.size(), fields.size())).allMatch(Fr::isZero);
      assertThat(BlobFieldCodec.decodeCheckpoint(fields).blocks()).hasSize(cp.blocks().size());

      for (L2Block block : cp.blocks()) {
        long bn = block.number().value();
        JsonNode expected =
            read("node/node_getBlock_" + bn + ".json.gz").get("response").get("result");
        assertThat(BlockJson.toJson(block).toString())
            .as("block %d json", bn)
            .isEqualTo(expected.toString());
        assertThat(L2Block.fromBuffer(block.toBuffer())).isEqualTo(block);
        assertThat(BlockJson.parseL2Block(expected)).isEqualTo(block);
        for (int i = 0; i < block.txEffects().size(); i++) {
          blockByTx.put(block.txEffects().get(i).txHash(), block);
          indexByTx.put(block.txEffects().get(i).txHash(), i);
        }
      }
      // The archive chains: the checkpoint's first block builds on the header's lastArchiveRoot.
      assertThat(cp.blocks().get(0).header().lastArchive().root())
          .isEqualTo(header.lastArchiveRoot());
    }
    assertThat(blockByTx.size()).isEqualTo(10);

    for (String name :
        List.of(
            "0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3",
            "0x10d0b0bc27157021283a3f9454e6fc6047343225724400429d365dd89a826e9d",
            "0x1e901613783afdf08f3c76d9f932d300369b8bc86ba9035b159410b7659257a3",
            "0x10f7fccefbc3dbbff69d402fdc0c51dd67d67d7085e486c4c211cc0655937f29",
            "0x2145a5752c0417eb2d0a9f640fa5a203950ff679aa1b687e44e6681f45cb6204")) {
      Fr hash = Fr.fromHexString(name);
      int k =
          List.of(
                      "0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3",
                      "0x10d0b0bc27157021283a3f9454e6fc6047343225724400429d365dd89a826e9d",
                      "0x1e901613783afdf08f3c76d9f932d300369b8bc86ba9035b159410b7659257a3",
                      "0x10f7fccefbc3dbbff69d402fdc0c51dd67d67d7085e486c4c211cc0655937f29",
                      "0x2145a5752c0417eb2d0a9f640fa5a203950ff679aa1b687e44e6681f45cb6204")
                  .indexOf(name)
              + 1;
      JsonNode expected =
          read("node/node_getTxEffect_" + k + "_" + name + ".json").get("response").get("result");
      L2Block block = blockByTx.get(hash);
      assertThat(block).as("tx %s", name).isNotNull();
      TxEffect effect = block.txEffects().get(indexByTx.get(hash));
      assertThat(
              BlockJson.txEffectInBlock(effect, block.hash(), block.number(), indexByTx.get(hash))
                  .toString())
          .as("tx effect %s", name)
          .isEqualTo(expected.toString());
      assertThat(BlockJson.parseTxEffect(expected.get("data"))).isEqualTo(effect);
      assertThat(TxEffect.fromBuffer(effect.toBuffer())).isEqualTo(effect);
    }
  }

  private static Map<Long, JsonNode> checkpointProposedLogs() {
    Map<Long, JsonNode> out = new HashMap<>();
    for (JsonNode l : read("eth_getLogs_rollup.json").get("response").get("result")) {
      if (l.get("topics").get(0).asText().equals(CHECKPOINT_PROPOSED)) {
        out.put(Fr.fromHexString(l.get("topics").get(1).asText()).toLongExact(), l);
      }
    }
    return out;
  }

  /** The event data: (offset of bytes32[], payloadDigest, attestationsHash, length, hashes…). */
  private static List<byte[]> versionedHashes(String dataHex) {
    byte[] data = Hex.decode(dataHex);
    int offset = new BigInteger(1, java.util.Arrays.copyOfRange(data, 0, 32)).intValueExact();
    int len =
        new BigInteger(1, java.util.Arrays.copyOfRange(data, offset, offset + 32)).intValueExact();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      int at = offset + 32 + 32 * i;
      out.add(java.util.Arrays.copyOfRange(data, at, at + 32));
    }
    return out;
  }

  static byte[] resource(String name) {
    try (InputStream in = ReferenceCheckpointsTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String name) {
    try {
      return MAPPER.readTree(resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
