package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.kvstore.KvStore;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The world state against the official one: genesis roots and leaves, every block's roots, sibling
 * paths, preimages, low leaves and lookups, historic reads, unwinding, and a fork's operations with
 * their witnesses, checkpoints and errors. Runs on each store implementation.
 */
abstract class WorldStateOracleContract {
  @TempDir Path dir;

  abstract KvStore newStore(Path dir);

  WorldState open(KvStore kv, JsonNode genesis) {
    return WorldState.open(
        kv,
        WorldStateConfig.defaults().archive().withThreads(2),
        Oracle.writes(genesis.get("prefilledPublicData")));
  }

  @Test
  void genesisMatchesForEveryPrefill() {
    int n = 0;
    for (JsonNode g : Oracle.root().get("genesis")) {
      try (KvStore kv = newStore(dir.resolve("g" + n++));
          WorldState ws = open(kv, g)) {
        String label = g.get("label").asText();
        OracleChecks.trees(ws.committed(), g.get("trees"), label);
        BlockHeader header = ws.initialHeader();
        assertThat(header.hash())
            .as(label)
            .isEqualTo(Oracle.fr(g.get("initialHeader").get("hash")));
        assertThat("0x" + java.util.HexFormat.of().formatHex(header.toBuffer()))
            .as(label + " header buffer")
            .isEqualTo(g.get("initialHeader").get("buffer").asText());
        JsonNode leaves = g.get("initialLeaves");
        if (leaves != null) {
          for (int i = 0; i < leaves.get("NULLIFIER_TREE").size(); i++) {
            NullifierLeafPreimage want =
                Oracle.nullifierPreimage(leaves.get("NULLIFIER_TREE").get(i));
            assertThat(ws.committed().nullifierPreimage(i).orElse(null))
                .as(label + " nullifier " + i)
                .isEqualTo(want);
            PublicDataTreeLeafPreimage wantPd =
                Oracle.publicDataPreimage(leaves.get("PUBLIC_DATA_TREE").get(i));
            assertThat(ws.committed().publicDataPreimage(i).orElse(null))
                .as(label + " public data " + i)
                .isEqualTo(wantPd);
          }
        }
        if (label.equals("empty")) {
          assertThat(ws.committed().treeInfo(MerkleTreeId.ARCHIVE).root())
              .isEqualTo(Oracle.fr(Oracle.root().get("constants").get("GENESIS_ARCHIVE_ROOT")));
        }
      }
    }
  }

  @Test
  void blocksHistoryUnwindAndForksMatch() {
    JsonNode root = Oracle.root();
    try (KvStore kv = newStore(dir);
        WorldState ws = open(kv, Oracle.genesis("local-network"))) {
      JsonNode blocks = root.get("blocks");
      List<JsonNode> pendingHistorical = new ArrayList<>();
      int checks = 0;
      for (JsonNode b : blocks) {
        long number = b.get("number").asLong();
        ws.applyBlock(Oracle.block(b));
        String where = "block " + number;
        OracleChecks.trees(ws.committed(), b.get("trees"), where);
        checks += OracleChecks.reads(ws.committed(), b, where);
        if (b.has("historical")) {
          pendingHistorical.add(b.get("historical"));
        }
        for (JsonNode h : List.copyOf(pendingHistorical)) {
          if (h.get("readAfterBlock").asLong() == number) {
            MerkleTreeReadOps past = ws.at(h.get("block").asLong());
            String hw = "block " + h.get("block").asLong() + " read after " + number;
            OracleChecks.trees(past, h.get("trees"), hw);
            checks += OracleChecks.reads(past, h, hw);
            pendingHistorical.remove(h);
          }
        }
      }
      assertThat(pendingHistorical).isEmpty();
      assertThat(checks).isGreaterThan(200);

      JsonNode unwind = root.get("unwind");
      WorldStateStatus status = ws.unwindBlocks(unwind.get("toBlock").asLong());
      JsonNode st = unwind.get("status");
      assertThat(status.unfinalizedBlockNumber())
          .isEqualTo(st.get("unfinalizedBlockNumber").asLong());
      assertThat(status.finalizedBlockNumber()).isEqualTo(st.get("finalizedBlockNumber").asLong());
      assertThat(status.oldestHistoricalBlock())
          .isEqualTo(st.get("oldestHistoricalBlock").asLong());
      assertThat(status.treesAreSynched()).isEqualTo(st.get("treesAreSynched").asBoolean());
      OracleChecks.trees(ws.committed(), unwind.get("trees"), "after unwind");

      replayForkOps(ws, root.get("forkOps"));

      JsonNode hf = root.get("historicFork");
      try (WorldStateFork f = ws.fork(hf.get("block").asLong())) {
        OracleChecks.trees(f, hf.get("trees"), "historic fork");
      }
    }
  }

  private static void replayForkOps(WorldState ws, JsonNode forkOps) {
    try (WorldStateFork fork = ws.fork(forkOps.get("forkedAtBlock").asLong())) {
      int step = 0;
      for (JsonNode s : forkOps.get("steps")) {
        String op = s.get("op").asText();
        String where = "fork step " + step++ + " " + op;
        if (s.has("error")) {
          assertThatThrownBy(() -> apply(fork, s, where))
              .as(where)
              .isInstanceOf(WorldStateException.class)
              .hasMessageContaining(
                  s.get("error")
                      .asText()
                      .replaceAll(".*(is already present|Duplicate key).*", "$1"));
        } else {
          apply(fork, s, where);
        }
        OracleChecks.trees(fork, s.get("trees"), where);
      }
    }
  }

  private static void apply(WorldStateFork fork, JsonNode s, String where) {
    String op = s.get("op").asText();
    switch (op) {
      case "initial" -> {}
      case "appendLeaves" ->
          fork.appendLeaves(Oracle.tree(s.get("tree").asText()), Oracle.frs(s.get("leaves")));
      case "batchInsert" -> {
        MerkleTreeId id = Oracle.tree(s.get("tree").asText());
        assertThat(id).isEqualTo(MerkleTreeId.NULLIFIER_TREE);
        var r =
            fork.batchInsertNullifiers(Oracle.frs(s.get("leaves")), s.get("subtreeHeight").asInt());
        JsonNode want = s.get("result");
        if (want != null) {
          assertThat(r.sortedNewLeaves())
              .as(where)
              .isEqualTo(Oracle.frs(want.get("sortedNewLeaves")));
          List<Long> idx = new ArrayList<>();
          want.get("sortedNewLeavesIndexes").forEach(x -> idx.add(x.asLong()));
          assertThat(r.sortedNewLeavesIndexes()).as(where).isEqualTo(idx);
          assertThat(r.newSubtreeSiblingPath())
              .as(where)
              .isEqualTo(Oracle.frs(want.get("newSubtreeSiblingPath")));
          witnesses(
              r.lowLeavesWitnessData(),
              want.get("lowLeavesWitnessData"),
              MerkleTreeId.NULLIFIER_TREE,
              where);
        }
      }
      case "sequentialInsert" -> {
        MerkleTreeId id = Oracle.tree(s.get("tree").asText());
        assertThat(id).isEqualTo(MerkleTreeId.PUBLIC_DATA_TREE);
        var r = fork.sequentialInsertPublicData(Oracle.writes(s.get("leaves")));
        JsonNode want = s.get("result");
        if (want != null) {
          witnesses(r.lowLeavesWitnessData(), want.get("lowLeavesWitnessData"), id, where + " low");
          witnesses(
              r.insertionWitnessData(), want.get("insertionWitnessData"), id, where + " insertion");
        }
      }
      case "createCheckpoint" -> {
        fork.createCheckpoint();
        assertThat(fork.checkpointDepth()).as(where).isEqualTo(s.get("depth").asInt());
      }
      case "commitCheckpoint" -> fork.commitCheckpoint();
      case "revertCheckpoint" -> fork.revertCheckpoint();
      case "updateArchive" -> {
        BlockHeader h =
            BlockHeader.fromBuffer(
                java.util.HexFormat.of()
                    .parseHex(s.get("header").get("buffer").asText().substring(2)));
        assertThat(h.hash()).isEqualTo(Oracle.fr(s.get("header").get("hash")));
        fork.updateArchive(h);
      }
      default -> throw new AssertionError("unknown op " + op);
    }
  }

  private static <P> void witnesses(
      List<LeafWitness<P>> got, JsonNode want, MerkleTreeId id, String where) {
    assertThat(got).as(where + " witness count").hasSize(want.size());
    for (int i = 0; i < want.size(); i++) {
      JsonNode w = want.get(i);
      LeafWitness<P> g = got.get(i);
      assertThat(g.index())
          .as(where + " witness " + i + " index")
          .isEqualTo(w.get("index").asLong());
      Object expected = Oracle.preimage(id, w.get("preimage"));
      assertThat((Object) g.preimage())
          .as(where + " witness " + i + " preimage")
          .isEqualTo(expected);
      assertThat(g.siblingPath())
          .as(where + " witness " + i + " path")
          .isEqualTo(Oracle.frs(w.get("siblingPath")));
    }
  }
}
