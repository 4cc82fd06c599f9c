package io.quetzal.sequencerclient;

import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.sequencerclient.publisher.ProposeRequest;
import io.quetzal.sequencerclient.publisher.SequencerPublisher;
import java.util.Objects;

/**
 * Lands a checkpoint's {@code propose} on L1 and says how it went. The real one is {@link
 * #of(SequencerPublisher)}; tests use their own.
 */
@FunctionalInterface
public interface CheckpointPublisher {
  /** Sends {@code request} for {@code slot} and waits for its receipt (or its deadline). */
  Outcome publish(ProposeRequest request, SlotNumber slot) throws InterruptedException;

  /** How publishing went. */
  sealed interface Outcome {
    /** {@code CheckpointProposed} was emitted by the transaction {@code l1TxHash}. */
    record Landed(String l1TxHash) implements Outcome {}

    /** Nothing was sent, or what was sent did not land. */
    record NotLanded(String reason) implements Outcome {}
  }

  /** Publishing through {@code publisher}: enqueue the propose, then send the queue. */
  static CheckpointPublisher of(SequencerPublisher publisher) {
    Objects.requireNonNull(publisher, "publisher");
    return (request, slot) -> {
      publisher.enqueueProposeCheckpoint(request);
      var result = publisher.sendRequests(slot);
      if (result.isEmpty()) {
        return new Outcome.NotLanded("nothing was sent (the slot's deadline passed)");
      }
      var r = result.get();
      if (!r.successful().contains(SequencerPublisher.Action.PROPOSE)) {
        return new Outcome.NotLanded(
            "propose did not land: " + r.error().orElse("no CheckpointProposed log"));
      }
      return new Outcome.Landed(r.mined().map(m -> m.txHash().toString()).orElse("?"));
    };
  }
}
