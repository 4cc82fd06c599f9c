package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.ethereum.archive.AttestationValidation.Reason;
import io.quetzal.ethereum.archive.AttestationValidation.Result;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Secp256k1;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.crypto.Secp256k1Signer;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code validateAttestations} with committees of known keys. */
class AttestationValidationTest {
  private static final List<Secp256k1PrivateKey> KEYS = new ArrayList<>();

  static {
    for (int i = 1; i <= 7; i++) {
      byte[] k = new byte[32];
      k[31] = (byte) i;
      k[0] = 0x11;
      KEYS.add(Secp256k1PrivateKey.fromBytes(k));
    }
  }

  /** A real payload digest: the one of checkpoint 9 of the official local network. */
  private static final Bytes32 DIGEST = ArchiveFixtures.proposedEvents().get(8).payloadDigest();

  private static List<EthAddress> committee(int n) {
    return KEYS.subList(0, n).stream().map(Secp256k1PrivateKey::address).toList();
  }

  private static CommitteeAttestation signed(int i, Bytes32 digest) {
    EthSignature sig = new Secp256k1Signer(KEYS.get(i)).signMessage(digest.toBytes());
    // As posted on L1 and unpacked: address zero, the signer is recovered.
    return CommitteeAttestation.ofSignature(sig);
  }

  private static CommitteeAttestation address(int i) {
    return CommitteeAttestation.ofAddress(KEYS.get(i).address());
  }

  /** Packs and unpacks, as the attestations travel through L1. */
  private static List<CommitteeAttestation> viaL1(List<CommitteeAttestation> a, int size) {
    return CommitteeAttestations.pack(a).unpack(size);
  }

  @Test
  void aQuorumOfSignaturesInTheRightPlacesIsValid() {
    // n = 4: floor(8/3)+1 = 3 signatures needed.
    List<CommitteeAttestation> a =
        List.of(signed(0, DIGEST), address(1), signed(2, DIGEST), signed(3, DIGEST));
    Result r = AttestationValidation.validateAttestations(committee(4), viaL1(a, 4), DIGEST);
    assertThat(r.valid()).isTrue();
    assertThat(r.requiredSignatures()).isEqualTo(3);
    assertThat(r.validSignatures()).isEqualTo(3);
    assertThat(r.attestors()).isEqualTo(committee(4));
  }

  @Test
  void tooFewSignaturesAreInsufficient() {
    List<CommitteeAttestation> a =
        List.of(signed(0, DIGEST), address(1), address(2), signed(3, DIGEST));
    Result r = AttestationValidation.validateAttestations(committee(4), viaL1(a, 4), DIGEST);
    assertThat(r.valid()).isFalse();
    assertThat(r.reason()).contains(Reason.INSUFFICIENT_ATTESTATIONS);
    assertThat(r.reason().get().officialName()).isEqualTo("insufficient-attestations");
    assertThat(r.validSignatures()).isEqualTo(2);
    assertThat(r.invalidIndex()).isEqualTo(-1);
    // n = 7 needs 5.
    List<CommitteeAttestation> seven = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add(i < 4 ? signed(i, DIGEST) : address(i));
    }
    Result r7 = AttestationValidation.validateAttestations(committee(7), viaL1(seven, 7), DIGEST);
    assertThat(r7.reason()).contains(Reason.INSUFFICIENT_ATTESTATIONS);
    assertThat(r7.requiredSignatures()).isEqualTo(5);
  }

  @Test
  void aSignatureOverAnotherPayloadIsAWrongSigner() {
    Bytes32 other = ArchiveFixtures.proposedEvents().get(7).payloadDigest();
    List<CommitteeAttestation> a =
        List.of(signed(0, DIGEST), signed(1, other), signed(2, DIGEST), signed(3, DIGEST));
    Result r = AttestationValidation.validateAttestations(committee(4), viaL1(a, 4), DIGEST);
    assertThat(r.reason()).contains(Reason.INVALID_ATTESTATION);
    assertThat(r.invalidIndex()).isEqualTo(1);
    assertThat(r.detail()).contains("position 1");
  }

  @Test
  void anUnrecoverableSignatureIsInvalid() {
    EthSignature good = signed(2, DIGEST).signature();
    // High s (malleable): rejected like OpenZeppelin's ECDSA.recover and the official
    // recoverAddress.
    EthSignature highS =
        EthSignature.of(
            good.rValue(), Secp256k1.N.subtract(good.sValue()), good.v() == 27 ? 28 : 27);
    List<CommitteeAttestation> a =
        List.of(
            signed(0, DIGEST),
            signed(1, DIGEST),
            CommitteeAttestation.ofSignature(highS),
            signed(3, DIGEST));
    Result r = AttestationValidation.validateAttestations(committee(4), viaL1(a, 4), DIGEST);
    assertThat(r.reason()).contains(Reason.INVALID_ATTESTATION);
    assertThat(r.invalidIndex()).isEqualTo(2);
    assertThat(AttestationValidation.attestationInfo(viaL1(a, 4), DIGEST).get(2))
        .isInstanceOf(AttestationValidation.AttestationInfo.InvalidSignature.class);
    // r = 0 with v = 27.
    EthSignature zeroR = EthSignature.of(BigInteger.ZERO, BigInteger.ONE, 27);
    List<CommitteeAttestation> b =
        List.of(
            CommitteeAttestation.ofSignature(zeroR),
            signed(1, DIGEST),
            signed(2, DIGEST),
            signed(3, DIGEST));
    assertThat(
            AttestationValidation.validateAttestations(committee(4), viaL1(b, 4), DIGEST)
                .invalidIndex())
        .isZero();
  }

  @Test
  void signaturesInTheWrongPositionsAreInvalid() {
    List<CommitteeAttestation> a =
        List.of(signed(1, DIGEST), signed(0, DIGEST), signed(2, DIGEST), signed(3, DIGEST));
    Result r = AttestationValidation.validateAttestations(committee(4), viaL1(a, 4), DIGEST);
    assertThat(r.reason()).contains(Reason.INVALID_ATTESTATION);
    assertThat(r.invalidIndex()).isZero();
    // An address in the wrong position too.
    List<CommitteeAttestation> b =
        List.of(signed(0, DIGEST), signed(1, DIGEST), signed(2, DIGEST), address(0));
    assertThat(
            AttestationValidation.validateAttestations(committee(4), viaL1(b, 4), DIGEST)
                .invalidIndex())
        .isEqualTo(3);
    // An empty position (zero address, no signature).
    List<CommitteeAttestation> c =
        List.of(
            signed(0, DIGEST),
            CommitteeAttestation.ofAddress(EthAddress.ZERO),
            signed(2, DIGEST),
            signed(3, DIGEST));
    Result rc = AttestationValidation.validateAttestations(committee(4), viaL1(c, 4), DIGEST);
    assertThat(rc.reason()).contains(Reason.INVALID_ATTESTATION);
    assertThat(rc.invalidIndex()).isEqualTo(1);
  }

  @Test
  void anEmptyCommitteeAcceptsAnything() {
    Result r = AttestationValidation.validateAttestations(List.of(), List.of(), DIGEST);
    assertThat(r.valid()).isTrue();
    assertThat(r.reason()).isEqualTo(Optional.empty());
  }

  @Test
  void packingRoundTripsAndHashesAsTheRollup() {
    List<CommitteeAttestation> a =
        List.of(
            signed(0, DIGEST),
            address(1),
            signed(2, DIGEST),
            address(3),
            signed(4, DIGEST),
            address(5),
            address(6),
            signed(0, DIGEST),
            address(2));
    CommitteeAttestations packed = CommitteeAttestations.pack(a);
    assertThat(packed.signatureIndices()).containsExactly((byte) 0b1010_1001, (byte) 0);
    assertThat(packed.signaturesOrAddresses()).hasSize(4 * 65 + 5 * 20);
    assertThat(packed.unpack(9)).isEqualTo(a);
    // abi.encode of two dynamic bytes in a tuple: offset, two offsets, two length-prefixed blobs.
    assertThat(packed.abiEncode()).hasSize(32 + 64 + 32 + 32 + 32 + 384);
    // The empty attestations hash to what the local network's events carry.
    assertThat(CommitteeAttestations.empty().hash())
        .isEqualTo(ArchiveFixtures.proposedEvents().get(0).attestationsHash());
    // Unpacking beyond the data is a named error.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> packed.unpack(10))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("position 9");
  }
}
