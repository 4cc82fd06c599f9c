package io.quetzal.blockbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.BlobFileFormat;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.worldstate.BlockInput;
import io.quetzal.worldstate.TxEffects;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import io.quetzal.worldstate.WorldStateFork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the official local network's 9 checkpoints from their inputs only: the local-network
 * genesis, each block's recorded tx effects and mana, checkpoint 6's L1→L2 message and the recorded
 * global variables. Every built block (header, hash, archive, body) and every checkpoint (header
 * and its hash, archive, blocks) must equal what the official node served, and the blobs (bytes and
 * KZG commitments) must equal the official file store's, found under the versioned hash we compute.
 */
class ReferenceCheckpointBuildTest {
  /** The demo's L1→L2 message, consumed by checkpoint 6. */
  static final Fr DEMO_MESSAGE =
      Fr.fromHexString("0x0021865b60b434531ae2b826712037c1b5bd01f0e79bf146b466d9ab6b64b0a0");

  @Test
  void rebuildsTheNineOfficialCheckpointsExactly() {
    List<Checkpoint> recorded = officialCheckpoints();
    assertThat(recorded).hasSize(9);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (WorldState ws = localNetworkWorldState()) {
      List<Fr> epochOutHashes = new ArrayList<>();
      for (Checkpoint expected : recorded) {
        long n = expected.number().value();
        List<Fr> messages = n == 6 ? List.of(DEMO_MESSAGE) : List.of();
        L2Block firstRecorded = expected.blocks().get(0);
        CompletedCheckpoint done;
        try (WorldStateFork fork = ws.fork()) {
          CheckpointBuilder builder =
              CheckpointBuilder.start(
                  fork,
                  CheckpointNumber.of(n),
                  CheckpointGlobalVariables.of(firstRecorded.header().globalVariables()),
                  messages,
                  epochOutHashes,
                  expected.feeAssetPriceModifier());
          for (L2Block want : expected.blocks()) {
            L2Block got =
                builder.buildBlock(
                    processed(want), want.number(), want.header().globalVariables().timestamp());
            assertThat(got.header())
                .as("block %d header", want.number().value())
                .isEqualTo(want.header());
            assertThat(got.hash()).isEqualTo(want.hash());
            assertThat(got.archive()).isEqualTo(want.archive());
            assertThat(got).isEqualTo(want);
          }
          // Odd checkpoints commit the blobs in parallel, even ones on this thread.
          done = n % 2 == 0 ? builder.complete() : builder.complete(pool, CheckpointBlobs.KZG);
          assertThat(fork.treeInfo(MerkleTreeId.ARCHIVE).snapshot()).isEqualTo(expected.archive());
        }
        assertThat(done.header()).as("checkpoint %d header", n).isEqualTo(expected.header());
        assertThat(done.header().hash()).isEqualTo(expected.header().hash());
        assertThat(done.checkpoint()).isEqualTo(expected);
        assertThat(done.checkpointOutHash()).isEqualTo(Fr.ZERO);
        CheckpointValidator.validate(done.checkpoint(), CheckpointValidator.Limits.NONE);

        // Blob fields, blobs and commitments equal the official file store's.
        assertThat(done.blobFields()).isEqualTo(expected.toBlobFields());
        assertThat(Blob.blobsHash(done.versionedHashes())).isEqualTo(expected.header().blobsHash());
        for (Blob blob : done.blobs()) {
          byte[] vh = blob.versionedHash();
          Blob official = BlobFileFormat.decode(resource("blobs/" + Hex.encode(vh) + ".data"), vh);
          assertThat(blob).isEqualTo(official);
        }
        byte[] input = done.blobInput();
        assertThat(input).hasSize(1 + 48 * done.blobs().size());
        assertThat(input[0]).isEqualTo((byte) done.blobs().size());
        assertThat(java.util.Arrays.copyOfRange(input, 1, 49))
            .isEqualTo(done.blobs().get(0).commitment());

        epochOutHashes.add(done.checkpointOutHash());
        for (L2Block b : done.checkpoint().blocks()) {
          ws.applyBlock(toInput(b, b.indexWithinCheckpoint() == 0 ? messages : List.of()));
        }
      }
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A recorded block's txs; its mana goes to the first tx (only the sum is recorded). */
  static List<ProcessedTx> processed(L2Block block) {
    List<ProcessedTx> out = new ArrayList<>();
    long mana = block.header().totalManaUsed().toLongExact();
    for (TxEffect e : block.txEffects()) {
      out.add(new ProcessedTxEffect(e, out.isEmpty() ? mana : 0));
    }
    return out;
  }

  static WorldState localNetworkWorldState() {
    return WorldState.open(
        new InMemoryKvStore(),
        WorldStateConfig.defaults(),
        GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses()).prefilledPublicData());
  }

  static BlockInput toInput(L2Block block, List<Fr> messages) {
    List<TxEffects> txs = new ArrayList<>();
    for (TxEffect e : block.txEffects()) {
      List<PublicDataTreeLeaf> writes = new ArrayList<>();
      for (PublicDataWrite w : e.publicDataWrites()) {
        writes.add(new PublicDataTreeLeaf(w.leafSlot(), w.value()));
      }
      txs.add(new TxEffects(e.noteHashes(), e.nullifiers(), writes));
    }
    return new BlockInput(
        block.number().value(),
        block.hash(),
        block.header().state(),
        block.indexWithinCheckpoint() == 0,
        messages,
        txs);
  }

  static List<Checkpoint> officialCheckpoints() {
    try {
      JsonNode all = new ObjectMapper().readTree(resource("node_getCheckpoints_1_50.json.gz"));
      List<Checkpoint> out = new ArrayList<>();
      for (JsonNode p : all.get("response").get("result")) {
        out.add(BlockJson.parseCheckpoint(p.get("checkpoint")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = ReferenceCheckpointBuildTest.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
