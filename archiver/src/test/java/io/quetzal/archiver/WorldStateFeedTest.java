package io.quetzal.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.worldstate.StateMismatchException;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The official local network's 9 checkpoints (as its node served them) applied to Quetzal's world
 * state from the same genesis: after every block the five trees must equal the block header's state
 * reference, including checkpoint 6's L1→L2 message and the demo's token deploy, mints and
 * transfers.
 */
class WorldStateFeedTest {
  /** The demo's L1→L2 message (Inbox leaf index 5120), consumed by checkpoint 6. */
  private static final Fr DEMO_MESSAGE =
      Fr.fromHexString("0x0021865b60b434531ae2b826712037c1b5bd01f0e79bf146b466d9ab6b64b0a0");

  @Test
  void theOfficialChainAppliesBlockByBlockWithEqualStateRoots() {
    Map<Long, L2Block> blocks = officialBlocks();
    assertThat(blocks).hasSize(9);
    try (WorldState ws = localNetworkWorldState()) {
      WorldStateFeed feed =
          new WorldStateFeed(ws, source(blocks, Map.of(6L, List.of(DEMO_MESSAGE))));
      assertThat(feed.catchUp()).isEqualTo(9);
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(9);
      assertThat(ws.committed().treeInfo(io.quetzal.stdlib.trees.MerkleTreeId.ARCHIVE).root())
          .isEqualTo(blocks.get(9L).archive().root());
      assertThat(feed.catchUp()).isZero();

      // A prune back to block 5, then the same blocks again.
      feed.unwindTo(5);
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(5);
      assertThat(feed.catchUp()).isEqualTo(4);
      feed.finalizeTo(7);
      assertThat(ws.status().finalizedBlockNumber()).isEqualTo(7);
    }
  }

  @Test
  void aMissingMessageIsCaughtByTheStateCheck() {
    Map<Long, L2Block> blocks = officialBlocks();
    try (WorldState ws = localNetworkWorldState()) {
      WorldStateFeed feed = new WorldStateFeed(ws, source(blocks, Map.of()));
      assertThatThrownBy(feed::catchUp).isInstanceOf(StateMismatchException.class);
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(5); // block 6 was refused whole
    }
  }

  private static WorldState localNetworkWorldState() {
    return WorldState.open(
        new InMemoryKvStore(),
        WorldStateConfig.defaults(),
        GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses()).prefilledPublicData());
  }

  private static WorldStateFeed.Source source(
      Map<Long, L2Block> blocks, Map<Long, List<Fr>> messages) {
    return new WorldStateFeed.Source() {
      @Override
      public long latestBlockNumber() {
        return blocks.size();
      }

      @Override
      public L2Block block(long number) {
        return blocks.get(number);
      }

      @Override
      public List<Fr> l1ToL2Messages(long checkpointNumber) {
        return messages.getOrDefault(checkpointNumber, List.of());
      }
    };
  }

  static Map<Long, L2Block> officialBlocks() {
    Map<Long, L2Block> out = new TreeMap<>();
    for (JsonNode p : checkpointsJson()) {
      Checkpoint cp = BlockJson.parseCheckpoint(p.get("checkpoint"));
      for (L2Block b : cp.blocks()) {
        out.put(b.number().value(), b);
      }
    }
    return out;
  }

  static List<JsonNode> checkpointsJson() {
    String name = "/reference-4.1.2/node/node_getCheckpoints_1_50.json.gz";
    try (InputStream in = WorldStateFeedTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      JsonNode all = new ObjectMapper().readTree(new GZIPInputStream(in));
      List<JsonNode> out = new ArrayList<>();
      all.get("response").get("result").forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
