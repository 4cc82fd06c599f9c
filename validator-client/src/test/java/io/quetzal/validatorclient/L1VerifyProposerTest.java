package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.archive.AttestationValidation;
import io.quetzal.ethereum.archive.CommitteeAttestations;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.InMemoryKvStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Replays what L1 checks in {@code propose} ({@code ValidatorSelectionLib.verifyProposer} with
 * {@code AttestationLib.reconstructCommitteeFromSigners} and {@code
 * getAttestationsAndSignersDigest}), written here from the Solidity sources with an ABI encoder of
 * its own, on attestations collected by {@link AttestationCollector} and signed by {@link
 * ValidatorSigner}; and the archiver's {@link AttestationValidation} on the same data.
 */
class L1VerifyProposerTest {
  static final int N = 48;

  @Test
  void collectedAttestationsPassTheL1AndArchiverChecks() {
    ValidatorKeyStore keys =
        new ValidatorKeyStore(Fixtures.keys(N), Optional.empty(), Optional.empty());
    List<EthAddress> committee = new ArrayList<>(keys.addresses());
    Collections.shuffle(committee, new Random(7));
    int proposerIndex = 11;
    EthAddress proposer = committee.get(proposerIndex);
    ConsensusPayload payload = Fixtures.payload(42, new SplittableRandom(1));
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner signer =
          new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
      EthSignature proposalSig =
          signer.signCheckpointProposal(
              proposer, payload.header(), payload.archive(), payload.feeAssetPriceModifier());
      AttestationCollector collector =
          new AttestationCollector(
              payload,
              committee,
              proposer,
              List.of(),
              Instant.ofEpochSecond(100),
              InstantSource.fixed(Instant.ofEpochSecond(0)));
      // everyone attests, the proposer last: it must still be kept by the trimming
      List<EthAddress> order = new ArrayList<>(committee);
      order.remove(proposer);
      order.add(proposer);
      for (CheckpointAttestation a : signer.attestAll(order, payload, proposalSig)) {
        collector.add(a);
      }
      AttestationCollector.Status s = collector.poll();
      assertThat(s).isInstanceOf(AttestationCollector.Status.Reached.class);
      AttestationsAndSigners aas = ((AttestationCollector.Status.Reached) s).attestations();
      assertThat(aas.signatureCount()).isEqualTo(33);
      assertThat(aas.signers()).contains(proposer);
      EthSignature aasSig = signer.signAttestationsAndSigners(proposer, SlotNumber.of(42), aas);

      CommitteeAttestations packed = aas.packed();
      byte[] commitment = keccak(encodeAddressArray(committee));
      // L1 accepts
      verifyProposer(
          commitment,
          N,
          proposerIndex,
          packed,
          aas.signers(),
          payload.payloadDigest().toBytes(),
          aasSig);
      // the archiver accepts
      assertThat(
              AttestationValidation.validateAttestations(
                      committee, packed.unpack(N), payload.payloadDigest())
                  .valid())
          .isTrue();
      // the attestations-and-signers digest is recomputed independently
      assertThat(aas.digest().toBytes())
          .isEqualTo(keccak(encodeAttestationsAndSigners(packed, aas.signers())));

      // tampering: another signer list breaks the committee commitment
      List<EthAddress> badSigners = new ArrayList<>(aas.signers());
      Collections.swap(badSigners, 0, 1);
      assertThatThrownBy(
              () ->
                  verifyProposer(
                      commitment,
                      N,
                      proposerIndex,
                      packed,
                      badSigners,
                      payload.payloadDigest().toBytes(),
                      aasSig))
          .hasMessageContaining("InvalidCommitteeCommitment");
      // a signature by someone else than the proposer over the same data fails
      EthAddress other = committee.get(proposerIndex + 1);
      EthSignature otherSig = signer.signAttestationsAndSigners(other, SlotNumber.of(42), aas);
      assertThatThrownBy(
              () ->
                  verifyProposer(
                      commitment,
                      N,
                      proposerIndex,
                      packed,
                      aas.signers(),
                      payload.payloadDigest().toBytes(),
                      otherSig))
          .hasMessageContaining("SignatureLib");
    }
  }

  // ---- ValidatorSelectionLib.verifyProposer, from the Solidity source

  static void verifyProposer(
      byte[] committeeCommitment,
      int committeeSize,
      int proposerIndex,
      CommitteeAttestations att,
      List<EthAddress> signers,
      byte[] digest,
      EthSignature attestationsAndSignersSignature) {
    List<EthAddress> committee = reconstructCommitteeFromSigners(att, signers, committeeSize);
    if (!Arrays.equals(keccak(encodeAddressArray(committee)), committeeCommitment)) {
      throw new IllegalStateException("ValidatorSelection__InvalidCommitteeCommitment");
    }
    EthAddress proposer = committee.get(proposerIndex);
    byte[] bitmap = att.signatureIndices();
    if ((bitmap[proposerIndex / 8] & (0x80 >> (proposerIndex % 8))) == 0) {
      throw new IllegalStateException("ValidatorSelection__MissingProposerSignature");
    }
    ozVerify(signatureAt(att, proposerIndex), proposer, toEthSignedMessageHash(digest));
    byte[] aasDigest = keccak(encodeAttestationsAndSigners(att, signers));
    ozVerify(attestationsAndSignersSignature, proposer, toEthSignedMessageHash(aasDigest));
  }

  static List<EthAddress> reconstructCommitteeFromSigners(
      CommitteeAttestations att, List<EthAddress> signers, int length) {
    byte[] bitmap = att.signatureIndices();
    byte[] data = att.signaturesOrAddresses();
    if (bitmap.length != (length + 7) / 8) {
      throw new IllegalStateException("AttestationLib__SignatureIndicesSizeMismatch");
    }
    List<EthAddress> out = new ArrayList<>();
    int p = 0;
    int s = 0;
    for (int i = 0; i < length; i++) {
      if ((bitmap[i / 8] & (0x80 >> (i % 8))) != 0) {
        p += 65;
        out.add(signers.get(s++));
      } else {
        out.add(EthAddress.fromBytes(Arrays.copyOfRange(data, p, p + 20)));
        p += 20;
      }
    }
    return out;
  }

  static EthSignature signatureAt(CommitteeAttestations att, int index) {
    byte[] bitmap = att.signatureIndices();
    byte[] data = att.signaturesOrAddresses();
    int p = 0;
    for (int i = 0; i < index; i++) {
      p += (bitmap[i / 8] & (0x80 >> (i % 8))) != 0 ? 65 : 20;
    }
    return new EthSignature(
        Arrays.copyOfRange(data, p + 1, p + 33),
        Arrays.copyOfRange(data, p + 33, p + 65),
        data[p] & 0xff);
  }

  static void ozVerify(EthSignature sig, EthAddress expected, byte[] digest) {
    // OpenZeppelin ECDSA.recover: v 27/28, s <= n/2, non-zero result; the strict recovery matches
    EthAddress got =
        EthSign.tryRecoverAddress(digest, sig)
            .orElseThrow(() -> new IllegalStateException("ECDSA: invalid signature"));
    if (!got.equals(expected)) {
      throw new IllegalStateException(
          "SignatureLib__InvalidSignature(" + expected + ", " + got + ")");
    }
  }

  static byte[] toEthSignedMessageHash(byte[] hash) {
    return keccak(
        concat("\u0019Ethereum Signed Message:\n32".getBytes(StandardCharsets.US_ASCII), hash));
  }

  // ---- an ABI encoder of its own (head/tail, 32-byte words)

  sealed interface Abi {
    record Uint(long v) implements Abi {}

    record Bytes(byte[] b) implements Abi {}

    record Addresses(List<EthAddress> a) implements Abi {}

    record Tuple(List<Abi> items) implements Abi {}
  }

  static boolean dynamic(Abi a) {
    return switch (a) {
      case Abi.Uint u -> false;
      case Abi.Tuple t -> t.items().stream().anyMatch(L1VerifyProposerTest::dynamic);
      default -> true;
    };
  }

  /** {@code abi.encode(params...)} = the encoding of the tuple of params. */
  static byte[] encode(List<Abi> params) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    int headSize = 32 * params.size(); // no static tuples are used here
    for (Abi p : params) {
      if (dynamic(p)) {
        head.writeBytes(word(headSize + tail.size()));
        tail.writeBytes(encodeOne(p));
      } else {
        head.writeBytes(encodeOne(p));
      }
    }
    head.writeBytes(tail.toByteArray());
    return head.toByteArray();
  }

  static byte[] encodeOne(Abi a) {
    return switch (a) {
      case Abi.Uint u -> word(u.v());
      case Abi.Bytes b -> {
        byte[] padded = Arrays.copyOf(b.b(), (b.b().length + 31) / 32 * 32);
        yield concat(word(b.b().length), padded);
      }
      case Abi.Addresses as -> {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(word(as.a().size()));
        for (EthAddress x : as.a()) {
          o.writeBytes(x.toBytes32());
        }
        yield o.toByteArray();
      }
      case Abi.Tuple t -> encode(t.items());
    };
  }

  static byte[] encodeAddressArray(List<EthAddress> a) {
    return encode(List.of(new Abi.Addresses(a)));
  }

  static byte[] encodeAttestationsAndSigners(CommitteeAttestations att, List<EthAddress> signers) {
    return encode(
        List.of(
            new Abi.Uint(2), // SignatureDomainSeparator.attestationsAndSigners
            new Abi.Tuple(
                List.of(
                    new Abi.Bytes(att.signatureIndices()),
                    new Abi.Bytes(att.signaturesOrAddresses()))),
            new Abi.Addresses(signers)));
  }

  static byte[] word(long v) {
    byte[] w = new byte[32];
    for (int i = 0; i < 8; i++) {
      w[31 - i] = (byte) (v >>> (8 * i));
    }
    return w;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] keccak(byte[] b) {
    return Keccak256.hash(b);
  }
}
