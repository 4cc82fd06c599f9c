package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.kvstore.ReadSnapshot;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.testkit.Property;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldStateTest {
  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private WorldState memory(WorldStateConfig config) {
    KvStore kv = new InMemoryKvStore();
    WorldState ws = WorldState.open(kv, config, List.of());
    open.add(kv);
    open.add(ws);
    return ws;
  }

  private static WorldStateConfig archive() {
    return WorldStateConfig.defaults().archive().withThreads(2);
  }

  /** Roots, sizes and a sample of reads that must never change for a given block. */
  private static Map<String, Object> fingerprint(MerkleTreeReadOps ops) {
    Map<String, Object> m = new HashMap<>();
    for (MerkleTreeId id : MerkleTreeId.values()) {
      TreeInfo info = ops.treeInfo(id);
      m.put(id + ".info", info);
      long last = Math.max(0, info.size() - 1);
      m.put(id + ".path.last", ops.siblingPath(id, last));
      m.put(id + ".path.0", ops.siblingPath(id, 0));
    }
    for (long i : new long[] {0, 5, 127, 128, 200, 300}) {
      m.put("nullifier." + i, ops.nullifierPreimage(i));
      m.put("public." + i, ops.publicDataPreimage(i));
    }
    Fr probe = Fr.fromHexString("0x0badc0ffee");
    m.put("low.nullifier", ops.lowLeaf(MerkleTreeId.NULLIFIER_TREE, probe));
    m.put("low.public", ops.lowLeaf(MerkleTreeId.PUBLIC_DATA_TREE, probe));
    m.put("state", ops.stateReference());
    return m;
  }

  @Test
  void theSyncPathAgreesWithTheForkPathOnRandomBlocks() {
    Property.forAll(
        "applyBlock reaches the state a fork computes with the per-operation API",
        6,
        r -> r.nextLong(),
        seed -> {
          WorldState ws = memory(archive());
          RandomBlocks blocks = new RandomBlocks(seed, 4);
          for (int b = 1; b <= 6; b++) {
            BlockInput in = blocks.block(ws, b);
            Fr archiveRootOnFork;
            try (WorldStateFork f = ws.fork()) {
              RandomBlocks.replay(f, blocks.contents(b));
              f.appendLeaves(MerkleTreeId.ARCHIVE, List.of(in.blockHash()));
              archiveRootOnFork = f.treeInfo(MerkleTreeId.ARCHIVE).root();
            }
            ws.applyBlock(in);
            assertThat(ws.committed().stateReference()).isEqualTo(in.expectedState());
            assertThat(ws.committed().treeInfo(MerkleTreeId.ARCHIVE).root())
                .isEqualTo(archiveRootOnFork);
            assertThat(ws.committed().findLeafIndex(MerkleTreeId.ARCHIVE, in.blockHash()))
                .contains((long) b);
          }
        });
  }

  @Test
  void historyIsStableThroughPruningAndUnwinding() {
    WorldState ws = memory(WorldStateConfig.defaults().withHistoryToKeep(4).withThreads(2));
    RandomBlocks blocks = new RandomBlocks(42, 3);
    Map<Long, Map<String, Object>> seen = new HashMap<>();
    seen.put(0L, fingerprint(ws.committed()));
    List<BlockInput> applied = new ArrayList<>();
    for (int b = 1; b <= 12; b++) {
      BlockInput in = blocks.block(ws, b);
      applied.add(in);
      ws.applyBlock(in);
      seen.put((long) b, fingerprint(ws.committed()));
    }
    for (long b = 0; b <= 12; b++) {
      assertThat(fingerprint(ws.at(b))).as("block %d read later", b).isEqualTo(seen.get(b));
    }
    // finalizing 10 keeps the 4 blocks 7..10 (and everything newer)
    WorldStateStatus st = ws.setFinalized(10);
    assertThat(st.finalizedBlockNumber()).isEqualTo(10);
    assertThat(st.oldestHistoricalBlock()).isEqualTo(7);
    for (long b = 7; b <= 12; b++) {
      assertThat(fingerprint(ws.at(b))).as("block %d after pruning", b).isEqualTo(seen.get(b));
    }
    assertThatThrownBy(() -> ws.at(6)).isInstanceOf(BlockNotAvailableException.class);
    assertThatThrownBy(() -> ws.fork(3)).isInstanceOf(BlockNotAvailableException.class);
    // unwinding is limited to unfinalized blocks
    assertThatThrownBy(() -> ws.unwindBlocks(9)).isInstanceOf(WorldStateException.class);
    st = ws.unwindBlocks(10);
    assertThat(st.unfinalizedBlockNumber()).isEqualTo(10);
    assertThatThrownBy(() -> ws.at(11)).isInstanceOf(BlockNotAvailableException.class);
    for (long b = 7; b <= 10; b++) {
      assertThat(fingerprint(ws.at(b))).as("block %d after unwinding", b).isEqualTo(seen.get(b));
    }
    // the same blocks apply again to the same states
    ws.applyBlock(applied.get(10));
    ws.applyBlock(applied.get(11));
    assertThat(fingerprint(ws.committed())).isEqualTo(seen.get(12L));
    assertThat(fingerprint(ws.at(11))).isEqualTo(seen.get(11L));
  }

  @Test
  void pruningDeletesSupersededVersionsOnly() {
    KvStore kv = new InMemoryKvStore();
    open.add(kv);
    WorldState ws =
        WorldState.open(
            kv, WorldStateConfig.defaults().withHistoryToKeep(1).withThreads(2), List.of());
    open.add(ws);
    RandomBlocks blocks = new RandomBlocks(7, 3);
    for (int b = 1; b <= 6; b++) {
      ws.applyBlock(blocks.block(ws, b));
    }
    int before = count(kv, "nullifier.nodes") + count(kv, "public_data.leaves");
    Map<String, Object> latest = fingerprint(ws.committed());
    WorldStateStatus st = ws.setFinalized(6);
    assertThat(st.oldestHistoricalBlock()).isEqualTo(6);
    int after = count(kv, "nullifier.nodes") + count(kv, "public_data.leaves");
    assertThat(after).isLessThan(before);
    Map<String, Object> now = fingerprint(ws.committed());
    for (String k : latest.keySet()) {
      assertThat(now.get(k)).as(k).isEqualTo(latest.get(k));
    }
    assertThat(count(kv, "changes")).isZero();
  }

  private static int count(KvStore kv, String db) {
    int[] n = {0};
    var d = kv.database(db);
    try (ReadSnapshot s = kv.snapshot()) {
      s.forEach(d, new byte[] {0}, null, (k, v) -> ++n[0] > 0);
    }
    return n[0];
  }

  @Test
  void badBlocksAreRejectedAndChangeNothing() {
    WorldState ws = memory(archive());
    RandomBlocks blocks = new RandomBlocks(3, 2);
    ws.applyBlock(blocks.block(ws, 1));
    Map<String, Object> before = fingerprint(ws.committed());
    BlockInput good = blocks.block(ws, 2);
    StateReference expected = good.expectedState();
    Fr dup = Fr.ofLong(123_456_789);
    TxEffects dupTx = new TxEffects(List.of(), List.of(dup, dup), List.of());
    TxEffects existing = new TxEffects(List.of(), List.of(Fr.ofLong(5)), List.of());
    TxEffects emptyWrite =
        new TxEffects(
            List.of(), List.of(Fr.ONE.add(Fr.ONE).mul(dup)), List.of(PublicDataTreeLeaf.EMPTY));
    List<Fr> tooMany = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      tooMany.add(Fr.ofLong(1000 + i));
    }
    List<BlockInput> bad =
        List.of(
            new BlockInput(3, good.blockHash(), expected, true, List.of(), good.txs()),
            new BlockInput(2, good.blockHash(), expected, true, List.of(), List.of(dupTx)),
            new BlockInput(2, good.blockHash(), expected, true, List.of(), List.of(existing)),
            new BlockInput(2, good.blockHash(), expected, true, List.of(), List.of(emptyWrite)),
            new BlockInput(
                2,
                good.blockHash(),
                expected,
                true,
                List.of(),
                List.of(new TxEffects(tooMany, List.of(), List.of()))),
            new BlockInput(2, good.blockHash(), expected, false, List.of(Fr.ONE), good.txs()));
    for (BlockInput b : bad) {
      assertThatThrownBy(() -> ws.applyBlock(b)).isInstanceOf(InvalidBlockException.class);
      assertThat(fingerprint(ws.committed())).isEqualTo(before);
    }
    assertThatThrownBy(
            () ->
                ws.applyBlock(
                    new BlockInput(
                        2, good.blockHash(), expected, true, List.of(), List.of(existing))))
        .hasMessageContaining("is already present");
    // a wrong expected state names the tree and leaves the store alone
    StateReference wrong =
        new StateReference(
            expected.l1ToL2MessageTree(),
            new io.quetzal.stdlib.block.PartialStateReference(
                expected.partial().noteHashTree(),
                new AppendOnlyTreeSnapshot(
                    Fr.ONE, expected.partial().nullifierTree().nextAvailableLeafIndex()),
                expected.partial().publicDataTree()));
    BlockInput mismatch =
        new BlockInput(
            2,
            good.blockHash(),
            wrong,
            good.firstInCheckpoint(),
            good.l1ToL2Messages(),
            good.txs());
    assertThatThrownBy(() -> ws.applyBlock(mismatch))
        .isInstanceOfSatisfying(
            StateMismatchException.class,
            e -> {
              assertThat(e.tree()).isEqualTo(MerkleTreeId.NULLIFIER_TREE);
              assertThat(e.mismatches()).containsOnlyKeys(MerkleTreeId.NULLIFIER_TREE);
              assertThat(e.getMessage()).contains("NULLIFIER_TREE");
            });
    assertThat(fingerprint(ws.committed())).isEqualTo(before);
    assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(1);
    ws.applyBlock(good);
    assertThat(ws.committed().stateReference()).isEqualTo(expected);
  }

  @Test
  void forksAreIsolatedNestedAndClosedWithTheirBlock() {
    WorldState ws = memory(archive());
    RandomBlocks blocks = new RandomBlocks(11, 2);
    ws.applyBlock(blocks.block(ws, 1));
    ws.applyBlock(blocks.block(ws, 2));
    Map<String, Object> committed = fingerprint(ws.committed());
    WorldStateFork f = ws.fork();
    TreeInfo start = f.treeInfo(MerkleTreeId.NOTE_HASH_TREE);
    f.appendLeaves(MerkleTreeId.NOTE_HASH_TREE, List.of(Fr.ofLong(1)));
    f.createCheckpoint();
    f.appendLeaves(MerkleTreeId.NOTE_HASH_TREE, List.of(Fr.ofLong(2)));
    f.createCheckpoint();
    f.sequentialInsertPublicData(List.of(new PublicDataTreeLeaf(Fr.ofLong(77), Fr.ofLong(1))));
    assertThat(f.checkpointDepth()).isEqualTo(2);
    f.revertCheckpoint();
    assertThat(f.findLeafIndex(MerkleTreeId.PUBLIC_DATA_TREE, Fr.ofLong(77))).contains(77L);
    assertThat(f.publicDataPreimage(77).orElseThrow().value()).isEqualTo(Fr.ZERO);
    f.commitCheckpoint();
    assertThat(f.treeInfo(MerkleTreeId.NOTE_HASH_TREE).size()).isEqualTo(start.size() + 2);
    f.createCheckpoint();
    f.appendLeaves(MerkleTreeId.NOTE_HASH_TREE, List.of(Fr.ofLong(3)));
    f.revertAllCheckpoints();
    assertThat(f.treeInfo(MerkleTreeId.NOTE_HASH_TREE).size()).isEqualTo(start.size() + 2);
    assertThat(f.findLeafIndex(MerkleTreeId.NOTE_HASH_TREE, Fr.ofLong(2)))
        .contains(start.size() + 1);
    assertThatThrownBy(f::commitCheckpoint).isInstanceOf(TreeOperationException.class);
    // a failed batch changes nothing
    Map<String, Object> forkState = fingerprint(f);
    assertThatThrownBy(
            () -> f.batchInsertNullifiers(List.of(Fr.ofLong(100_009), Fr.ofLong(100_009)), 1))
        .isInstanceOf(TreeOperationException.class)
        .hasMessageContaining("Duplicate key");
    assertThat(fingerprint(f)).isEqualTo(forkState);
    // updateArchive checks the header's state
    BlockHeader wrongHeader = BlockHeader.empty(ws.committed().stateReference());
    assertThatThrownBy(() -> f.updateArchive(wrongHeader))
        .isInstanceOf(TreeOperationException.class);
    BlockHeader header = BlockHeader.empty(f.stateReference());
    f.updateArchive(header);
    assertThat(f.findLeafIndex(MerkleTreeId.ARCHIVE, header.hash())).contains(3L);
    // committed state is untouched by the fork
    assertThat(fingerprint(ws.committed())).isEqualTo(committed);
    // a historic fork sees its block; unwinding its block closes it
    WorldStateFork old = ws.fork(1);
    assertThat(old.stateReference()).isEqualTo(ws.at(1).stateReference());
    ws.unwindBlocks(1);
    assertThatThrownBy(() -> f.treeInfo(MerkleTreeId.ARCHIVE))
        .isInstanceOf(ForkClosedException.class);
    assertThat(old.stateReference()).isEqualTo(ws.committed().stateReference());
    old.close();
    assertThatThrownBy(() -> old.treeInfo(MerkleTreeId.ARCHIVE))
        .isInstanceOf(ForkClosedException.class);
  }

  @Test
  void readersSeeCommittedBlocksWhileTheWriterApplies() throws Exception {
    WorldState ws = memory(archive());
    RandomBlocks blocks = new RandomBlocks(5, 2);
    ws.applyBlock(blocks.block(ws, 1));
    Map<String, Object> one = fingerprint(ws.at(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader =
          pool.submit(
              () -> {
                int reads = 0;
                while (ws.status().unfinalizedBlockNumber() < 5) {
                  assertThat(fingerprint(ws.at(1))).isEqualTo(one);
                  reads++;
                }
                return reads;
              });
      for (int b = 2; b <= 5; b++) {
        ws.applyBlock(blocks.block(ws, b));
      }
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anLmdbStoreReopensWhereItWasAndChecksItsGenesis() {
    LmdbConfig lmdb = new LmdbConfig(1L << 30, 64, 32, Durability.NO_META_SYNC, true);
    RandomBlocks blocks = new RandomBlocks(9, 2);
    Map<String, Object> before;
    List<PublicDataTreeLeaf> prefill =
        List.of(new PublicDataTreeLeaf(Fr.ofLong(1000), Fr.ofLong(1)));
    try (WorldState ws = WorldState.open(dir, lmdb, archive(), prefill)) {
      for (int b = 1; b <= 3; b++) {
        ws.applyBlock(blocks.block(ws, b));
      }
      before = fingerprint(ws.committed());
      assertThat(ws.sizeOnDiskBytes()).isPositive();
    }
    try (WorldState ws = WorldState.open(dir, lmdb, archive(), prefill)) {
      assertThat(ws.status().unfinalizedBlockNumber()).isEqualTo(3);
      assertThat(fingerprint(ws.committed())).isEqualTo(before);
      assertThat(ws.committed().publicDataPreimage(127).orElseThrow().slot())
          .isEqualTo(Fr.ofLong(1000));
      ws.applyBlock(blocks.block(ws, 4));
    }
    assertThatThrownBy(() -> WorldState.open(dir, lmdb, archive(), List.of()))
        .isInstanceOf(WorldStateException.class)
        .hasMessageContaining("genesis");
    assertThatThrownBy(
            () ->
                WorldState.open(
                    dir.resolve("bad"),
                    lmdb,
                    archive(),
                    List.of(new PublicDataTreeLeaf(Fr.ofLong(3), Fr.ONE))))
        .isInstanceOf(WorldStateException.class)
        .hasMessageContaining("Prefilled values must not be the same as the default values");
  }

  @Test
  void readsValidateTheirArguments() {
    WorldState ws = memory(archive());
    MerkleTreeReadOps ops = ws.committed();
    assertThatThrownBy(() -> ops.siblingPath(MerkleTreeId.ARCHIVE, 1L << 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ops.leafValue(MerkleTreeId.NULLIFIER_TREE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ops.lowLeaf(MerkleTreeId.NOTE_HASH_TREE, Fr.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ops.leafValue(MerkleTreeId.ARCHIVE, 0)).isEqualTo(ws.initialHeader().hash());
    assertThat(ops.leafValue(MerkleTreeId.NOTE_HASH_TREE, 5)).isEqualTo(Fr.ZERO);
    assertThat(ops.nullifierPreimage(128)).isEmpty();
    assertThat(
            ops.findLeafIndices(
                MerkleTreeId.NULLIFIER_TREE, List.of(Fr.ZERO, Fr.ofLong(127), Fr.ofLong(128))))
        .containsExactly(
            java.util.Optional.of(0L), java.util.Optional.of(127L), java.util.Optional.empty());
    assertThat(ws.status()).isEqualTo(new WorldStateStatus(0, 0, 0, true));
    assertThatThrownBy(() -> ws.setFinalized(1)).isInstanceOf(WorldStateException.class);
    assertThatThrownBy(() -> ws.unwindBlocks(0)).isInstanceOf(WorldStateException.class);
  }
}
