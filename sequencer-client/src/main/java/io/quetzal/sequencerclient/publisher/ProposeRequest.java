package io.quetzal.sequencerclient.publisher;

import io.quetzal.ethereum.archive.CommitteeAttestations;
import io.quetzal.ethereum.archive.ProposeCall;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the publisher needs to propose a checkpoint: the {@code propose} arguments and the
 * checkpoint's blobs (data and commitments), plus the deadline ({@code txTimeoutAt}, the official
 * {@code ts(slot) + 60 s} for the sequencer; empty for none).
 *
 * @param call the {@code propose} arguments; its {@code blobInput} must be {@link
 *     ProposeCalldata#blobInput} of {@code blobs}
 * @param blobs the checkpoint's blobs, in order
 * @param txTimeoutAt no L1 send and no wait past this instant
 */
public record ProposeRequest(ProposeCall call, List<Blob> blobs, Optional<Instant> txTimeoutAt) {
  public ProposeRequest {
    Objects.requireNonNull(call, "call");
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(txTimeoutAt, "txTimeoutAt");
    if (blobs.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint has at least one blob");
    }
    if (!Arrays.equals(call.blobInput(), ProposeCalldata.blobInput(blobs))) {
      throw new IllegalArgumentException("propose blobInput does not match the blobs");
    }
  }

  /** Builds the request, deriving {@code blobInput} from the blobs. */
  public static ProposeRequest of(
      Fr archive,
      BigInteger feeAssetPriceModifier,
      CheckpointHeader header,
      CommitteeAttestations attestations,
      List<EthAddress> signers,
      EthSignature attestationsAndSignersSignature,
      List<Blob> blobs,
      Optional<Instant> txTimeoutAt) {
    ProposeCall call =
        new ProposeCall(
            archive,
            feeAssetPriceModifier,
            header,
            attestations,
            signers,
            attestationsAndSignersSignature,
            ProposeCalldata.blobInput(blobs));
    return new ProposeRequest(call, blobs, txTimeoutAt);
  }

  /** The {@code propose} calldata. */
  public byte[] calldata() {
    return ProposeCalldata.encode(call);
  }
}
