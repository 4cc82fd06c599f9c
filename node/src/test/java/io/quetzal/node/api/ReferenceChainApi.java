package io.quetzal.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.L1PublishedData;
import io.quetzal.archiver.store.PublishedCheckpoint;
import io.quetzal.ethereum.archive.Bytes16;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.ethereum.archive.L1EventRef;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.node.rpc.JsonRpcDispatcher;
import io.quetzal.node.rpc.JsonRpcMethod;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.json.BlockJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The node API over the 9 reference checkpoints (the local network run the fixtures were recorded
 * from), rebuilt from the recorded {@code node_getCheckpoints(1, 50)} into an in-memory archiver
 * store, with the genesis world state of {@link GenesisApi} for block 0; proven up to checkpoint 9,
 * finalized 0, as when the fixtures were recorded; the L1→L2 message of the recorded message
 * fixtures in checkpoint 6.
 */
final class ReferenceChainApi implements AutoCloseable {
  static final String DIR = "/io/quetzal/node/reference/archive/";

  /** The recorded L1→L2 message (checkpoint 6). */
  static final Fr MESSAGE =
      Fr.fromHexString("0x0021865b60b434531ae2b826712037c1b5bd01f0e79bf146b466d9ab6b64b0a0");

  /** The local network's slots per epoch. */
  static final long EPOCH_DURATION = 2;

  final GenesisApi genesis;
  final ArchiverStore store;
  final NodeApi api;
  final Map<String, JsonRpcMethod> methods;
  final JsonRpcDispatcher dispatcher;

  ReferenceChainApi(Path dir) {
    genesis = new GenesisApi(dir);
    // the tips at block 0 carry the official constant, whatever the prefill (as the official
    // tips store); block 0 itself is the world state's initial header
    store = new ArchiverStore(new InMemoryKvStore(), Constants.GENESIS_BLOCK_HEADER_HASH);
    store.addCheckpoints(reference());
    store.setProvenCheckpointNumber(9);
    store.addL1ToL2Messages(
        List.of(
            new InboxMessage(
                5 * ArchiverStore.MESSAGES_PER_CHECKPOINT,
                MESSAGE,
                InboxMessage.nextRollingHash(Bytes16.ZERO, MESSAGE),
                6,
                40,
                new L1EventRef(
                    40, Bytes32.wrap(new byte[32]), Bytes32.wrap(new byte[32]), 0, false))));
    L1ContractAddresses addresses =
        L1ContractAddresses.fromJson(
            GenesisApi.fixture("node_getL1ContractAddresses").path("response").path("result"));
    api =
        new NodeApi(
            genesis.worldState,
            new io.quetzal.node.archiver.ArchiverBlockSource(store),
            Optional.empty(),
            new NodeApi.Info(31337, 344372055, addresses::toJson, false, EPOCH_DURATION),
            () -> true,
            Optional.of(store));
    methods = api.methods();
    dispatcher = new JsonRpcDispatcher(methods, NodeMethodTable.unavailable(methods), 100);
  }

  static String text(String name) {
    String path = DIR + name;
    try (InputStream in = ReferenceChainApi.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      byte[] b = name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return GenesisApi.MAPPER.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The 9 reference checkpoints, rebuilt from the recorded answer (no attestations: no committee).
   */
  static List<PublishedCheckpoint> reference() {
    List<PublishedCheckpoint> out = new ArrayList<>();
    for (JsonNode p : json("node_getCheckpoints_1_50.json.gz").path("response").path("result")) {
      Checkpoint cp = BlockJson.parseCheckpoint(p.get("checkpoint"));
      JsonNode l1 = p.get("l1");
      out.add(
          new PublishedCheckpoint(
              cp,
              new L1PublishedData(
                  Long.parseLong(l1.get("blockNumber").asText()),
                  Long.parseLong(l1.get("timestamp").asText()),
                  Bytes32.fromHex(l1.get("blockHash").asText())),
              List.of()));
    }
    return out;
  }

  /** Status and the exact body bytes (as text) of one raw request. */
  record Raw(int status, String body) {}

  Raw raw(String request) {
    JsonRpcDispatcher.Response r = dispatcher.handle(request.getBytes(StandardCharsets.UTF_8));
    return new Raw(r.status(), new String(r.body(), StandardCharsets.UTF_8));
  }

  GenesisApi.Answer call(String method, String paramsJson) {
    Raw r =
        raw(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                + method
                + "\",\"params\":"
                + paramsJson
                + "}");
    try {
      return new GenesisApi.Answer(r.status(), GenesisApi.MAPPER.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    genesis.close();
  }
}
