package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.bench.BenchWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first blocks of the benchmark workload reach the official roots (every block's state is
 * checked by applyBlock itself against the reference file; all 50 in the benchmark run).
 */
class BenchWorkloadTest {
  static final int BLOCKS = 3;

  @TempDir Path dir;

  @Test
  void firstBlocksMatchTheOfficialRoots() {
    JsonNode refs = BenchWorkload.refsResource("/bench/world-state-refs-t72-p64-m1024-s1.json");
    BenchWorkload w = BenchWorkload.standard(refs);
    try (WorldState ws =
        WorldState.open(
            dir,
            new LmdbConfig(8L << 30, 64, 32, Durability.NONE),
            WorldStateConfig.defaults().withThreads(2),
            List.of())) {
      for (int b = 1; b <= BLOCKS; b++) {
        WorldStateStatus s = ws.applyBlock(w.block(b));
        assertThat(s.unfinalizedBlockNumber()).isEqualTo(b);
        assertThat(ws.committed().stateReference()).isEqualTo(w.expectedState(b));
      }
      assertThat(ws.committed().treeInfo(MerkleTreeId.ARCHIVE).size()).isEqualTo(BLOCKS + 1);
      assertThat(ws.committed().findLeafIndex(MerkleTreeId.ARCHIVE, w.field('h', 2, 0, 0)))
          .contains(2L);
      assertThat(ws.committed().findLeafIndex(MerkleTreeId.NULLIFIER_TREE, w.field('x', 3, 71, 63)))
          .isPresent();
      assertThat(ws.committed().treeInfo(MerkleTreeId.L1_TO_L2_MESSAGE_TREE).root())
          .isEqualTo(Fr.fromHexString(refs.get("refs").get(0).get(3).get(1).asText()));
    }
  }
}
