package io.quetzal.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.node.AztecNode;
import io.quetzal.node.rpc.JsonRpcDispatcher;
import io.quetzal.node.rpc.JsonRpcMethod;
import io.quetzal.stdlib.Constants;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A node API over a genesis world state with the local network's prefill, for tests. */
final class GenesisApi implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  final WorldState worldState;
  final NodeApi api;
  final Map<String, JsonRpcMethod> methods;
  final JsonRpcDispatcher dispatcher;

  GenesisApi(Path dir) {
    worldState =
        WorldState.open(
            dir,
            LmdbConfig.DEFAULT.withMapSizeBytes(1L << 30),
            WorldStateConfig.defaults(),
            AztecNode.localNetworkPrefill());
    L1ContractAddresses addresses =
        L1ContractAddresses.fromJson(
            fixture("node_getL1ContractAddresses").path("response").path("result"));
    api =
        new NodeApi(
            worldState,
            new WorldStateBlockSource(worldState, Constants.GENESIS_BLOCK_HEADER_HASH),
            Optional.empty(),
            new NodeApi.Info(31337, 344372055, addresses::toJson, false),
            () -> true);
    methods = api.methods();
    dispatcher = new JsonRpcDispatcher(methods, NodeMethodTable.unavailable(methods), 100);
  }

  static JsonNode fixture(String name) {
    String path = "/io/quetzal/node/reference/" + name + ".json";
    try (InputStream in = GenesisApi.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Status and parsed body of one call. */
  record Answer(int status, JsonNode body) {
    JsonNode result() {
      return body.get("result");
    }

    JsonNode error() {
      return body.get("error");
    }
  }

  Answer call(String method, String paramsJson) {
    return raw(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + paramsJson
            + "}");
  }

  Answer raw(String body) {
    JsonRpcDispatcher.Response r =
        dispatcher.handle(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      return new Answer(r.status(), MAPPER.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    worldState.close();
  }
}
