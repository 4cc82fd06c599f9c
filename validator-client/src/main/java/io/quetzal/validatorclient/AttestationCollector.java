package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gathers the attestations to one checkpoint proposal until quorum (the proposer side of the
 * official {@code collectAttestations}, {@code trimAttestations} and {@code orderAttestations}).
 *
 * <p>{@link #add} verifies each attestation: its payload must equal the proposal's, its signature
 * must recover (strictly: v 27/28, low s) to a committee member, and only the first attestation per
 * member counts. {@link #poll()} reports {@link Status.Pending} until {@link Quorum#required}
 * signatures are in, then {@link Status.Reached} with the attestations trimmed to exactly the
 * quorum (the proposer's own first, then our other keys, then the others in arrival order, to save
 * L1 calldata) and laid out in committee order, non-signers as addresses. Once the deadline has
 * passed on the injected clock without quorum it reports {@link Status.TimedOut} with everything
 * collected (the official node then gives up on the slot: {@code AttestationTimeoutError}). An
 * empty committee reaches quorum at once with empty attestations.
 *
 * <p>Non-blocking: the caller feeds attestations (its own now, gossip later) and polls; nothing
 * sleeps. Thread-safe (one lock).
 */
public final class AttestationCollector {
  /** What {@link #add} did with an attestation. */
  public enum Outcome {
    ACCEPTED,
    /** Another attestation from the same member was already accepted. */
    DUPLICATE,
    /** Attests to another payload (different header, archive or modifier). */
    WRONG_PAYLOAD,
    /** No address recovers from the signature. */
    INVALID_SIGNATURE,
    /** The signer is not in the committee. */
    NOT_IN_COMMITTEE
  }

  /** The state of collection. */
  public sealed interface Status {
    /** Still collecting: {@code have} of {@code required}. */
    record Pending(int have, int required) implements Status {}

    /** Quorum reached: the attestations to submit (exactly {@code required} signatures). */
    record Reached(AttestationsAndSigners attestations) implements Status {}

    /** The deadline passed without quorum; {@code collected} holds every valid attestation. */
    record TimedOut(AttestationsAndSigners collected, int required) implements Status {}
  }

  private final ConsensusPayload payload;
  private final List<EthAddress> committee;
  private final Set<EthAddress> members;
  private final EthAddress proposer;
  private final Set<EthAddress> local;
  private final int required;
  private final Instant deadline;
  private final InstantSource clock;
  private final Map<EthAddress, EthSignature> accepted = new LinkedHashMap<>();

  /**
   * @param payload the proposal's consensus payload
   * @param committee the epoch's committee, in L1 order
   * @param proposer the proposer's attester address (its attestation is kept first when trimming)
   * @param localAddresses our other keys (kept next when trimming)
   * @param deadline when to give up
   * @param clock the time source
   */
  public AttestationCollector(
      ConsensusPayload payload,
      List<EthAddress> committee,
      EthAddress proposer,
      List<EthAddress> localAddresses,
      Instant deadline,
      InstantSource clock) {
    this.payload = Objects.requireNonNull(payload, "payload");
    this.committee = List.copyOf(committee);
    this.members = new HashSet<>(committee);
    this.proposer = Objects.requireNonNull(proposer, "proposer");
    this.local = new HashSet<>(localAddresses);
    this.required = Quorum.required(committee.size());
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public int required() {
    return required;
  }

  /** Verifies and keeps {@code attestation}. */
  public synchronized Outcome add(CheckpointAttestation attestation) {
    if (!attestation.payload().equals(payload)) {
      return Outcome.WRONG_PAYLOAD;
    }
    EthAddress sender = attestation.sender().orElse(null);
    if (sender == null) {
      return Outcome.INVALID_SIGNATURE;
    }
    if (!members.contains(sender)) {
      return Outcome.NOT_IN_COMMITTEE;
    }
    if (accepted.putIfAbsent(sender, attestation.signature()) != null) {
      return Outcome.DUPLICATE;
    }
    return Outcome.ACCEPTED;
  }

  /** Accepted attestations so far. */
  public synchronized int count() {
    return accepted.size();
  }

  /** Where collection stands now (quorum is checked before the deadline). */
  public synchronized Status poll() {
    if (accepted.size() >= required) {
      return new Status.Reached(ordered(trimmed()));
    }
    if (!clock.instant().isBefore(deadline)) {
      return new Status.TimedOut(ordered(accepted), required);
    }
    return new Status.Pending(accepted.size(), required);
  }

  private Map<EthAddress, EthSignature> trimmed() {
    Map<EthAddress, EthSignature> out = new LinkedHashMap<>();
    EthSignature own = accepted.get(proposer);
    if (own != null && required > 0) {
      out.put(proposer, own);
    }
    for (boolean localPass : new boolean[] {true, false}) {
      for (Map.Entry<EthAddress, EthSignature> e : accepted.entrySet()) {
        if (out.size() >= required) {
          return out;
        }
        if (local.contains(e.getKey()) == localPass) {
          out.putIfAbsent(e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  private AttestationsAndSigners ordered(Map<EthAddress, EthSignature> signatures) {
    List<CommitteeAttestation> out = new ArrayList<>(committee.size());
    for (EthAddress member : committee) {
      EthSignature sig = signatures.get(member);
      out.add(
          sig == null
              ? CommitteeAttestation.ofAddress(member)
              : new CommitteeAttestation(member, sig));
    }
    return new AttestationsAndSigners(out);
  }
}
