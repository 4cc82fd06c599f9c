package io.quetzal.stdlib.checkpoint;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.BlobDecodingException;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.blob.BlockBlobData;
import io.quetzal.stdlib.blob.BlockEndStateField;
import io.quetzal.stdlib.blob.CheckpointBlobData;
import io.quetzal.stdlib.blob.SpongeBlob;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.tx.TxEffect;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds a checkpoint's L2 blocks from its blob data, its header (L1 calldata) and the archive
 * root of its {@code CheckpointProposed} event, exactly as the official archiver's {@code
 * retrievedToPublishedCheckpoint}:
 *
 * <ul>
 *   <li>global variables: chainId and version of the rollup; slot, coinbase, feeRecipient and
 *       gasFees from the checkpoint header; block number and timestamp from the block-end marker;
 *   <li>state: the roots from the block-end fields and the sizes from the block-end state field;
 *       the L1→L2 message root of <b>every</b> block is the first block's;
 *   <li>{@code lastArchive = (block's lastArchiveRoot, blockNumber)}; the archive after block i is
 *       block i+1's lastArchiveRoot, the last block's is the event's archive root, with index
 *       {@code blockNumber + 1};
 *   <li>{@code spongeBlobHash}: one sponge absorbs each block's blob fields in turn and is squeezed
 *       (on a copy) after each block; {@code totalFees} is the sum of the tx fees; {@code
 *       totalManaUsed} comes from the block-end state field.
 * </ul>
 *
 * Malformed blob data throws {@link BlobDecodingException}. Stateless, thread-safe.
 */
public final class CheckpointReconstruction {
  private CheckpointReconstruction() {}

  /**
   * The checkpoint rebuilt from the fields of its blobs (all blobs' fields concatenated, in order;
   * trailing zeros allowed).
   */
  public static Checkpoint rebuild(
      CheckpointNumber checkpointNumber,
      CheckpointHeader header,
      Fr archiveRoot,
      List<Fr> blobFields,
      Fr chainId,
      Fr version,
      BigInteger feeAssetPriceModifier) {
    return rebuild(
        checkpointNumber,
        header,
        archiveRoot,
        BlobFieldCodec.decodeCheckpoint(blobFields),
        chainId,
        version,
        feeAssetPriceModifier);
  }

  /** The checkpoint rebuilt from its blobs, in the order of the event's versioned hashes. */
  public static Checkpoint rebuildFromBlobs(
      CheckpointNumber checkpointNumber,
      CheckpointHeader header,
      Fr archiveRoot,
      List<Blob> blobs,
      Fr chainId,
      Fr version,
      BigInteger feeAssetPriceModifier) {
    return rebuild(
        checkpointNumber,
        header,
        archiveRoot,
        Blob.fieldsOf(blobs),
        chainId,
        version,
        feeAssetPriceModifier);
  }

  public static Checkpoint rebuild(
      CheckpointNumber checkpointNumber,
      CheckpointHeader header,
      Fr archiveRoot,
      CheckpointBlobData data,
      Fr chainId,
      Fr version,
      BigInteger feeAssetPriceModifier) {
    List<L2Block> blocks =
        rebuildBlocks(checkpointNumber, header, archiveRoot, data, chainId, version);
    L2Block last = blocks.get(blocks.size() - 1);
    return new Checkpoint(
        new AppendOnlyTreeSnapshot(archiveRoot, last.number().value() + 1),
        header,
        blocks,
        checkpointNumber,
        feeAssetPriceModifier);
  }

  /** The checkpoint's blocks, with headers identical to the official archiver's. */
  public static List<L2Block> rebuildBlocks(
      CheckpointNumber checkpointNumber,
      CheckpointHeader header,
      Fr archiveRoot,
      CheckpointBlobData data,
      Fr chainId,
      Fr version) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(archiveRoot, "archiveRoot");
    List<BlockBlobData> blocksData = data.blocks();
    if (blocksData.isEmpty()) {
      throw new BlobDecodingException("checkpoint blob data has no block");
    }
    Fr l1ToL2Root = blocksData.get(0).l1ToL2MessageRoot();
    if (l1ToL2Root == null) {
      throw new BlobDecodingException(
          "the first block's blob data lacks the L1-to-L2 message root");
    }
    SpongeBlob sponge = SpongeBlob.init();
    List<L2Block> out = new ArrayList<>(blocksData.size());
    for (int i = 0; i < blocksData.size(); i++) {
      BlockBlobData b = blocksData.get(i);
      try {
        long number = b.blockEndMarker().blockNumber();
        long timestamp = b.blockEndMarker().timestamp();
        if (timestamp < 0) {
          throw new BlobDecodingException(
              "block timestamp beyond 2^63-1: " + Long.toUnsignedString(timestamp));
        }
        GlobalVariables gv =
            new GlobalVariables(
                chainId,
                version,
                BlockNumber.of(number),
                header.slotNumber(),
                timestamp,
                header.coinbase(),
                header.feeRecipient(),
                header.gasFees());
        BlockEndStateField s = b.blockEndStateField();
        StateReference state =
            new StateReference(
                new AppendOnlyTreeSnapshot(l1ToL2Root, s.l1ToL2MessageNextAvailableLeafIndex()),
                new PartialStateReference(
                    new AppendOnlyTreeSnapshot(
                        b.noteHashRoot(), s.noteHashNextAvailableLeafIndex()),
                    new AppendOnlyTreeSnapshot(
                        b.nullifierRoot(), s.nullifierNextAvailableLeafIndex()),
                    new AppendOnlyTreeSnapshot(
                        b.publicDataRoot(), s.publicDataNextAvailableLeafIndex())));
        Body body = new Body(b.txs().stream().map(TxEffect::fromBlobData).toList());
        sponge.absorb(BlobFieldCodec.encodeBlock(b));
        Fr spongeHash = sponge.copy().squeeze();
        Fr totalFees = Fr.ZERO;
        for (TxEffect t : body.txEffects()) {
          totalFees = totalFees.add(t.transactionFee());
        }
        BlockHeader blockHeader =
            new BlockHeader(
                new AppendOnlyTreeSnapshot(b.lastArchiveRoot(), number),
                state,
                spongeHash,
                gv,
                totalFees,
                Fr.ofLong(s.totalManaUsed()));
        Fr newArchiveRoot =
            i + 1 < blocksData.size() ? blocksData.get(i + 1).lastArchiveRoot() : archiveRoot;
        out.add(
            new L2Block(
                new AppendOnlyTreeSnapshot(newArchiveRoot, number + 1),
                blockHeader,
                body,
                checkpointNumber,
                i));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new BlobDecodingException(
            "cannot rebuild block "
                + i
                + " of checkpoint "
                + checkpointNumber
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return List.copyOf(out);
  }
}
