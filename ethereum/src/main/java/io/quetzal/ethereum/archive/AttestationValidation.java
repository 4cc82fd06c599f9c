package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.types.EthAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a checkpoint's attestations against its committee, as the official archiver's {@code
 * validateCheckpointAttestations}: every position must be either a signature that recovers to the
 * committee member at that position or that member's address; an empty position or an unrecoverable
 * signature is invalid; and at least {@code floor(2n/3) + 1} positions must be valid signatures. An
 * empty committee accepts anything (as the official node; the local network runs without one). The
 * escape hatch check belongs to the caller (the epoch cache knows it).
 */
public final class AttestationValidation {
  private AttestationValidation() {}

  /** The outcome for one position ({@code AttestationInfo} of the official node). */
  public sealed interface AttestationInfo {
    /** Neither signature nor address. */
    record Empty() implements AttestationInfo {}

    /** A signature from which no address can be recovered (bad v, high s, off-curve r, ...). */
    record InvalidSignature() implements AttestationInfo {}

    /** A signature and the address it recovers to. */
    record RecoveredFromSignature(EthAddress address) implements AttestationInfo {}

    /** An address without a signature. */
    record ProvidedAsAddress(EthAddress address) implements AttestationInfo {}
  }

  /** Why a checkpoint's attestations are rejected ({@code reason} of the official result). */
  public enum Reason {
    /** {@code 'insufficient-attestations'}. */
    INSUFFICIENT_ATTESTATIONS("insufficient-attestations"),
    /** {@code 'invalid-attestation'}: see {@link Result#invalidIndex()}. */
    INVALID_ATTESTATION("invalid-attestation");

    private final String officialName;

    Reason(String officialName) {
      this.officialName = officialName;
    }

    /** The official string value. */
    public String officialName() {
      return officialName;
    }
  }

  /**
   * The result: valid, or invalid with a reason.
   *
   * @param valid true when the checkpoint may be accepted
   * @param reason empty when valid
   * @param invalidIndex the first bad position for {@link Reason#INVALID_ATTESTATION}, else -1
   * @param attestors the addresses of the positions that recovered or were given (in order)
   * @param requiredSignatures {@code floor(2n/3) + 1} (0 for an empty committee)
   * @param validSignatures how many positions recovered from a signature
   * @param detail a sentence for logs
   */
  public record Result(
      boolean valid,
      Optional<Reason> reason,
      int invalidIndex,
      List<EthAddress> attestors,
      int requiredSignatures,
      int validSignatures,
      String detail) {
    public Result {
      attestors = List.copyOf(attestors);
    }
  }

  /** Recovers every position against {@code payloadDigest} (the event's {@code payloadDigest}). */
  public static List<AttestationInfo> attestationInfo(
      List<CommitteeAttestation> attestations, Bytes32 payloadDigest) {
    byte[] digest = EthSign.makeEthSignDigest(payloadDigest.toBytes());
    List<AttestationInfo> out = new ArrayList<>(attestations.size());
    for (CommitteeAttestation a : attestations) {
      if (a.signature().isEmpty()) {
        out.add(
            a.address().equals(EthAddress.ZERO)
                ? new AttestationInfo.Empty()
                : new AttestationInfo.ProvidedAsAddress(a.address()));
      } else {
        out.add(
            EthSign.tryRecoverAddress(digest, a.signature())
                .<AttestationInfo>map(AttestationInfo.RecoveredFromSignature::new)
                .orElseGet(AttestationInfo.InvalidSignature::new));
      }
    }
    return out;
  }

  /**
   * Validates {@code attestations} (unpacked, committee order) for a checkpoint whose {@code
   * payloadDigest} is given, against the epoch's {@code committee}.
   */
  public static Result validateAttestations(
      List<EthAddress> committee, List<CommitteeAttestation> attestations, Bytes32 payloadDigest) {
    List<AttestationInfo> infos = attestationInfo(attestations, payloadDigest);
    List<EthAddress> attestors = new ArrayList<>();
    for (AttestationInfo i : infos) {
      switch (i) {
        case AttestationInfo.RecoveredFromSignature r -> attestors.add(r.address());
        case AttestationInfo.ProvidedAsAddress p -> attestors.add(p.address());
        default -> {}
      }
    }
    if (committee.isEmpty()) {
      return new Result(
          true, Optional.empty(), -1, attestors, 0, 0, "no committee: accepted without validation");
    }
    int required = committee.size() * 2 / 3 + 1;
    for (int i = 0; i < infos.size(); i++) {
      AttestationInfo info = infos.get(i);
      EthAddress signer =
          switch (info) {
            case AttestationInfo.Empty e -> null;
            case AttestationInfo.InvalidSignature s -> null;
            case AttestationInfo.RecoveredFromSignature r -> r.address();
            case AttestationInfo.ProvidedAsAddress p -> p.address();
          };
      if (signer == null) {
        return invalid(i, attestors, required, "empty or invalid signature at position " + i);
      }
      EthAddress expected = i < committee.size() ? committee.get(i) : null;
      if (!signer.equals(expected)) {
        return invalid(
            i,
            attestors,
            required,
            "attestation at position "
                + i
                + " is from "
                + signer
                + ", expected committee member "
                + (expected == null ? "(none: past the committee)" : expected));
      }
    }
    int validSignatures =
        (int)
            infos.stream().filter(AttestationInfo.RecoveredFromSignature.class::isInstance).count();
    if (validSignatures < required) {
      return new Result(
          false,
          Optional.of(Reason.INSUFFICIENT_ATTESTATIONS),
          -1,
          attestors,
          required,
          validSignatures,
          "insufficient attestations: " + validSignatures + " of " + required + " required");
    }
    return new Result(
        true,
        Optional.empty(),
        -1,
        attestors,
        required,
        validSignatures,
        validSignatures + " valid attestations, " + required + " required");
  }

  private static Result invalid(int index, List<EthAddress> attestors, int required, String why) {
    return new Result(
        false, Optional.of(Reason.INVALID_ATTESTATION), index, attestors, required, 0, why);
  }
}
