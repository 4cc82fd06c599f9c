package io.quetzal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archiver-backed {@code node_*} methods over the 9 reference checkpoints: every recorded
 * answer of the official node is reproduced byte for byte (the exact recorded request in, the same
 * HTTP status and body out); the methods without a recording are checked against answers derived
 * from the recorded blocks and checkpoints.
 */
class ArchiveApiTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String ONE = io.quetzal.foundation.field.Fr.ONE.toString();

  @TempDir static Path tmp;
  static ReferenceChainApi r;

  @BeforeAll
  static void open() {
    r = new ReferenceChainApi(tmp.resolve("ws"));
  }

  @AfterAll
  static void close() {
    r.close();
  }

  /** A recorded exchange: the request, the status and the exact response body. */
  record Recording(String name, String request, int status, String response) {
    /** The exact text of the result member. */
    String result() {
      int i = response.indexOf(",\"result\":");
      return response.substring(i + ",\"result\":".length(), response.length() - 1);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Recording recording(String name) {
    String text = ReferenceChainApi.text(name);
    JsonNode n;
    try {
      n = GenesisApi.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String marker = "\"response\": ";
    int start = text.indexOf(marker) + marker.length();
    int end = text.lastIndexOf('}');
    return new Recording(
        name, n.get("request").toString(), n.get("status").asInt(), text.substring(start, end));
  }

  static String blockFile(int n) {
    return "blocks/node_getBlock_" + n + ".json" + (n == 1 || n == 4 ? ".gz" : "");
  }

  static Stream<String> recordings() {
    List<String> names = new ArrayList<>();
    for (int n = 0; n <= 9; n++) {
      names.add(blockFile(n));
      names.add("blocks/node_getBlockHeader_" + n + ".json");
    }
    for (String tx :
        List.of(
            "1_0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3",
            "2_0x10d0b0bc27157021283a3f9454e6fc6047343225724400429d365dd89a826e9d",
            "3_0x1e901613783afdf08f3c76d9f932d300369b8bc86ba9035b159410b7659257a3",
            "4_0x10f7fccefbc3dbbff69d402fdc0c51dd67d67d7085e486c4c211cc0655937f29",
            "5_0x2145a5752c0417eb2d0a9f640fa5a203950ff679aa1b687e44e6681f45cb6204")) {
      names.add("txs/node_getTxEffect_" + tx + ".json");
      names.add("txs/node_getTxReceipt_" + tx + ".json");
    }
    names.addAll(
        List.of(
            "node_getCheckpoints_1_50.json.gz",
            "node_getBlockHeader_latest.json",
            "node_getBlockNumber.json",
            "node_getCheckpointNumber.json",
            "node_getCheckpointedBlockNumber.json",
            "node_getProvenBlockNumber.json",
            "node_getL1ToL2MessageCheckpoint.json",
            "node_isL1ToL2MessageSynced.json"));
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void theRecordedAnswerByteForByte(String name) {
    Recording rec = recording(name);
    ReferenceChainApi.Raw got = r.raw(rec.request());
    assertThat(got.status()).isEqualTo(rec.status());
    assertThat(got.body()).isEqualTo(rec.response());
  }

  @Test
  void tipsAreTheRecordedObjectPlusTheAlphaTestnetFields() throws Exception {
    Recording rec = recording("node_getL2Tips.json");
    ReferenceChainApi.Raw got = r.raw(rec.request());
    assertThat(got.status()).isEqualTo(rec.status());
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode body = m.readTree(got.body());
    JsonNode result = body.path("result");
    // what operators' scripts read: proven.number (and the others) and latest
    assertThat(result.path("proven").path("number").asLong())
        .isEqualTo(result.path("proven").path("block").path("number").asLong());
    assertThat(result.path("latest")).isEqualTo(result.path("proposed"));
    com.fasterxml.jackson.databind.node.ObjectNode official =
        (com.fasterxml.jackson.databind.node.ObjectNode) result.deepCopy();
    official.remove("latest");
    for (String k : List.of("checkpointed", "proven", "finalized")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) official.get(k)).remove("number");
    }
    com.fasterxml.jackson.databind.node.ObjectNode expected =
        (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(rec.response());
    assertThat(official).isEqualTo(expected.get("result"));
  }

  static String blockResult(int n) {
    return recording(blockFile(n)).result();
  }

  static String headerResult(int n) {
    return recording("blocks/node_getBlockHeader_" + n + ".json").result();
  }

  static JsonNode checkpoints() {
    return ReferenceChainApi.json("node_getCheckpoints_1_50.json.gz")
        .path("response")
        .path("result");
  }

  static JsonNode block(int n) {
    try {
      return GenesisApi.MAPPER.readTree(blockResult(n));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String result(String method, String params) {
    ReferenceChainApi.Raw got =
        r.raw(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}");
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    String prefix = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":";
    if (!got.body().startsWith(prefix)) {
      return null;
    }
    return got.body().substring(prefix.length(), got.body().length() - 1);
  }

  @Test
  void rangesAreTheRecordedBlocksAndCheckpoints() {
    StringBuilder blocks = new StringBuilder("[");
    StringBuilder checkpointed = new StringBuilder("[");
    JsonNode cps = checkpoints();
    for (int n = 1; n <= 9; n++) {
      String sep = n > 1 ? "," : "";
      blocks.append(sep).append(blockResult(n));
      // one block per checkpoint in the reference run: block n is in checkpoint n
      assertThat(
              cps.get(n - 1)
                  .path("checkpoint")
                  .path("blocks")
                  .get(0)
                  .path("header")
                  .path("globalVariables")
                  .path("blockNumber")
                  .asInt())
          .isEqualTo(n);
      checkpointed
          .append(sep)
          .append("{\"checkpointNumber\":")
          .append(n)
          .append(",\"block\":")
          .append(blockResult(n))
          .append(",\"l1\":")
          .append(cps.get(n - 1).get("l1"))
          .append(",\"attestations\":[]}");
    }
    assertThat(result("node_getBlocks", "[1,50]")).isEqualTo(blocks.append("]").toString());
    assertThat(result("node_getCheckpointedBlocks", "[1,50]"))
        .isEqualTo(checkpointed.append("]").toString());
    assertThat(result("node_getBlocks", "[4,2]"))
        .isEqualTo("[" + blockResult(4) + "," + blockResult(5) + "]");
    assertThat(result("node_getBlocks", "[9,1.5]")).isEqualTo("[" + blockResult(9) + "]");
    assertThat(result("node_getBlocks", "[10,50]")).isEqualTo("[]");
    assertThat(result("node_getBlocks", "[4294967296,50]")).isEqualTo("[]");
    assertThat(result("node_getCheckpoints", "[9,50]")).isEqualTo("[" + cps.get(8) + "]");
    assertThat(result("node_getCheckpoints", "[12,50]")).isEqualTo("[]");
    assertThat(result("node_getCheckpointedBlocks", "[99,50]")).isEqualTo("[]");
  }

  @Test
  void rangeLimitsAreTheOfficialOnes() {
    var zero = r.call("node_getBlocks", "[0,1]");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.error().path("code").asInt()).isEqualTo(-32701);
    var big = r.call("node_getCheckpoints", "[1,51]");
    assertThat(big.error().path("message").asText())
        .isEqualTo("Number must be less than or equal to 50 (1)");
    var none = r.call("node_getCheckpointedBlocks", "[1,0]");
    assertThat(none.error().path("message").asText())
        .isEqualTo("Number must be greater than 0 (1)");
    var str = r.call("node_getBlocks", "[1,\"5\"]");
    assertThat(str.error().path("message").asText())
        .isEqualTo("Expected number, received string (1)");
    var missing = r.call("node_getBlocks", "[1]");
    assertThat(missing.error().path("message").asText())
        .isEqualTo("Array must contain at least 2 element(s) ()");
  }

  @Test
  void blocksAndHeadersByHashArchiveAndLatest() {
    for (int n = 1; n <= 9; n++) {
      JsonNode b = block(n);
      String archive = b.path("archive").path("root").asText();
      assertThat(result("node_getBlockByArchive", "[\"" + archive + "\"]"))
          .isEqualTo(blockResult(n));
      assertThat(result("node_getBlockHeaderByArchive", "[\"" + archive + "\"]"))
          .isEqualTo(headerResult(n));
      // block n's hash is the next block's archive leaf n: ask the tips-independent way, by the
      // hash the store indexed, checked against the recorded tips for block 9
      String hash = r.store.block(n).hash().toString();
      assertThat(result("node_getBlockByHash", "[\"" + hash + "\"]")).isEqualTo(blockResult(n));
      assertThat(result("node_getBlock", "[\"" + hash + "\"]")).isEqualTo(blockResult(n));
      assertThat(result("node_getBlockHeader", "[\"" + hash + "\"]")).isEqualTo(headerResult(n));
    }
    String tip9 =
        ReferenceChainApi.json("node_getL2Tips.json")
            .path("response")
            .path("result")
            .path("proposed")
            .path("hash")
            .asText();
    assertThat(r.store.block(9).hash().toString()).isEqualTo(tip9);
    assertThat(result("node_getBlock", "[\"latest\"]")).isEqualTo(blockResult(9));
    assertThat(result("node_getBlockHeader", "[]")).isEqualTo(headerResult(9));
    // block 0: the initial block and header, by number and by the initial header's hash
    String initial = r.genesis.worldState.initialHeader().hash().toString();
    assertThat(result("node_getBlock", "[\"" + initial + "\"]")).isEqualTo(blockResult(0));
    assertThat(result("node_getBlockByHash", "[\"" + initial + "\"]")).isEqualTo(blockResult(0));
    assertThat(result("node_getBlockHeader", "[\"" + initial + "\"]")).isEqualTo(headerResult(0));
    // not found: no result key
    assertThat(result("node_getBlock", "[10]")).isNull();
    assertThat(result("node_getBlock", "[\"4\"]")).isNull();
    assertThat(result("node_getBlockHeader", "[10]")).isNull();
    assertThat(result("node_getBlockByArchive", "[\"0x01\"]")).isNull();
    assertThat(result("node_getBlockHeaderByArchive", "[\"0x01\"]")).isNull();
    assertThat(result("node_getBlockByHash", "[\"0x01\"]")).isNull();
  }

  @Test
  void receiptsOfUnknownTxsAreDropped() {
    String h = "0x00000000000000000000000000000000000000000000000000000000000000ab";
    assertThat(result("node_getTxReceipt", "[\"" + h + "\"]"))
        .isEqualTo(
            "{\"txHash\":\""
                + h
                + "\",\"status\":\"dropped\",\"error\":\"Tx dropped by P2P node\"}");
    assertThat(result("node_getTxEffect", "[\"" + h + "\"]")).isNull();
    var bad = r.call("node_getTxReceipt", "[\"abc\"]");
    assertThat(bad.status()).isEqualTo(400);
  }

  /** Every public (or class) log of the recorded blocks, with its id, as the node lists them. */
  static ArrayNode expectedLogs(String kind, int from, int toExclusive) {
    ArrayNode out = F.arrayNode();
    for (int n = Math.max(1, from); n < toExclusive && n <= 9; n++) {
      JsonNode b = block(n);
      String blockHash = r.store.block(n).hash().toString();
      JsonNode txs = b.path("body").path("txEffects");
      for (int t = 0; t < txs.size(); t++) {
        JsonNode logs = txs.get(t).path(kind);
        for (int l = 0; l < logs.size(); l++) {
          ObjectNode e = out.addObject();
          ObjectNode id = e.putObject("id");
          id.put("blockNumber", n);
          id.put("blockHash", blockHash);
          id.put("txHash", txs.get(t).path("txHash").asText());
          id.put("txIndex", t);
          id.put("logIndex", l);
          e.set("log", logs.get(l));
        }
      }
    }
    return out;
  }

  @Test
  void publicAndContractClassLogsByBlockRange() {
    for (String[] m :
        new String[][] {
          {"node_getPublicLogs", "publicLogs"}, {"node_getContractClassLogs", "contractClassLogs"}
        }) {
      ObjectNode all = F.objectNode();
      all.set("logs", expectedLogs(m[1], 1, 11));
      all.put("maxLogsHit", false);
      assertThat(result(m[0], "[{\"fromBlock\":1,\"toBlock\":10}]")).isEqualTo(all.toString());
      assertThat(result(m[0], "[{}]")).isEqualTo(all.toString());
      ObjectNode some = F.objectNode();
      some.set("logs", expectedLogs(m[1], 2, 5));
      some.put("maxLogsHit", false);
      assertThat(result(m[0], "[{\"fromBlock\":2,\"toBlock\":5}]")).isEqualTo(some.toString());
      // toBlock below the start: nothing, but maxLogsHit (the official store's answer)
      assertThat(result(m[0], "[{\"fromBlock\":5,\"toBlock\":2}]"))
          .isEqualTo("{\"logs\":[],\"maxLogsHit\":true}");
    }
    assertThat(expectedLogs("publicLogs", 1, 11)).isNotEmpty();
    assertThat(expectedLogs("contractClassLogs", 1, 11)).isNotEmpty();
    var bad = r.call("node_getPublicLogs", "[{\"fromBlock\":\"x\",\"afterLog\":{}}]");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error().path("code").asInt()).isEqualTo(-32701);
    var notObject = r.call("node_getContractClassLogs", "[5]");
    assertThat(notObject.error().path("message").asText())
        .isEqualTo("Expected object, received number (0)");
  }

  @Test
  void taggedLogsAsTheWalletReadsThem() {
    // the first private log of the chain, found in the recorded blocks
    for (int n = 1; n <= 9; n++) {
      JsonNode b = block(n);
      JsonNode txs = b.path("body").path("txEffects");
      for (JsonNode tx : txs) {
        for (JsonNode log : tx.path("privateLogs")) {
          String tag = log.path("fields").get(0).asText();
          String got = result("node_getPrivateLogsByTags", "[[\"" + tag + "\",\"0x07\"]]");
          JsonNode first = parse(got).get(0).get(0);
          assertThat(parse(got).get(1)).isEmpty();
          assertThat(first.path("txHash").asText()).isEqualTo(tx.path("txHash").asText());
          assertThat(first.path("blockNumber").asInt()).isEqualTo(n);
          assertThat(first.path("blockTimestamp").asText())
              .isEqualTo(b.path("header").path("globalVariables").path("timestamp").asText());
          assertThat(first.path("logData").get(0).asText()).isEqualTo(tag);
          assertThat(first.path("logData").size()).isEqualTo(log.path("emittedLength").asInt());
          assertThat(first.path("noteHashes")).isEqualTo(tx.path("noteHashes"));
          assertThat(first.path("firstNullifier")).isEqualTo(tx.path("nullifiers").get(0));
          assertThat(fieldNames(first))
              .containsExactly(
                  "txHash",
                  "blockNumber",
                  "blockTimestamp",
                  "logData",
                  "noteHashes",
                  "firstNullifier");
          // page 1 is past the only log; a reference block still in the chain is fine
          assertThat(result("node_getPrivateLogsByTags", "[[\"" + tag + "\"],1]"))
              .isEqualTo("[[]]");
          String ref = r.store.block(n).hash().toString();
          assertThat(result("node_getPrivateLogsByTags", "[[\"" + tag + "\"],0,\"" + ref + "\"]"))
              .isEqualTo(got.substring(0, got.lastIndexOf(",[]")) + "]");
          var gone = r.call("node_getPrivateLogsByTags", "[[\"" + tag + "\"],0,\"0x05\"]");
          assertThat(gone.error().path("message").asText())
              .isEqualTo(
                  "Block 0x0000000000000000000000000000000000000000000000000000000000000005 not"
                      + " found in the node. This might indicate a reorg has occurred.");
          publicTagged();
          return;
        }
      }
    }
    throw new AssertionError("no private log in the reference chain");
  }

  void publicTagged() {
    for (int n = 1; n <= 9; n++) {
      for (JsonNode tx : block(n).path("body").path("txEffects")) {
        for (JsonNode log : tx.path("publicLogs")) {
          String tag = log.path("fields").get(0).asText();
          String contract = log.path("contractAddress").asText();
          JsonNode got =
              parse(
                  result(
                      "node_getPublicLogsByTagsFromContract",
                      "[\"" + contract + "\",[\"" + tag + "\"]]"));
          assertThat(got.get(0).get(0).path("logData")).isEqualTo(log.path("fields"));
          assertThat(got.get(0).get(0).path("txHash")).isEqualTo(tx.path("txHash"));
          JsonNode other =
              parse(
                  result(
                      "node_getPublicLogsByTagsFromContract",
                      "[\"" + ONE + "\",[\"" + tag + "\"],0]"));
          assertThat(other.get(0)).isEmpty();
          return;
        }
      }
    }
    throw new AssertionError("no public log in the reference chain");
  }

  @Test
  void contractClassesAndInstances() {
    List<io.quetzal.foundation.field.Fr> ids = r.store.contractClassIds();
    assertThat(ids).isNotEmpty();
    for (var id : ids) {
      JsonNode c = parse(result("node_getContractClass", "[\"" + id + "\"]"));
      assertThat(fieldNames(c))
          .containsExactly(
              "l2BlockNumber",
              "version",
              "artifactHash",
              "privateFunctions",
              "utilityFunctions",
              "packedBytecode",
              "privateFunctionsRoot",
              "id");
      assertThat(c.path("id").asText()).isEqualTo(id.toString());
      assertThat(c.path("version").asInt()).isEqualTo(1);
      assertThat(java.util.Base64.getDecoder().decode(c.path("packedBytecode").asText()))
          .isEqualTo(r.store.contractClass(id).packedBytecode());
    }
    assertThat(result("node_getContractClass", "[\"0x01\"]")).isNull();
    // the contracts that emitted public logs were deployed in the chain
    int found = 0;
    for (int n = 1; n <= 9; n++) {
      for (JsonNode tx : block(n).path("body").path("txEffects")) {
        for (JsonNode log : tx.path("publicLogs")) {
          String address = log.path("contractAddress").asText();
          String got = result("node_getContract", "[\"" + address + "\"]");
          if (got == null) {
            continue;
          }
          JsonNode i = parse(got);
          assertThat(fieldNames(i))
              .containsExactly(
                  "version",
                  "salt",
                  "deployer",
                  "currentContractClassId",
                  "originalContractClassId",
                  "initializationHash",
                  "publicKeys",
                  "address");
          assertThat(i.path("address").asText()).isEqualTo(address);
          assertThat(i.path("publicKeys").path("masterNullifierPublicKey").asText()).hasSize(130);
          found++;
        }
      }
    }
    assertThat(found).isPositive();
    assertThat(result("node_getContract", "[\"" + ONE + "\"]")).isNull();
    // an address must have its 64 digits
    assertThat(r.call("node_getContract", "[\"0x01\"]").error().path("message").asText())
        .isEqualTo("Invalid input (0)");
  }

  @Test
  void epochsOfTheLocalNetwork() {
    JsonNode cps = checkpoints();
    // epoch e holds slots 2e and 2e+1
    int seen = 0;
    for (int e = 0; e <= 12; e++) {
      ArrayNode expected = F.arrayNode();
      ArrayNode msgs = F.arrayNode();
      for (JsonNode p : cps) {
        JsonNode cp = p.path("checkpoint");
        long slot = cp.path("header").path("slotNumber").asLong();
        if (slot / ReferenceChainApi.EPOCH_DURATION != e) {
          continue;
        }
        ObjectNode d = expected.addObject();
        d.set("header", cp.path("header"));
        d.set("archive", cp.path("archive"));
        d.put("checkpointOutHash", io.quetzal.foundation.field.Fr.ZERO.toString());
        d.set("checkpointNumber", cp.path("number"));
        d.set(
            "startBlock",
            cp.path("blocks").get(0).path("header").path("globalVariables").path("blockNumber"));
        d.put("blockCount", cp.path("blocks").size());
        d.set("l1", p.path("l1"));
        d.set("attestations", p.path("attestations"));
        ArrayNode cpMsgs = msgs.addArray();
        for (JsonNode b : cp.path("blocks")) {
          ArrayNode bm = cpMsgs.addArray();
          b.path("body").path("txEffects").forEach(t -> bm.add(t.path("l2ToL1Msgs")));
        }
        seen++;
      }
      assertThat(result("node_getCheckpointsDataForEpoch", "[" + e + "]"))
          .isEqualTo(expected.toString());
      assertThat(result("node_getL2ToL1Messages", "[" + e + "]")).isEqualTo(msgs.toString());
    }
    assertThat(seen).isEqualTo(9);
  }

  @Test
  void l1ToL2MessagesFromTheStore() {
    assertThat(result("node_isL1ToL2MessageSynced", "[\"0x01\"]")).isEqualTo("false");
    assertThat(result("node_getL1ToL2MessageCheckpoint", "[\"0x01\"]")).isNull();
  }

  @Test
  void signaturesAreAcceptedAndValidated() {
    var ok =
        r.call("node_registerContractFunctionSignatures", "[[\"transfer(Field,Field)\",\"x\"]]");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().has("result")).isFalse();
    var bad = r.call("node_registerContractFunctionSignatures", "[[1]]");
    assertThat(bad.error().path("message").asText())
        .isEqualTo("Expected string, received number (0.0)");
    StringBuilder many = new StringBuilder("[[");
    for (int i = 0; i < 101; i++) {
      many.append(i > 0 ? "," : "").append("\"f()\"");
    }
    var tooMany = r.call("node_registerContractFunctionSignatures", many + "]]");
    assertThat(tooMany.error().path("message").asText())
        .isEqualTo("Array must contain at most 100 element(s) (0)");
  }

  static JsonNode parse(String s) {
    try {
      return GenesisApi.MAPPER.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
