package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.blobs.Blob;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Propose calldata of the nine official local network proposals. */
class CalldataRetrieverTest {
  /** The local network runs without a committee: the official node unpacks 0 positions. */
  private static final int COMMITTEE_SIZE = 0;

  @Test
  void decodesAllNineProposalsAndMatchesTheNodesCheckpoints() {
    List<RollupEvents.CheckpointProposed> events = ArchiveFixtures.proposedEvents();
    List<JsonNode> txs = ArchiveFixtures.proposalTxs();
    List<JsonNode> cps = ArchiveFixtures.checkpoints();
    assertThat(txs).hasSize(9);
    for (int i = 0; i < 9; i++) {
      RollupEvents.CheckpointProposed e = events.get(i);
      JsonNode tx = txs.get(i);
      assertThat(tx.path("hash").asText()).isEqualTo(e.l1().txHash().toString());
      CheckpointCalldata c =
          CalldataRetriever.fromTransaction(tx, e, ArchiveFixtures.ROLLUP, COMMITTEE_SIZE);
      JsonNode cp = cps.get(i).path("checkpoint");

      assertThat(c.checkpointNumber()).isEqualTo(cp.path("number").asLong());
      assertThat(c.archive()).isEqualTo(e.archive());
      assertThat(c.archive().toString()).isEqualTo(cp.path("archive").path("root").asText());
      assertThat(c.feeAssetPriceModifier())
          .isEqualTo(new BigInteger(cp.path("feeAssetPriceModifier").asText()));
      assertHeaderEquals(c.header(), cp.path("header"));
      assertThat(c.payloadDigest()).isEqualTo(e.payloadDigest());
      assertThat(c.attestationsHash()).isEqualTo(e.attestationsHash());
      assertThat(c.attestations()).hasSize(cps.get(i).path("attestations").size());
      assertThat(c.packedAttestations()).isEqualTo(CommitteeAttestations.empty());
      assertThat(c.l1BlockHash()).isEqualTo(e.l1().blockHash());
      // The blob input's commitments are the blobs of the event, in order.
      assertThat(c.blobCommitments().stream().map(Blob::versionedHash).toList())
          .isEqualTo(e.versionedBlobHashes());
      // The tx declares the same versioned hashes.
      assertThat(tx.path("blobVersionedHashes").get(0).asText())
          .isEqualTo(e.versionedBlobHashes().get(0).toString());
    }
  }

  static void assertHeaderEquals(CheckpointHeader h, JsonNode j) {
    assertThat(h.lastArchiveRoot().toString()).isEqualTo(j.path("lastArchiveRoot").asText());
    assertThat(h.blockHeadersHash().toString()).isEqualTo(j.path("blockHeadersHash").asText());
    assertThat(h.blobsHash().toString()).isEqualTo(j.path("blobsHash").asText());
    assertThat(h.inHash().toString()).isEqualTo(j.path("inHash").asText());
    assertThat(h.epochOutHash().toString()).isEqualTo(j.path("epochOutHash").asText());
    assertThat(h.slotNumber().value()).isEqualTo(j.path("slotNumber").asLong());
    assertThat(h.timestamp()).isEqualTo(j.path("timestamp").asLong());
    assertThat(h.coinbase()).isEqualTo(EthAddress.fromString(j.path("coinbase").asText()));
    assertThat(Hex.encode(h.feeRecipient().toField().toBytes()))
        .isEqualTo(j.path("feeRecipient").asText());
    assertThat(h.gasFees().feePerDaGas())
        .isEqualTo(new BigInteger(j.path("gasFees").path("feePerDaGas").asText()));
    assertThat(h.gasFees().feePerL2Gas())
        .isEqualTo(new BigInteger(j.path("gasFees").path("feePerL2Gas").asText()));
    assertThat(h.totalManaUsed().toString()).isEqualTo(j.path("totalManaUsed").asText());
  }

  @Test
  void fetchesTheTransactionOverJsonRpc() {
    RollupEvents.CheckpointProposed e = ArchiveFixtures.proposedEvents().get(4);
    JsonNode tx = ArchiveFixtures.proposalTxs().get(4);
    try (JsonRpcStub stub =
            new JsonRpcStub()
                .on(
                    "eth_getTransactionByHash",
                    p -> p.get(0).asText().equals(e.l1().txHash().toString()) ? tx : null);
        L1RpcClient rpc = stub.client()) {
      CalldataRetriever r = new CalldataRetriever(rpc, ArchiveFixtures.ROLLUP, COMMITTEE_SIZE);
      assertThat(r.getCheckpointFromRollupTx(e).checkpointNumber()).isEqualTo(5);
      RollupEvents.CheckpointProposed other = ArchiveFixtures.proposedEvents().get(5);
      assertThatThrownBy(() -> r.getCheckpointFromRollupTx(other))
          .isInstanceOf(ProposeCalldataNotFoundException.class)
          .hasMessageContaining("was not found");
    }
  }

  @Test
  void decodesADirectProposeToTheRollup() {
    RollupEvents.CheckpointProposed e = ArchiveFixtures.proposedEvents().get(0);
    ObjectNode tx = (ObjectNode) ArchiveFixtures.proposalTxs().get(0).deepCopy();
    byte[] inner =
        CalldataRetriever.proposeCallsInAggregate3(
                Hex.decode(tx.path("input").asText()), ArchiveFixtures.ROLLUP)
            .get(0);
    tx.put("to", ArchiveFixtures.ROLLUP.toString());
    tx.put("input", Hex.encode(inner));
    CheckpointCalldata c = CalldataRetriever.fromTransaction(tx, e, ArchiveFixtures.ROLLUP, 0);
    assertThat(c.archive()).isEqualTo(e.archive());
    ProposeCall call = ProposeCall.decode(inner);
    assertThat(call.signers()).isEmpty();
    assertThat(call.blobInput()[0]).isEqualTo((byte) 1);
    assertThat(call.consensusPayload().payloadDigest()).isEqualTo(e.payloadDigest());
  }

  @Test
  void picksTheCandidateWhoseHashesMatchTheEvent() {
    // The proposal of checkpoint 2 checked against the event of checkpoint 1: no match.
    RollupEvents.CheckpointProposed e1 = ArchiveFixtures.proposedEvents().get(0);
    JsonNode tx2 = ArchiveFixtures.proposalTxs().get(1);
    assertThatThrownBy(() -> CalldataRetriever.fromTransaction(tx2, e1, ArchiveFixtures.ROLLUP, 0))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessageContaining("payload digest")
        .hasMessageContaining("matches checkpoint 1");
    // A wrong rollup address: no candidate at all.
    JsonNode tx1 = ArchiveFixtures.proposalTxs().get(0);
    assertThatThrownBy(() -> CalldataRetriever.fromTransaction(tx1, e1, ArchiveFixtures.INBOX, 0))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessageContaining("no propose call to " + ArchiveFixtures.INBOX);
    // Sent somewhere else.
    ObjectNode elsewhere = (ObjectNode) tx1.deepCopy();
    elsewhere.put("to", ArchiveFixtures.INBOX.toString());
    assertThatThrownBy(
            () -> CalldataRetriever.fromTransaction(elsewhere, e1, ArchiveFixtures.ROLLUP, 0))
        .isInstanceOf(ProposeCalldataNotFoundException.class)
        .hasMessageContaining("neither Multicall3 nor the rollup")
        .hasMessageContaining("trace_transaction");
  }

  @Test
  void truncatedOrCorruptCalldataGivesNamedErrorsNeverIndexErrors() {
    byte[] inner =
        CalldataRetriever.proposeCallsInAggregate3(
                Hex.decode(ArchiveFixtures.proposalTxs().get(0).path("input").asText()),
                ArchiveFixtures.ROLLUP)
            .get(0);
    // Every truncation fails with L1DecodeException (except inside the zero padding after the
    // 49-byte blob input, the last 15 bytes, which a lenient ABI decoder does not need).
    for (int len = 0; len < inner.length - 15; len += 7) {
      byte[] cut = Arrays.copyOf(inner, len);
      assertThatThrownBy(() -> ProposeCall.decode(cut)).isInstanceOf(L1DecodeException.class);
    }
    // A huge offset for the attestations.
    byte[] bad = inner.clone();
    Arrays.fill(bad, 4 + 448, 4 + 480, (byte) 0xff);
    assertThatThrownBy(() -> ProposeCall.decode(bad))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("attestations");
    // A field element out of range.
    byte[] notField = inner.clone();
    Arrays.fill(notField, 4 + 64, 4 + 96, (byte) 0xff);
    assertThatThrownBy(() -> ProposeCall.decode(notField))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("header.lastArchiveRoot")
        .hasMessageContaining("not a BN254 field element");
    // The multicall wrapper truncated.
    byte[] outer = Hex.decode(ArchiveFixtures.proposalTxs().get(0).path("input").asText());
    assertThatThrownBy(
            () ->
                CalldataRetriever.proposeCallsInAggregate3(
                    Arrays.copyOf(outer, 200), ArchiveFixtures.ROLLUP))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("aggregate3 calldata");
    // A blob input announcing more blobs than it has.
    ProposeCall call = ProposeCall.decode(inner);
    byte[] blobInput = call.blobInput();
    blobInput[0] = 3;
    ProposeCall lying =
        new ProposeCall(
            call.archive(),
            call.feeAssetPriceModifier(),
            call.header(),
            call.attestations(),
            call.signers(),
            call.attestationsAndSignersSignature(),
            blobInput);
    assertThatThrownBy(lying::blobCommitments)
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("announces 3 blobs");
  }

  @Test
  void headerHashAndPayloadMatchTheStoredDigest() {
    // The payload digest is what L1 stored; recomputing it from the node's header checks the
    // header packing (316 bytes) and the ABI layout of the payload.
    RollupEvents.CheckpointProposed e = ArchiveFixtures.proposedEvents().get(8);
    CheckpointCalldata c =
        CalldataRetriever.fromTransaction(
            ArchiveFixtures.proposalTxs().get(8), e, ArchiveFixtures.ROLLUP, 0);
    assertThat(ConsensusPayload.packHeader(c.header())).hasSize(316);
    assertThat(c.consensusPayload().payloadToSign(SignatureDomainSeparator.CHECKPOINT_ATTESTATION))
        .hasSize(128);
    assertThat(c.consensusPayload().payloadDigest()).isEqualTo(e.payloadDigest());
    // Negative modifiers are sign-extended.
    ConsensusPayload neg = new ConsensusPayload(c.header(), c.archive(), BigInteger.valueOf(-2));
    byte[] p = neg.payloadToSign(SignatureDomainSeparator.CHECKPOINT_ATTESTATION);
    assertThat(Hex.encode(Arrays.copyOfRange(p, 64, 96))).isEqualTo("0x" + "f".repeat(63) + "e");
  }
}
