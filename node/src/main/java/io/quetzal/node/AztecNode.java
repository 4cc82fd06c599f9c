package io.quetzal.node;

import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.node.api.BlockSource;
import io.quetzal.node.api.NodeApi;
import io.quetzal.node.api.NodeMethodTable;
import io.quetzal.node.api.WorldStateBlockSource;
import io.quetzal.node.archiver.ArchiverBlockSource;
import io.quetzal.node.archiver.ArchiverRuntime;
import io.quetzal.node.rpc.JsonRpcDispatcher;
import io.quetzal.node.rpc.JsonRpcHttpServer;
import io.quetzal.node.rpc.JsonRpcMethod;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Aztec node, as far as it is wired: the world state at genesis (checked against the rollup)
 * and the {@code node_*} JSON-RPC server. {@link #close()} stops the server, closes the world state
 * and removes a temporary data directory. The L1 is the caller's.
 */
public final class AztecNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AztecNode.class);

  /** The official package version, sent as {@code x-aztec-packageVersion}. */
  public static final String PACKAGE_VERSION = "4.1.2";

  private final NodeL1 l1;
  private final WorldState worldState;
  private final Optional<Path> tempDirectory;
  private final Fr genesisBlockHash;
  private final BlockSource blockSource;
  private final Optional<ArchiverRuntime> archiver;
  private final java.util.List<java.util.function.Supplier<String>> extraMetrics =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile JsonRpcHttpServer server;
  private long epochDuration = -1;

  private AztecNode(
      NodeL1 l1,
      WorldState worldState,
      Optional<Path> tempDirectory,
      Fr genesisBlockHash,
      Optional<ArchiverRuntime> archiver) {
    this.l1 = l1;
    this.worldState = worldState;
    this.tempDirectory = tempDirectory;
    this.genesisBlockHash = genesisBlockHash;
    this.archiver = archiver;
    // Without an archiver (the local network until it sequences) blocks come from the world state.
    this.blockSource =
        archiver
            .<BlockSource>map(a -> new ArchiverBlockSource(a.store()))
            .orElseGet(() -> new WorldStateBlockSource(worldState, genesisBlockHash));
  }

  /** The local network's genesis prefill: the funded accounts' fee juice balances. */
  public static List<PublicDataTreeLeaf> localNetworkPrefill() {
    return GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses())
        .prefilledPublicData();
  }

  /**
   * Starts the node: opens the world state with the genesis {@code prefill}, checks its archive
   * root against the rollup's {@code archiveAt(0)}, then serves JSON-RPC.
   *
   * @throws GenesisMismatchException when the genesis differs from the deployment's
   */
  public static AztecNode start(NodeConfig config, NodeL1 l1, List<PublicDataTreeLeaf> prefill) {
    return start(config, l1, prefill, Optional.empty());
  }

  /**
   * Starts the node as {@link #start(NodeConfig, NodeL1, List)}, and with {@code archiver} also its
   * archiver: its store in {@code <data>/archiver}, the L1 synchronizer feeding the world state,
   * started once the RPC server is up; the node's blocks, tips and messages then come from it.
   */
  public static AztecNode start(
      NodeConfig config,
      NodeL1 l1,
      List<PublicDataTreeLeaf> prefill,
      Optional<ArchiverSetup> archiverSetup) {
    Optional<Path> temp = Optional.empty();
    Path dir;
    try {
      if (config.dataDirectory().isPresent()) {
        dir = Files.createDirectories(config.dataDirectory().get().resolve("world-state"));
      } else {
        temp = Optional.of(Files.createTempDirectory("quetzal-node-"));
        dir = temp.get().resolve("world-state");
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the world state directory", e);
    }
    LmdbConfig lmdb = LmdbConfig.DEFAULT;
    if (config.worldStateMapSizeBytes().isPresent()) {
      lmdb = lmdb.withMapSizeBytes(config.worldStateMapSizeBytes().getAsLong());
    }
    WorldState ws;
    try {
      ws = WorldState.open(dir, lmdb, WorldStateConfig.defaults(), prefill);
    } catch (RuntimeException e) {
      temp.ifPresent(AztecNode::deleteQuietly);
      throw e;
    }
    // The official tips answer block 0 with the GENESIS_BLOCK_HEADER_HASH constant (the initial
    // header of a network without prefill), whatever the prefill: so does this node.
    Optional<ArchiverRuntime> archiver = Optional.empty();
    if (archiverSetup.isPresent()) {
      try {
        archiver =
            Optional.of(
                ArchiverRuntime.open(dir.resolveSibling("archiver"), ws, l1, archiverSetup.get()));
      } catch (RuntimeException e) {
        ws.close();
        temp.ifPresent(AztecNode::deleteQuietly);
        throw e;
      }
    }
    AztecNode node = new AztecNode(l1, ws, temp, Constants.GENESIS_BLOCK_HEADER_HASH, archiver);
    try {
      node.checkGenesis();
      node.serve(config);
      archiver.ifPresent(ArchiverRuntime::start);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void checkGenesis() {
    Fr local = worldState.at(0).treeInfo(MerkleTreeId.ARCHIVE).root();
    Fr onL1 = new RollupContract(l1.rpc(), l1.addresses().rollupAddress()).archiveAt(0);
    if (!local.equals(onL1)) {
      throw new GenesisMismatchException(local, onL1, l1.addresses().rollupAddress().toString());
    }
  }

  private void serve(NodeConfig config) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-aztec-packageVersion", PACKAGE_VERSION);
    try {
      RollupContract rollup = new RollupContract(l1.rpc(), l1.addresses().rollupAddress());
      headers.put("x-aztec-l2CircuitsVkTreeRoot", rollup.vkTreeRoot().toString());
      headers.put("x-aztec-l2ProtocolContractsHash", rollup.protocolContractsHash().toString());
    } catch (RuntimeException e) {
      LOG.warn("cannot read the rollup's protocol commitments: {}", e.getMessage());
    }
    Map<String, JsonRpcMethod> methods = methods();
    JsonRpcDispatcher dispatcher =
        new JsonRpcDispatcher(methods, NodeMethodTable.unavailable(methods), config.maxBatchSize());
    server =
        JsonRpcHttpServer.start(
            new InetSocketAddress(config.bindAddress(), config.port()),
            dispatcher,
            headers,
            config.maxBodyBytes(),
            () -> true,
            () ->
                archiver.map(ArchiverRuntime::metrics).orElse("")
                    + extraMetrics.stream()
                        .map(java.util.function.Supplier::get)
                        .collect(java.util.stream.Collectors.joining()));
    LOG.info("JSON-RPC listening on {}", server.address());
  }

  /**
   * Adds figures to {@code GET /metrics} (Prometheus text, ending with a newline): services started
   * beside the node, such as the sequencer.
   */
  public void addMetrics(java.util.function.Supplier<String> metrics) {
    extraMetrics.add(java.util.Objects.requireNonNull(metrics, "metrics"));
  }

  /** The {@code node_*} methods served; every other official one answers -32601. */
  Map<String, JsonRpcMethod> methods() {
    return api().methods();
  }

  NodeApi api() {
    return new NodeApi(
        worldState,
        blockSource,
        archiver.map(a -> new ArchiverBlockSource(a.store())),
        new NodeApi.Info(
            l1.chainId(),
            l1.rollupVersion(),
            () -> l1.addresses().toJson(),
            false,
            epochDuration()),
        () -> server != null,
        archiver.map(ArchiverRuntime::store));
  }

  private long epochDuration() {
    if (epochDuration < 0) {
      try {
        epochDuration =
            new RollupContract(l1.rpc(), l1.addresses().rollupAddress())
                .readConfig()
                .epochDuration();
      } catch (RuntimeException e) {
        LOG.warn("cannot read the rollup's epoch duration: {}", e.getMessage());
        return 0;
      }
    }
    return epochDuration;
  }

  /** The latest block in the world state (0 at genesis). */
  public long blockNumber() {
    return blockSource.getBlockNumber();
  }

  /**
   * The chain tips. Until the archiver exists the node only knows its world state: at genesis every
   * tip is block 0 with the initial header's hash and checkpoint 0.
   */
  public L2Tips l2Tips() {
    return blockSource.getL2Tips();
  }

  /** The hash the tips give block 0: the official {@code GENESIS_BLOCK_HEADER_HASH}. */
  public Fr genesisBlockHash() {
    return genesisBlockHash;
  }

  /** Where the JSON-RPC server listens. */
  public InetSocketAddress rpcAddress() {
    return server.address();
  }

  /** The archiver's store, when the node runs an archiver. */
  public Optional<io.quetzal.archiver.store.ArchiverStore> archiverStore() {
    return archiver.map(ArchiverRuntime::store);
  }

  /**
   * The timestamp of the L1 block the archiver last synced to; empty without an archiver or before
   * its first iteration.
   */
  public java.util.OptionalLong archiverSyncedL1Timestamp() {
    return archiver.map(ArchiverRuntime::syncedL1Timestamp).orElse(java.util.OptionalLong.empty());
  }

  public WorldState worldState() {
    return worldState;
  }

  /**
   * Stops the archiver (after its current iteration), the RPC server, closes the stores, deletes a
   * temporary data directory.
   */
  @Override
  public synchronized void close() {
    archiver.ifPresent(ArchiverRuntime::stop);
    JsonRpcHttpServer s = server;
    server = null;
    if (s != null) {
      s.close();
    }
    try {
      archiver.ifPresent(ArchiverRuntime::close);
      worldState.close();
    } finally {
      tempDirectory.ifPresent(AztecNode::deleteQuietly);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", root, e.getMessage());
    }
  }
}
