package io.quetzal.cli.start;

import io.quetzal.cli.ExitCodes;
import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.GenesisConfig;
import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.StorageConfig;
import io.quetzal.ethereum.blobs.BlobClientConfig;
import io.quetzal.ethereum.contracts.ContractCallException;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.ethereum.contracts.RegistryContract;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcConfig;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.node.ArchiverSetup;
import io.quetzal.node.AztecNode;
import io.quetzal.node.GenesisMismatchException;
import io.quetzal.node.NodeConfig;
import io.quetzal.node.NodeL1;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quetzal start --node --archiver}: a node following a deployed network from L1. Connects to
 * {@code ETHEREUM_HOSTS} (checking the chain id), resolves the rollup and its contracts from the
 * Registry, builds the genesis state from the genesis options (refusing to start when its archive
 * root is not the rollup's), then runs the archiver (checkpoints, blocks, messages, world state)
 * and serves JSON-RPC on {@code AZTEC_PORT} until SIGINT or SIGTERM; {@code --local-network} is
 * handed to {@link LocalNetworkLauncher}. The sequencer role is not built yet (status 3).
 */
public final class FollowerLauncher implements NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(FollowerLauncher.class);

  private final Map<String, String> env;
  private final PrintWriter err;
  private AztecNode node;
  private boolean stopping;

  public FollowerLauncher(Map<String, String> env, PrintWriter err) {
    this.env = Map.copyOf(env);
    this.err = err;
  }

  @Override
  public int launch(StartConfig config) throws InterruptedException {
    if (config.roles().localNetwork()) {
      return new LocalNetworkLauncher(env, err).launch(config);
    }
    if (config.roles().sequencer() || !config.roles().node() && !config.roles().archiver()) {
      return new UnavailableNodeLauncher(err).launch(config);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop();
              stopped.countDown();
            },
            "quetzal-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start(config);
    } catch (GenesisMismatchException
        | L1RpcException
        | java.io.UncheckedIOException
        | io.quetzal.kvstore.KvStoreException e) {
      // An operator-facing failure (L1, genesis, a port in use, an unusable data directory): one
      // line, no stack trace.
      stop();
      Runtime.getRuntime().removeShutdownHook(hook);
      err.println("quetzal: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    } catch (RuntimeException e) {
      stop();
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    stopped.await();
    return ExitCodes.OK;
  }

  private void start(StartConfig config) {
    L1RpcClient rpc = new L1RpcClient(L1RpcConfig.of(config.l1().rpcUrls()));
    rpc.verifyChainId(config.l1().chainId());
    RegistryContract registry =
        new RegistryContract(rpc, config.l1().registryAddress().orElseThrow());
    L1ContractAddresses addresses;
    long version;
    try {
      addresses = registry.collectAddresses(config.l1().rollupVersion());
      version = new RollupContract(rpc, addresses.rollupAddress()).getVersion();
    } catch (ContractCallException e) {
      throw new L1RpcException(
          "cannot read the Registry at "
              + registry.address()
              + " (REGISTRY_CONTRACT_ADDRESS) on chain "
              + config.l1().chainId()
              + ": "
              + e.getMessage(),
          e);
    }
    progress(
        String.format(
            Locale.ROOT,
            "following rollup %s (version %d) on L1 chain %d",
            addresses.rollupAddress(),
            version,
            config.l1().chainId()));
    NodeConfig nodeConfig =
        new NodeConfig(
            config.storage().dataDirectory(),
            OptionalLong.of(worldStateMapSizeBytes(config.storage())),
            anyAddress(),
            config.rpc().port(),
            config.rpc().maxBatchSize(),
            LocalNetworkLauncher.bodyBytes(config.rpc().maxBodySize()));
    ArchiverSetup archiver = archiverSetup(config, addresses, version);
    AztecNode n =
        AztecNode.start(
            nodeConfig,
            new NodeL1(rpc, config.l1().chainId(), version, addresses),
            prefill(config.genesis()),
            java.util.Optional.of(archiver));
    synchronized (this) {
      node = n;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    progress(
        "node ready: JSON-RPC on port "
            + n.rpcAddress().getPort()
            + "; the archiver syncs from L1 (Ctrl-C or SIGTERM stops)");
  }

  private static ArchiverSetup archiverSetup(
      StartConfig config, L1ContractAddresses addresses, long version) {
    ArchiverConfig a = config.archiver();
    List<String> stores = a.blobFileStoreUrls().stream().map(URI::toString).toList();
    BlobClientConfig blobs =
        BlobClientConfig.of(
                stores,
                config.l1().consensusHostUrls(),
                config.l1().chainId(),
                version,
                addresses.rollupAddress())
            .withApiKeys(
                config.l1().consensusHostApiKeys(), config.l1().consensusHostApiKeyHeaders())
            .withArchiveApiUrl(a.blobArchiveApiUrl())
            // Blob data is authenticated by the checkpoint header's blockHeadersHash instead.
            .withVerifyCommitments(false);
    return ArchiverSetup.defaults(blobs, Duration.ofMillis(a.pollingIntervalMs()));
  }

  static List<PublicDataTreeLeaf> prefill(GenesisConfig g) {
    List<AztecAddress> prefund =
        g.prefundAddresses().stream().map(a -> AztecAddress.fromString(a.toString())).toList();
    return GenesisValues.compute(
            FundedAccounts.fundedAddresses(g.testAccounts(), g.sponsoredFpc(), prefund))
        .prefilledPublicData();
  }

  private static InetAddress anyAddress() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized void stop() {
    if (stopping && node == null) {
      return;
    }
    stopping = true;
    if (node != null) {
      progress("stopping the node");
      try {
        node.close();
      } catch (RuntimeException e) {
        LOG.warn("stopping the node failed", e);
      }
      node = null;
    }
  }

  private void progress(String line) {
    err.println("quetzal: " + line);
    err.flush();
  }

  private static long worldStateMapSizeBytes(StorageConfig s) {
    return s.worldStateDbMapSizeKb().orElse(s.dataStoreMapSizeKb()) * 1024L;
  }
}
