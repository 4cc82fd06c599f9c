package io.quetzal.blockbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.blob.CheckpointEndMarker;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointReconstruction;
import io.quetzal.stdlib.messaging.InHash;
import io.quetzal.stdlib.messaging.OutHash;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.testkit.Property;
import io.quetzal.worldstate.TreeOperationException;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateFork;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The builder's own behaviour on the local-network genesis: empty blocks, multi-block checkpoints
 * whose blobs the archiver's decoder turns back into the same checkpoint, and failures that leave
 * the fork and the builder exactly as they were.
 */
class CheckpointBuilderTest {
  private static final CheckpointGlobalVariables CONSTANTS =
      new CheckpointGlobalVariables(
          Fr.ofLong(31337),
          Fr.ofLong(344372055),
          SlotNumber.of(7),
          1_795_595_232L,
          EthAddress.fromString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
          AztecAddress.ZERO,
          GasFees.of(0, 2_100_010_100_000L));

  private static WorldState ws;
  private static List<TxEffect> recordedTxs;

  @BeforeAll
  static void open() {
    ws = ReferenceCheckpointBuildTest.localNetworkWorldState();
    recordedTxs = new ArrayList<>();
    for (Checkpoint cp : ReferenceCheckpointBuildTest.officialCheckpoints()) {
      cp.blocks().forEach(b -> recordedTxs.addAll(b.txEffects()));
    }
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static CheckpointBuilder start(WorldStateFork fork, List<Fr> messages) {
    return CheckpointBuilder.start(
        fork, CheckpointNumber.of(1), CONSTANTS, messages, List.of(), BigInteger.ZERO);
  }

  private static long ts() {
    return CONSTANTS.timestamp();
  }

  @Test
  void anEmptyCheckpointWithMessagesRoundTripsThroughItsBlobs() {
    List<Fr> messages = List.of(Fr.ofLong(11), Fr.ofLong(22));
    try (WorldStateFork fork = ws.fork()) {
      StateReference before = fork.stateReference();
      Fr genesisArchive = fork.treeInfo(MerkleTreeId.ARCHIVE).root();
      CheckpointBuilder b = start(fork, messages);
      assertThat(fork.stateReference().l1ToL2MessageTree().nextAvailableLeafIndex())
          .isEqualTo(before.l1ToL2MessageTree().nextAvailableLeafIndex() + 1024);
      L2Block block = b.buildBlock(List.of(), BlockNumber.of(1), ts());
      assertThat(block.header().lastArchive().root()).isEqualTo(genesisArchive);
      assertThat(block.header().lastArchive().nextAvailableLeafIndex()).isEqualTo(1);
      assertThat(block.archive().nextAvailableLeafIndex()).isEqualTo(2);
      assertThat(block.header().totalFees()).isEqualTo(Fr.ZERO);
      assertThat(block.header().totalManaUsed()).isEqualTo(Fr.ZERO);
      assertThat(block.header().state().partial()).isEqualTo(before.partial());
      assertThat(b.blobFieldCount()).isEqualTo(7);

      // Only the first block may be empty; the refusal changes nothing.
      StateReference after = fork.stateReference();
      assertThatThrownBy(() -> b.buildBlock(List.of(), BlockNumber.of(2), ts()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(fork.stateReference()).isEqualTo(after);
      assertThat(fork.checkpointDepth()).isZero();
      assertThat(b.blockCount()).isEqualTo(1);

      CompletedCheckpoint done = b.complete();
      assertThat(done.blobFields()).hasSize(8);
      assertThat(CheckpointEndMarker.decode(done.blobFields().get(7)).numBlobFields()).isEqualTo(8);
      assertThat(done.blobs()).hasSize(1);
      assertThat(done.header().inHash()).isEqualTo(InHash.of(messages));
      assertThat(done.header().epochOutHash()).isEqualTo(OutHash.accumulate(List.of(Fr.ZERO)));
      assertThat(done.header().lastArchiveRoot()).isEqualTo(genesisArchive);
      assertThat(done.header().timestamp()).isEqualTo(ts());
      assertRoundTrips(done);
      // complete() does not consume the builder.
      assertThat(b.complete()).isEqualTo(done);
    }
  }

  @Test
  void recordedTxsSplitIntoBlocksRoundTripThroughTheArchiverDecoder() {
    Property.forAll(
        "random split of the recorded txs into a checkpoint's blocks",
        12,
        r -> {
          List<Integer> sizes = new ArrayList<>();
          int left = recordedTxs.size();
          if (r.nextBoolean()) {
            sizes.add(0); // an empty first block
          }
          while (left > 0) {
            int k = 1 + r.nextInt(Math.min(left, 4));
            sizes.add(k);
            left -= k;
          }
          return sizes;
        },
        sizes -> {
          try (WorldStateFork fork = ws.fork()) {
            CheckpointBuilder b = start(fork, List.of(Fr.ofLong(5)));
            int next = 0;
            long mana = 0;
            for (int i = 0; i < sizes.size(); i++) {
              List<ProcessedTx> txs = new ArrayList<>();
              for (int k = 0; k < sizes.get(i); k++) {
                txs.add(new ProcessedTxEffect(recordedTxs.get(next++), 1000L + next));
                mana += 1000L + next;
              }
              b.buildBlock(txs, BlockNumber.of(1 + i), ts());
            }
            CompletedCheckpoint done = b.complete();
            assertThat(done.checkpoint().blocks()).hasSize(sizes.size());
            assertThat(done.header().totalManaUsed()).isEqualTo(Fr.ofLong(mana));
            Fr fees = Fr.ZERO;
            for (TxEffect e : recordedTxs) {
              fees = fees.add(e.transactionFee());
            }
            Fr builtFees = Fr.ZERO;
            for (L2Block block : done.checkpoint().blocks()) {
              builtFees = builtFees.add(block.header().totalFees());
            }
            assertThat(builtFees).isEqualTo(fees);
            CheckpointValidator.validate(done.checkpoint(), CheckpointValidator.Limits.NONE);
            assertRoundTrips(done);
            assertThat(fork.treeInfo(MerkleTreeId.ARCHIVE).snapshot())
                .isEqualTo(done.checkpoint().archive());
          }
        });
  }

  @Test
  void aFailingBlockLeavesForkAndBuilderUnchanged() {
    try (WorldStateFork fork = ws.fork()) {
      CheckpointBuilder b = start(fork, List.of());
      ProcessedTx tx0 = new ProcessedTxEffect(recordedTxs.get(0), 10);
      b.buildBlock(List.of(tx0), BlockNumber.of(1), ts());
      StateReference state = fork.stateReference();
      Fr archive = fork.treeInfo(MerkleTreeId.ARCHIVE).root();
      int fields = b.blobFieldCount();

      // The same tx again: its nullifiers already exist.
      ProcessedTx tx1 = new ProcessedTxEffect(recordedTxs.get(1), 10);
      assertThatThrownBy(() -> b.buildBlock(List.of(tx1, tx0), BlockNumber.of(2), ts()))
          .isInstanceOf(TreeOperationException.class);
      assertUnchanged(fork, b, state, archive, fields);

      // Too few valid txs.
      assertThatThrownBy(
              () ->
                  b.buildBlock(
                      TxProcessor.preprocessed(List.of(tx1)),
                      BlockNumber.of(2),
                      ts(),
                      BlockLimits.UNLIMITED,
                      2,
                      null))
          .isInstanceOf(InsufficientValidTxsException.class);
      assertUnchanged(fork, b, state, archive, fields);

      // Re-execution reaching another end state.
      assertThatThrownBy(
              () ->
                  b.buildBlock(
                      TxProcessor.preprocessed(List.of(tx1)),
                      BlockNumber.of(2),
                      ts(),
                      BlockLimits.UNLIMITED,
                      0,
                      state))
          .isInstanceOf(IllegalStateException.class);
      assertUnchanged(fork, b, state, archive, fields);

      // The builder goes on as if nothing happened.
      L2Block second = b.buildBlock(List.of(tx1), BlockNumber.of(2), ts());
      assertThat(second.header().lastArchive().root()).isEqualTo(archive);
      assertThat(second.indexWithinCheckpoint()).isEqualTo(1);
      assertRoundTrips(b.complete());
    }
  }

  @Test
  void limitsAreCappedByTheCheckpointBudgets() {
    try (WorldStateFork fork = ws.fork()) {
      CheckpointBuilder b = start(fork, List.of());
      BlockLimits first = b.capLimitsByCheckpointBudgets(BlockLimits.UNLIMITED, 1000, 3);
      assertThat(first).isEqualTo(new BlockLimits(3, 1000, 786_432, 6 * 4096 - 1 - 7));
      TxEffect e = recordedTxs.get(0);
      b.buildBlock(List.of(new ProcessedTxEffect(e, 400)), BlockNumber.of(1), ts());
      BlockLimits second =
          b.capLimitsByCheckpointBudgets(new BlockLimits(10, 500, 1000, 50), 1000, 3);
      assertThat(second)
          .isEqualTo(new BlockLimits(2, 500, Math.min(1000, 786_432 - 32 * e.numBlobFields()), 50));
      BlockLimits third = b.capLimitsByCheckpointBudgets(BlockLimits.UNLIMITED, 1000, -1);
      assertThat(third.maxTransactions()).isEqualTo(Long.MAX_VALUE);
      assertThat(third.maxL2Gas()).isEqualTo(600);
      assertThat(third.maxBlobFields()).isEqualTo(6 * 4096 - 1 - b.blobFieldCount() - 6);
    }
  }

  @Test
  void completingWithoutBlocksFails() {
    try (WorldStateFork fork = ws.fork()) {
      CheckpointBuilder b = start(fork, List.of());
      assertThatThrownBy(b::complete).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void assertUnchanged(
      WorldStateFork fork, CheckpointBuilder b, StateReference state, Fr archive, int fields) {
    assertThat(fork.stateReference()).isEqualTo(state);
    assertThat(fork.treeInfo(MerkleTreeId.ARCHIVE).root()).isEqualTo(archive);
    assertThat(fork.checkpointDepth()).isZero();
    assertThat(b.blockCount()).isEqualTo(1);
    assertThat(b.blobFieldCount()).isEqualTo(fields);
  }

  /** The archiver's rebuild from the blobs, header and archive gives back the same checkpoint. */
  private static void assertRoundTrips(CompletedCheckpoint done) {
    Checkpoint cp = done.checkpoint();
    Checkpoint rebuilt =
        CheckpointReconstruction.rebuildFromBlobs(
            cp.number(),
            cp.header(),
            cp.archive().root(),
            done.blobs(),
            CONSTANTS.chainId(),
            CONSTANTS.version(),
            cp.feeAssetPriceModifier());
    assertThat(rebuilt).isEqualTo(cp);
    assertThat(done.blobFields()).isEqualTo(cp.toBlobFields());
  }
}
