package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.archive.AttestationValidation;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.ethereum.archive.CommitteeAttestations;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.ethereum.archive.SignatureDomainSeparator;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every signature and payload against vectors from the official 4.1.2 classes
 * (scripts/vectors/validator-client.mjs): checkpoint and block proposals, attestations, the packed
 * attestations, the signers and the proposer's attestations-and-signers signature.
 */
class OfficialVectorsTest {
  @Test
  void signaturesAndPayloadsEqualTheOfficialOnes() throws Exception {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/vectors/validator-client.json")) {
      root = new ObjectMapper().readTree(in);
    }
    assertThat(root.get("aztecVersion").asText()).isEqualTo("4.1.2");
    int cases = 0;
    for (JsonNode c : root.get("cases")) {
      check(c);
      cases++;
    }
    assertThat(cases).isEqualTo(6);
  }

  private static void check(JsonNode c) {
    List<Secp256k1PrivateKey> keys = new ArrayList<>();
    c.get("keys").forEach(k -> keys.add(Secp256k1PrivateKey.fromHex(k.asText())));
    ValidatorKeyStore store = new ValidatorKeyStore(keys, Optional.empty(), Optional.empty());
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner signer =
          new ValidatorSigner(store, new SlashingProtection(kv, EthAddress.ZERO));
      EthAddress proposer = EthAddress.fromString(c.get("proposer").asText());
      CheckpointHeader header =
          CheckpointHeader.fromBuffer(Hex.decode(c.get("checkpointHeader").asText()));
      Fr archive = Fr.fromHexString(c.get("archive").asText());
      BigInteger modifier = new BigInteger(c.get("feeAssetPriceModifier").asText());

      // checkpoint proposal
      assertThat(Hex.encode(SignedPayloads.checkpointProposal(header, archive, modifier)))
          .isEqualTo(c.get("checkpointProposalPayload").asText());
      assertThat(signer.signCheckpointProposal(proposer, header, archive, modifier).toString())
          .isEqualTo(c.get("checkpointProposalSignature").asText());

      // block proposal (the checkpoint's last block)
      JsonNode b = c.get("block");
      if (b != null && !b.isNull()) {
        BlockHeader bh = BlockHeader.fromBuffer(Hex.decode(b.get("blockHeader").asText()));
        List<Fr> txs = new ArrayList<>();
        b.get("txHashes").forEach(t -> txs.add(Fr.fromHexString(t.asText())));
        int index = b.get("indexWithinCheckpoint").asInt();
        Fr inHash = Fr.fromHexString(b.get("inHash").asText());
        assertThat(Hex.encode(SignedPayloads.blockProposal(bh, index, inHash, archive, txs)))
            .isEqualTo(b.get("payload").asText());
        assertThat(signer.signBlockProposal(proposer, bh, index, inHash, archive, txs).toString())
            .isEqualTo(b.get("signature").asText());
      }

      // attestations
      ConsensusPayload payload = new ConsensusPayload(header, archive, modifier);
      assertThat(Hex.encode(payload.payloadToSign(SignatureDomainSeparator.CHECKPOINT_ATTESTATION)))
          .isEqualTo(c.get("attestationPayload").asText());
      List<EthAddress> committee = new ArrayList<>();
      c.get("committee").forEach(a -> committee.add(EthAddress.fromString(a.asText())));
      List<CommitteeAttestation> positions = new ArrayList<>();
      for (int i = 0; i < committee.size(); i++) {
        EthSignature expected = EthSignature.fromString(c.get("attestations").get(i).asText());
        EthAddress member = committee.get(i);
        if (expected.isEmpty()) {
          positions.add(CommitteeAttestation.ofAddress(member));
        } else {
          CheckpointAttestation mine = signer.attest(member, payload, EthSignature.empty());
          assertThat(mine.signature()).isEqualTo(expected);
          assertThat(mine.sender()).contains(member);
          positions.add(new CommitteeAttestation(member, mine.signature()));
        }
      }

      // the proposer's attestations-and-signers signature
      AttestationsAndSigners aas = new AttestationsAndSigners(positions);
      CommitteeAttestations packed = aas.packed();
      assertThat(Hex.encode(packed.signatureIndices()))
          .isEqualTo(c.get("signatureIndices").asText());
      assertThat(Hex.encode(packed.signaturesOrAddresses()))
          .isEqualTo(c.get("signaturesOrAddresses").asText());
      List<String> signers = new ArrayList<>();
      c.get("signers").forEach(s -> signers.add(s.asText()));
      assertThat(aas.signers().stream().map(EthAddress::toString).toList()).isEqualTo(signers);
      assertThat(Hex.encode(aas.payloadToSign()))
          .isEqualTo(c.get("attestationsAndSignersPayload").asText());
      assertThat(signer.signAttestationsAndSigners(proposer, header.slotNumber(), aas).toString())
          .isEqualTo(c.get("attestationsAndSignersSignature").asText());

      // the archiver accepts the positions (quorum permitting)
      AttestationValidation.Result r =
          AttestationValidation.validateAttestations(
              committee, packed.unpack(committee.size()), payload.payloadDigest());
      if (aas.signatureCount() >= Quorum.required(committee.size())) {
        assertThat(r.valid()).as(r.detail()).isTrue();
      } else {
        assertThat(r.reason()).contains(AttestationValidation.Reason.INSUFFICIENT_ATTESTATIONS);
      }
    }
  }
}
