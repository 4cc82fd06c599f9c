package io.quetzal.blockbuilder;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.blob.BlockBlobData;
import io.quetzal.stdlib.blob.BlockEndMarker;
import io.quetzal.stdlib.blob.BlockEndStateField;
import io.quetzal.stdlib.blob.CheckpointEndMarker;
import io.quetzal.stdlib.blob.SpongeBlob;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.checkpoint.BlockHeadersHash;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.messaging.InHash;
import io.quetzal.stdlib.messaging.OutHash;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.worldstate.MerkleTreeWriteOps;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the blocks of one checkpoint on a world-state fork and completes the checkpoint (the
 * official {@code LightweightCheckpointBuilder} behind the validator client's {@code
 * CheckpointBuilder}).
 *
 * <ul>
 *   <li>{@link #start}: appends the checkpoint's L1→L2 messages, zero-padded to 1024, to the fork;
 *   <li>{@link #buildBlock}: inside a fork checkpoint, processes txs (their effects go into the
 *       fork), builds the header — lastArchive, the fork's state reference, {@code spongeBlobHash}
 *       (the running sponge over the checkpoint's blob fields so far, this block included), global
 *       variables, {@code totalFees = Σ fees}, {@code totalManaUsed = Σ mana} — and appends the
 *       block hash to the archive. Only the first block may be empty. On any failure the fork and
 *       the builder are left as before the call;
 *   <li>{@link #complete}: the checkpoint end marker, blobs and their KZG commitments, and the
 *       {@link CheckpointHeader} (lastArchiveRoot, blockHeadersHash, blobsHash, inHash,
 *       epochOutHash, slot, the last block's timestamp, coinbase, feeRecipient, gasFees,
 *       totalManaUsed).
 * </ul>
 *
 * <p>Not thread-safe: one builder per checkpoint, used from one thread (like its fork).
 */
public final class CheckpointBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointBuilder.class);

  /** {@code MAX_PROCESSABLE_DA_GAS_PER_CHECKPOINT}: 6 blobs of 4096 fields at 32 gas each. */
  public static final long MAX_PROCESSABLE_DA_GAS_PER_CHECKPOINT = 786_432;

  /** {@code NUM_CHECKPOINT_END_MARKER_FIELDS}. */
  static final int NUM_CHECKPOINT_END_MARKER_FIELDS = 1;

  private final MerkleTreeWriteOps fork;
  private final CheckpointNumber number;
  private final CheckpointGlobalVariables constants;
  private final List<Fr> l1ToL2Messages;
  private final List<Fr> previousCheckpointOutHashes;
  private final BigInteger feeAssetPriceModifier;

  private final List<AppendOnlyTreeSnapshot> lastArchives = new ArrayList<>();
  private final List<L2Block> blocks = new ArrayList<>();
  private final List<Fr> blobFields = new ArrayList<>();
  private SpongeBlob sponge = SpongeBlob.init();

  private CheckpointBuilder(
      MerkleTreeWriteOps fork,
      CheckpointNumber number,
      CheckpointGlobalVariables constants,
      List<Fr> l1ToL2Messages,
      List<Fr> previousCheckpointOutHashes,
      BigInteger feeAssetPriceModifier) {
    this.fork = Objects.requireNonNull(fork, "fork");
    this.number = Objects.requireNonNull(number, "number");
    this.constants = Objects.requireNonNull(constants, "constants");
    this.l1ToL2Messages = List.copyOf(l1ToL2Messages);
    this.previousCheckpointOutHashes = List.copyOf(previousCheckpointOutHashes);
    this.feeAssetPriceModifier =
        Objects.requireNonNull(feeAssetPriceModifier, "feeAssetPriceModifier");
    if (this.l1ToL2Messages.size() > Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP) {
      throw new IllegalArgumentException(
          this.l1ToL2Messages.size()
              + " L1-to-L2 messages; a checkpoint holds at most "
              + Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP);
    }
    if (this.previousCheckpointOutHashes.size() >= OutHash.OUT_HASH_TREE_LEAF_COUNT) {
      throw new IllegalArgumentException(
          this.previousCheckpointOutHashes.size()
              + " previous checkpoint out hashes: an epoch has at most "
              + OutHash.OUT_HASH_TREE_LEAF_COUNT
              + " checkpoints");
    }
  }

  /**
   * Starts checkpoint {@code number} on {@code fork} (at the synced block): appends {@code
   * l1ToL2Messages} (unpadded, in leaf order) padded with zeros to 1024.
   *
   * @param previousCheckpointOutHashes the out hashes of the epoch's earlier checkpoints, in order
   * @param feeAssetPriceModifier the proposer's fee asset price modifier (basis points)
   */
  public static CheckpointBuilder start(
      MerkleTreeWriteOps fork,
      CheckpointNumber number,
      CheckpointGlobalVariables constants,
      List<Fr> l1ToL2Messages,
      List<Fr> previousCheckpointOutHashes,
      BigInteger feeAssetPriceModifier) {
    CheckpointBuilder b =
        new CheckpointBuilder(
            fork,
            number,
            constants,
            l1ToL2Messages,
            previousCheckpointOutHashes,
            feeAssetPriceModifier);
    fork.appendLeaves(
        MerkleTreeId.L1_TO_L2_MESSAGE_TREE,
        SideEffects.padded(b.l1ToL2Messages, Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP));
    LOG.debug(
        "Started checkpoint {} (slot {}, {} L1-to-L2 messages)",
        number.value(),
        constants.slotNumber().value(),
        b.l1ToL2Messages.size());
    return b;
  }

  /**
   * Resumes a checkpoint whose blocks are already in the fork (the official {@code
   * resumeCheckpoint}, for re-execution): the messages are not appended again; {@code
   * existingBlocks} must be consecutive and chained.
   */
  public static CheckpointBuilder resume(
      MerkleTreeWriteOps fork,
      CheckpointNumber number,
      CheckpointGlobalVariables constants,
      List<Fr> l1ToL2Messages,
      List<Fr> previousCheckpointOutHashes,
      BigInteger feeAssetPriceModifier,
      List<L2Block> existingBlocks) {
    CheckpointBuilder b =
        new CheckpointBuilder(
            fork,
            number,
            constants,
            l1ToL2Messages,
            previousCheckpointOutHashes,
            feeAssetPriceModifier);
    for (int i = 1; i < existingBlocks.size(); i++) {
      L2Block prev = existingBlocks.get(i - 1);
      L2Block cur = existingBlocks.get(i);
      if (cur.number().value() != prev.number().value() + 1) {
        throw new IllegalArgumentException(
            "Non-sequential block numbers in resumeCheckpoint: "
                + prev.number().value()
                + " -> "
                + cur.number().value());
      }
      if (!prev.archive().root().equals(cur.header().lastArchive().root())) {
        throw new IllegalArgumentException(
            "Archive root mismatch between blocks "
                + prev.number().value()
                + " and "
                + cur.number().value());
      }
    }
    for (int i = 0; i < existingBlocks.size(); i++) {
      L2Block block = existingBlocks.get(i);
      if (i == 0) {
        b.lastArchives.add(block.header().lastArchive());
      }
      b.lastArchives.add(block.archive());
      List<Fr> fields = block.toBlobFields();
      b.sponge.absorb(fields);
      b.blobFields.addAll(fields);
      b.blocks.add(block);
    }
    return b;
  }

  public CheckpointNumber checkpointNumber() {
    return number;
  }

  public CheckpointGlobalVariables constants() {
    return constants;
  }

  /** The L1→L2 messages of the checkpoint, unpadded. */
  public List<Fr> l1ToL2Messages() {
    return l1ToL2Messages;
  }

  /** The blocks built so far. */
  public List<L2Block> blocks() {
    return List.copyOf(blocks);
  }

  public int blockCount() {
    return blocks.size();
  }

  /** The number of blob fields the blocks built so far take (block-end fields included). */
  public int blobFieldCount() {
    return blobFields.size();
  }

  /**
   * Builds block {@code blockNumber} at {@code timestamp} from already-processed txs: inserts their
   * effects into the fork, then adds the block.
   */
  public L2Block buildBlock(
      List<? extends ProcessedTx> txs, BlockNumber blockNumber, long timestamp) {
    return buildBlock(
            TxProcessor.preprocessed(txs), blockNumber, timestamp, BlockLimits.UNLIMITED, 0, null)
        .block();
  }

  /**
   * Builds block {@code blockNumber} at {@code timestamp}: runs {@code processor} on the fork with
   * {@code limits} capped by what is left of the checkpoint's blob budget, then adds the block. If
   * fewer than {@code minValidTxs} txs were processed, throws {@link
   * InsufficientValidTxsException}; if {@code expectedEndState} is given (re-execution) and the
   * fork's state differs, throws {@link IllegalStateException}. Either way, and on any other
   * failure, the fork and the builder are unchanged.
   */
  public BuiltBlock buildBlock(
      TxProcessor processor,
      BlockNumber blockNumber,
      long timestamp,
      BlockLimits limits,
      int minValidTxs,
      StateReference expectedEndState) {
    GlobalVariables gv = constants.forBlock(blockNumber, timestamp);
    BlockLimits capped = capBlobFields(limits);
    fork.createCheckpoint();
    boolean committed = false;
    try {
      TxProcessor.Result r = processor.process(fork, gv, capped);
      if (r.processed().size() < minValidTxs) {
        throw new InsufficientValidTxsException(r.processed().size(), minValidTxs, r.failed());
      }
      L2Block block = addBlock(gv, r.processed(), expectedEndState);
      fork.commitCheckpoint();
      committed = true;
      return new BuiltBlock(block, r.processed(), r.failed());
    } finally {
      if (!committed) {
        fork.revertCheckpoint();
      }
    }
  }

  /**
   * Adds a block whose txs' effects are already in the fork (the official {@code addBlock}): builds
   * the header and appends its hash to the archive. The builder changes only if this succeeds.
   */
  public L2Block addBlock(
      GlobalVariables globals, List<? extends ProcessedTx> txs, StateReference expectedEndState) {
    boolean first = blocks.isEmpty();
    if (!first && txs.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot add empty block that is not the first block in the checkpoint.");
    }
    AppendOnlyTreeSnapshot lastArchive =
        first ? fork.treeInfo(MerkleTreeId.ARCHIVE).snapshot() : lastArchives.getLast();
    StateReference endState = fork.stateReference();
    if (expectedEndState != null && !endState.equals(expectedEndState)) {
      throw new IllegalStateException(
          "End state does not match expected end state when building block "
              + globals.blockNumber().value());
    }
    validate(endState);

    List<TxEffect> effects = new ArrayList<>(txs.size());
    Fr totalFees = Fr.ZERO;
    long totalMana = 0;
    for (ProcessedTx tx : txs) {
      effects.add(tx.txEffect());
      totalFees = totalFees.add(tx.txEffect().transactionFee());
      totalMana = Math.addExact(totalMana, tx.manaUsed());
    }
    List<Fr> fields =
        BlobFieldCodec.encodeBlock(
            blockBlobData(effects, globals, lastArchive, endState, totalMana, first));
    SpongeBlob next = sponge.copy();
    next.absorb(fields);
    Fr spongeBlobHash = next.copy().squeeze();
    BlockHeader header =
        new BlockHeader(
            lastArchive, endState, spongeBlobHash, globals, totalFees, Fr.ofLong(totalMana));

    fork.updateArchive(header);
    AppendOnlyTreeSnapshot newArchive = fork.treeInfo(MerkleTreeId.ARCHIVE).snapshot();
    L2Block block = new L2Block(newArchive, header, new Body(effects), number, blocks.size());

    if (first) {
      lastArchives.add(lastArchive);
    }
    lastArchives.add(newArchive);
    blocks.add(block);
    sponge = next;
    blobFields.addAll(fields);
    LOG.debug(
        "Built block {} of checkpoint {} ({} txs, archive {})",
        globals.blockNumber().value(),
        number.value(),
        effects.size(),
        newArchive.root());
    return block;
  }

  private static BlockBlobData blockBlobData(
      List<TxEffect> effects,
      GlobalVariables globals,
      AppendOnlyTreeSnapshot lastArchive,
      StateReference s,
      long totalMana,
      boolean first) {
    return new BlockBlobData(
        effects.stream().map(TxEffect::toBlobData).toList(),
        new BlockEndMarker(globals.timestamp(), globals.blockNumber().value(), effects.size()),
        new BlockEndStateField(
            s.l1ToL2MessageTree().nextAvailableLeafIndex(),
            s.partial().noteHashTree().nextAvailableLeafIndex(),
            s.partial().nullifierTree().nextAvailableLeafIndex(),
            s.partial().publicDataTree().nextAvailableLeafIndex(),
            totalMana),
        lastArchive.root(),
        s.partial().noteHashTree().root(),
        s.partial().nullifierTree().root(),
        s.partial().publicDataTree().root(),
        first ? s.l1ToL2MessageTree().root() : null);
  }

  /** The official {@code StateReference.validate}: tree sizes are whole tx/checkpoint subtrees. */
  private static void validate(StateReference s) {
    if (s.l1ToL2MessageTree().nextAvailableLeafIndex()
            % Constants.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP
        != 0) {
      throw new IllegalStateException(
          "Invalid L1 to L2 message tree next available leaf index "
              + s.l1ToL2MessageTree().nextAvailableLeafIndex());
    }
    if (s.partial().noteHashTree().nextAvailableLeafIndex() % Constants.MAX_NOTE_HASHES_PER_TX
        != 0) {
      throw new IllegalStateException(
          "Invalid note hash tree next available leaf index "
              + s.partial().noteHashTree().nextAvailableLeafIndex());
    }
    if (s.partial().nullifierTree().nextAvailableLeafIndex() % Constants.MAX_NULLIFIERS_PER_TX
        != 0) {
      throw new IllegalStateException(
          "Invalid nullifier tree next available leaf index "
              + s.partial().nullifierTree().nextAvailableLeafIndex());
    }
  }

  /** {@code limits} with the blob fields capped by what is left of the checkpoint's blobs. */
  private BlockLimits capBlobFields(BlockLimits limits) {
    long left = remainingBlobFieldsForTxs();
    return new BlockLimits(
        limits.maxTransactions(),
        limits.maxL2Gas(),
        limits.maxDaGas(),
        Math.max(0, Math.min(limits.maxBlobFields(), left)));
  }

  private long remainingBlobFieldsForTxs() {
    long capacity =
        (long) Constants.BLOBS_PER_CHECKPOINT * Constants.FIELDS_PER_BLOB
            - NUM_CHECKPOINT_END_MARKER_FIELDS;
    long overhead =
        blocks.isEmpty()
            ? BlobFieldCodec.NUM_FIRST_BLOCK_END_BLOB_FIELDS
            : BlobFieldCodec.NUM_BLOCK_END_BLOB_FIELDS;
    return capacity - blobFields.size() - overhead;
  }

  /**
   * The official {@code capLimitsByCheckpointBudgets}: {@code requested} capped by what is left of
   * the checkpoint's mana ({@code rollupManaLimit}), DA gas (786 432), blob fields (6 × 4096 − 1,
   * less the next block's end fields) and, when {@code maxTxsPerCheckpoint} is non-negative, txs.
   */
  public BlockLimits capLimitsByCheckpointBudgets(
      BlockLimits requested, long rollupManaLimit, long maxTxsPerCheckpoint) {
    long usedMana = 0;
    long usedDa = 0;
    long usedTxs = 0;
    for (L2Block b : blocks) {
      usedMana += b.header().totalManaUsed().toLongExact();
      usedDa += daGasUsed(b);
      usedTxs += b.txEffects().size();
    }
    long remainingMana = rollupManaLimit - usedMana;
    long remainingDa = MAX_PROCESSABLE_DA_GAS_PER_CHECKPOINT - usedDa;
    long txs =
        maxTxsPerCheckpoint >= 0
            ? Math.min(requested.maxTransactions(), Math.max(0, maxTxsPerCheckpoint - usedTxs))
            : requested.maxTransactions();
    return new BlockLimits(
        txs,
        Math.max(0, Math.min(requested.maxL2Gas(), remainingMana)),
        Math.max(0, Math.min(requested.maxDaGas(), remainingDa)),
        Math.max(0, Math.min(requested.maxBlobFields(), remainingBlobFieldsForTxs())));
  }

  /** {@code L2Block.computeDAGasUsed}: the txs' blob fields × {@code DA_GAS_PER_FIELD}. */
  public static long daGasUsed(L2Block block) {
    long fields = 0;
    for (TxEffect e : block.txEffects()) {
      fields += e.numBlobFields();
    }
    return fields * Constants.DA_GAS_PER_FIELD;
  }

  /** Completes the checkpoint, committing the blobs on the calling thread. */
  public CompletedCheckpoint complete() {
    return complete(Runnable::run, CheckpointBlobs.KZG);
  }

  /**
   * Completes the checkpoint: appends the end marker to the blob fields, makes the blobs (their
   * commitments computed by {@code commit} on {@code executor}) and the header. The builder itself
   * is not changed, so this also serves as the official {@code getCheckpoint} (the checkpoint so
   * far) and more blocks may still be added.
   */
  public CompletedCheckpoint complete(Executor executor, UnaryOperator<byte[]> commit) {
    if (blocks.isEmpty()) {
      throw new IllegalStateException("Cannot complete a checkpoint with no blocks");
    }
    List<Fr> fields = new ArrayList<>(blobFields.size() + 1);
    fields.addAll(blobFields);
    fields.add(new CheckpointEndMarker(blobFields.size() + 1L).encode());
    List<Blob> blobs = CheckpointBlobs.fromFields(fields, executor, commit);
    Fr blobsHash = Blob.blobsHash(CheckpointBlobs.versionedHashes(blobs));
    Fr blockHeadersHash = BlockHeadersHash.of(blocks);
    Fr inHash = InHash.of(l1ToL2Messages);
    Fr outHash = checkpointOutHash(blocks);
    List<Fr> epochHashes = new ArrayList<>(previousCheckpointOutHashes);
    epochHashes.add(outHash);
    Fr epochOutHash = OutHash.accumulate(epochHashes);
    L2Block last = blocks.getLast();
    Fr totalMana = Fr.ZERO;
    for (L2Block b : blocks) {
      totalMana = totalMana.add(b.header().totalManaUsed());
    }
    CheckpointHeader header =
        new CheckpointHeader(
            lastArchives.getFirst().root(),
            blockHeadersHash,
            blobsHash,
            inHash,
            epochOutHash,
            constants.slotNumber(),
            last.header().globalVariables().timestamp(),
            constants.coinbase(),
            constants.feeRecipient(),
            constants.gasFees(),
            totalMana);
    Checkpoint checkpoint =
        new Checkpoint(lastArchives.getLast(), header, blocks, number, feeAssetPriceModifier);
    return new CompletedCheckpoint(checkpoint, fields, blobs, outHash);
  }

  /** {@code computeCheckpointOutHash} of {@code blocks}' L2→L1 messages. */
  public static Fr checkpointOutHash(List<L2Block> blocks) {
    List<List<List<Fr>>> perBlock = new ArrayList<>(blocks.size());
    for (L2Block b : blocks) {
      perBlock.add(b.txEffects().stream().map(TxEffect::l2ToL1Msgs).toList());
    }
    return OutHash.checkpoint(perBlock);
  }
}
