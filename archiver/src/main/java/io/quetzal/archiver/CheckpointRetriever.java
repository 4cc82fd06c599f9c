package io.quetzal.archiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.CalldataRetriever;
import io.quetzal.ethereum.archive.CheckpointCalldata;
import io.quetzal.ethereum.archive.L1DecodeException;
import io.quetzal.ethereum.archive.RollupEvents.CheckpointProposed;
import io.quetzal.ethereum.blobs.Blob;
import io.quetzal.ethereum.blobs.BlobClient;
import io.quetzal.ethereum.blobs.BlobSourceException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.stdlib.blob.BlobDecodingException;
import io.quetzal.stdlib.checkpoint.BlockHeadersHash;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointReconstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one {@code CheckpointProposed} event into an {@link ArchivedCheckpoint}: the header,
 * attestations and fee modifier from the propose calldata, the body from the blobs, the blocks
 * rebuilt (the official {@code retrieveCheckpointsFromRollup} and {@code
 * retrievedToPublishedCheckpoint}).
 *
 * <p>Authentication: the calldata is matched to the event by its payload digest and attestations
 * hash; the rebuilt blocks' header hashes must give the header's {@code blockHeadersHash}. Each
 * header hash covers the block's state roots and the sponge hash of all its blob fields, so this
 * proves the blob data is what the proposer committed to, without recomputing KZG commitments
 * (about 20 ms per blob; the official node recomputes them).
 *
 * <p>Thread-safe: checkpoints are retrieved in parallel.
 */
public final class CheckpointRetriever {
  /** The retrieved checkpoint and what the attestation check needs. */
  public record Retrieved(ArchivedCheckpoint archived, CheckpointCalldata calldata) {}

  private final L1RpcClient rpc;
  private final CalldataRetriever calldata;
  private final BlobClient blobs;
  private final Fr chainId;
  private final Fr version;

  public CheckpointRetriever(
      L1RpcClient rpc, CalldataRetriever calldata, BlobClient blobs, long chainId, long version) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.calldata = Objects.requireNonNull(calldata, "calldata");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.chainId = Fr.ofLong(chainId);
    this.version = Fr.ofLong(version);
  }

  /**
   * Retrieves and rebuilds the checkpoint of {@code event}.
   *
   * @param historical whether the event is far from the L1 tip (blob sources are asked once)
   * @throws CheckpointRetrievalException naming the checkpoint and the cause
   */
  public Retrieved retrieve(CheckpointProposed event, boolean historical) {
    long n = event.checkpointNumber();
    try {
      CheckpointCalldata call = calldata.getCheckpointFromRollupTx(event);
      List<Blob> found =
          blobs.requireBlobs(event.l1().blockHash(), event.versionedBlobHashes(), historical);
      List<io.quetzal.stdlib.blob.Blob> data = new ArrayList<>(found.size());
      for (Blob b : found) {
        data.add(new io.quetzal.stdlib.blob.Blob(b.data(), b.commitment()));
      }
      Checkpoint cp =
          CheckpointReconstruction.rebuildFromBlobs(
              CheckpointNumber.of(n),
              call.header(),
              event.archive(),
              data,
              chainId,
              version,
              call.feeAssetPriceModifier());
      Fr headersHash = BlockHeadersHash.of(cp.blocks());
      if (!headersHash.equals(call.header().blockHeadersHash())) {
        throw new CheckpointRetrievalException(
            "checkpoint "
                + n
                + ": the blocks rebuilt from its blobs hash to "
                + headersHash
                + ", but its header on L1 says blockHeadersHash "
                + call.header().blockHeadersHash()
                + " (a blob source served other data)");
      }
      long timestamp =
          event.l1().blockTimestamp().isPresent()
              ? event.l1().blockTimestamp().getAsLong()
              : l1Timestamp(event.l1().blockNumber());
      ArchivedCheckpoint archived =
          new ArchivedCheckpoint(
              cp, event.l1().blockNumber(), event.l1().blockHash(), timestamp, call.attestations());
      return new Retrieved(archived, call);
    } catch (L1DecodeException
        | BlobSourceException
        | BlobDecodingException
        | L1RpcException
        | IllegalArgumentException e) {
      throw new CheckpointRetrievalException(
          "checkpoint " + n + " (L1 tx " + event.l1().txHash() + "): " + e.getMessage(), e);
    }
  }

  private long l1Timestamp(long l1Block) {
    JsonNode b = rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(l1Block), false);
    if (b == null || b.isNull()) {
      throw new L1RpcException("L1 block " + l1Block + " was not found");
    }
    return L1RpcClient.quantityLong(b.get("timestamp"));
  }
}
