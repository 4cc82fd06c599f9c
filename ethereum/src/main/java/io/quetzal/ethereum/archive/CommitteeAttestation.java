package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import java.util.Objects;

/**
 * One committee position of a checkpoint's attestations, as the official {@code
 * CommitteeAttestation}: a signature (address zero; the signer is recovered) or an address with the
 * empty signature (a member that did not sign).
 */
public record CommitteeAttestation(EthAddress address, EthSignature signature) {
  public CommitteeAttestation {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(signature, "signature");
  }

  /** A signed position (address zero, as unpacked from L1). */
  public static CommitteeAttestation ofSignature(EthSignature signature) {
    return new CommitteeAttestation(EthAddress.ZERO, signature);
  }

  /** A position without a signature. */
  public static CommitteeAttestation ofAddress(EthAddress address) {
    return new CommitteeAttestation(address, EthSignature.empty());
  }

  /** True when this position carries a signature. */
  public boolean signed() {
    return !signature.isEmpty();
  }
}
