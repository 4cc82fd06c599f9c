package io.quetzal.ethereum.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event decoding against the official local network's logs, and the archiver's views. */
class RollupEventsTest {
  @Test
  void topicHashesAreThoseOfTheOfficialContracts() {
    assertThat(RollupEvents.CHECKPOINT_PROPOSED)
        .hasToString("0x6ff492bf2b4ca1b93a175167d14b3e46085b935cab3f39ca94013000799b93a0");
    assertThat(RollupEvents.MESSAGE_SENT)
        .hasToString("0xe3afb584bcff3adb9d452d2e1ccbcd4aee164ae2a8cdab637aecf866a53fbb77");
  }

  @Test
  void decodesTheNineCheckpointProposedLogs() {
    List<RollupEvents.CheckpointProposed> events = ArchiveFixtures.proposedEvents();
    assertThat(events).hasSize(9);
    List<JsonNode> cps = ArchiveFixtures.checkpoints();
    for (int i = 0; i < 9; i++) {
      RollupEvents.CheckpointProposed e = events.get(i);
      JsonNode cp = cps.get(i);
      assertThat(e.checkpointNumber()).isEqualTo(i + 1);
      assertThat(e.archive().toString())
          .isEqualTo(cp.path("checkpoint").path("archive").path("root").asText());
      assertThat(e.l1().blockNumber()).isEqualTo(cp.path("l1").path("blockNumber").asLong());
      assertThat(e.l1().blockHash().toString()).isEqualTo(cp.path("l1").path("blockHash").asText());
      assertThat(e.versionedBlobHashes()).hasSize(1);
      assertThat(e.versionedBlobHashes().get(0).get(0)).isEqualTo((byte) 1);
    }
  }

  @Test
  void decodesTheInboxMessageAndItsRollingHash() {
    List<L1Log> logs = ArchiveFixtures.inboxLogs();
    assertThat(logs).hasSize(1);
    InboxMessage m = RollupEvents.messageSent(logs.get(0));
    assertThat(m.index()).isEqualTo(5120);
    assertThat(m.checkpointNumber()).isEqualTo(6);
    assertThat(m.leaf().toString())
        .isEqualTo("0x0021865b60b434531ae2b826712037c1b5bd01f0e79bf146b466d9ab6b64b0a0");
    assertThat(m.l1BlockNumber()).isEqualTo(43);
    assertThat(m.rollingHash()).hasToString("0x488efd9508507b4dbc9feea342b5dc88");
    // The Inbox starts from a zero rolling hash.
    assertThat(InboxMessage.verifyChain(Bytes16.ZERO, List.of(m))).isEqualTo(m.rollingHash());
  }

  @Test
  void aBrokenRollingHashChainIsNamed() {
    InboxMessage m = RollupEvents.messageSent(ArchiveFixtures.inboxLogs().get(0));
    InboxMessage second = new InboxMessage(5121, Fr.ofLong(7), m.rollingHash(), 6, 44, m.l1());
    assertThatThrownBy(() -> InboxMessage.verifyChain(Bytes16.ZERO, List.of(m, second)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("Inbox message 5121")
        .hasMessageContaining(
            "expected " + InboxMessage.nextRollingHash(m.rollingHash(), Fr.ofLong(7)));
  }

  @Test
  void malformedLogsGiveNamedErrors() {
    JsonNode good = ArchiveFixtures.json("eth_getLogs_rollup.json").path("response").path("result");
    ObjectNode found = null;
    for (JsonNode l : good) {
      if (found == null
          && l.path("topics").get(0).asText().equals(RollupEvents.CHECKPOINT_PROPOSED.toString())) {
        found = (ObjectNode) l.deepCopy();
      }
    }
    ObjectNode proposed = found;
    assertThat(proposed).isNotNull();
    ObjectNode truncated = proposed.deepCopy();
    String data = truncated.get("data").asText();
    truncated.put("data", data.substring(0, 2 + 64 * 3));
    assertThatThrownBy(() -> RollupEvents.checkpointProposed(L1Log.fromJson(truncated)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("CheckpointProposed log data")
        .hasMessageContaining("versionedBlobHashes");

    ObjectNode hugeLength = proposed.deepCopy();
    hugeLength.put(
        "data", data.substring(0, 2 + 64 * 3) + "f".repeat(64) + data.substring(2 + 64 * 4));
    assertThatThrownBy(() -> RollupEvents.checkpointProposed(L1Log.fromJson(hugeLength)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("versionedBlobHashes has length");

    ObjectNode noTopics = proposed.deepCopy();
    ArrayNode t = noTopics.putArray("topics");
    t.add(RollupEvents.CHECKPOINT_PROPOSED.toString());
    assertThatThrownBy(() -> RollupEvents.checkpointProposed(L1Log.fromJson(noTopics)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("has 1 topics");

    assertThatThrownBy(() -> RollupEvents.messageSent(L1Log.fromJson(proposed)))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("is not MessageSent");

    ObjectNode badHex = proposed.deepCopy();
    badHex.put("blockNumber", "twelve");
    assertThatThrownBy(() -> L1Log.fromJson(badHex))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("blockNumber");
  }

  @Test
  void readerFiltersLogsByAddressAndTopic() {
    JsonNode rollupLogs =
        ArchiveFixtures.json("eth_getLogs_rollup.json").path("response").path("result");
    JsonNode inboxLogs =
        ArchiveFixtures.json("eth_getLogs_inbox.json").path("response").path("result");
    List<JsonNode> filters = new ArrayList<>();
    try (JsonRpcStub stub =
            new JsonRpcStub()
                .on(
                    "eth_getLogs",
                    p -> {
                      JsonNode f = p.get(0);
                      filters.add(f);
                      JsonNode all =
                          f.path("address").asText().equals(ArchiveFixtures.ROLLUP.toString())
                              ? rollupLogs
                              : inboxLogs;
                      ArrayNode out = JsonNodeFactory.instance.arrayNode();
                      for (JsonNode l : all) {
                        if (l.path("topics")
                            .get(0)
                            .asText()
                            .equals(f.path("topics").get(0).asText())) {
                          out.add(l);
                        }
                      }
                      return out;
                    });
        L1RpcClient rpc = stub.client()) {
      ArchiveL1Reader reader =
          new ArchiveL1Reader(rpc, ArchiveFixtures.ROLLUP, ArchiveFixtures.INBOX);
      assertThat(reader.getCheckpointProposedEvents(0, 100)).hasSize(9);
      assertThat(reader.getMessageSentEvents(0, 100)).hasSize(1);
      assertThat(reader.getL2ProofVerifiedEvents(0, 100)).isEmpty();
      assertThat(filters.get(0).path("fromBlock").asText()).isEqualTo("0x0");
      assertThat(filters.get(0).path("toBlock").asText()).isEqualTo("0x64");
    }
  }

  @Test
  void readerDecodesViewsAtABlockTag() {
    List<String> tags = new ArrayList<>();
    try (JsonRpcStub stub =
            new JsonRpcStub()
                .on(
                    "eth_call",
                    p -> {
                      tags.add(p.get(1).asText());
                      String data = p.get(0).path("data").asText();
                      String sel = data.substring(0, 10);
                      String ret;
                      if (sel.equals(io.quetzal.ethereum.contracts.Abi.selector("getTips()"))) {
                        ret = word(9) + word(7);
                      } else if (sel.equals(
                          io.quetzal.ethereum.contracts.Abi.selector(
                              "getProvenCheckpointNumber()"))) {
                        ret = word(3);
                      } else if (sel.equals(
                          io.quetzal.ethereum.contracts.Abi.selector("canPruneAtTime(uint256)"))) {
                        ret = word(1);
                      } else if (sel.equals(
                          io.quetzal.ethereum.contracts.Abi.selector("getState()"))) {
                        ret =
                            "488efd9508507b4dbc9feea342b5dc88" + "0".repeat(32) + word(1) + word(7);
                      } else if (sel.equals(
                          io.quetzal.ethereum.contracts.Abi.selector("archiveAt(uint256)"))) {
                        ret = "0".repeat(62) + "2a";
                      } else {
                        ret = word(5); // too short for getCheckpoint
                      }
                      return JsonNodeFactory.instance.textNode("0x" + ret);
                    });
        L1RpcClient rpc = stub.client()) {
      ArchiveL1Reader r = new ArchiveL1Reader(rpc, ArchiveFixtures.ROLLUP, ArchiveFixtures.INBOX);
      assertThat(r.getTips("latest")).isEqualTo(new ArchiveL1Reader.Tips(9, 7));
      assertThat(r.getProvenCheckpointNumber("finalized")).isEqualTo(3);
      assertThat(r.canPruneAtTime(1_000, "latest")).isTrue();
      assertThat(r.archiveAt(1, "0x20")).isEqualTo(Fr.ofLong(42));
      ArchiveL1Reader.InboxState s = r.getInboxState("latest");
      assertThat(s.rollingHash()).hasToString("0x488efd9508507b4dbc9feea342b5dc88");
      assertThat(s.totalMessagesInserted()).isEqualTo(1);
      assertThat(s.inProgress()).isEqualTo(7);
      assertThat(tags).contains("finalized", "0x20");
      assertThatThrownBy(() -> r.getCheckpoint(1, "latest"))
          .isInstanceOf(L1DecodeException.class)
          .hasMessageContaining("getCheckpoint(uint256)")
          .hasMessageContaining("past the end");
    }
  }

  @Test
  void bytes32AndAbiReaderRejectBadInput() {
    assertThatThrownBy(() -> Bytes32.fromHex("0x1234"))
        .isInstanceOf(L1DecodeException.class)
        .hasMessageContaining("32-byte");
    byte[] w = new byte[32];
    Arrays.fill(w, 0, 12, (byte) 1);
    assertThatThrownBy(() -> AbiReader.of(w, "test").address(0, "a"))
        .isInstanceOf(L1DecodeException.class)
        .hasMessage("test: a is not an address (upper 12 bytes are not zero)");
    assertThat(Hex.encode(AbiReader.of(new byte[32], "t").word(0, "x")))
        .isEqualTo(Bytes32.ZERO.toString());
  }

  private static String word(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(64 - h.length()) + h;
  }
}
