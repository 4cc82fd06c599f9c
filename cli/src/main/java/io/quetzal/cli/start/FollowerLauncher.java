package io.quetzal.cli.start;

import io.quetzal.cli.config.ArchiverConfig;
import io.quetzal.cli.config.GenesisConfig;
import io.quetzal.cli.config.StartConfig;
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
import io.quetzal.node.NodeConfig;
import io.quetzal.node.NodeL1;
import io.quetzal.node.sequencer.SequencerRuntime;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quetzal start --node --archiver}: a node following a deployed network from L1. Connects to
 * {@code ETHEREUM_HOSTS} (checking the chain id), resolves the rollup and its contracts from the
 * Registry, builds the genesis state from the genesis options (refusing to start when its archive
 * root is not the rollup's), then runs the archiver (checkpoints, blocks, messages, world state)
 * and serves JSON-RPC on {@code AZTEC_PORT} until SIGINT or SIGTERM; with {@code --sequencer} it
 * also proposes checkpoints in its validators' slots (attestations from its own keys only: there is
 * no p2p yet). {@code --local-network} is handed to {@link LocalNetworkLauncher}.
 */
public final class FollowerLauncher implements NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(FollowerLauncher.class);

  private final Map<String, String> env;
  private final PrintWriter err;
  private AztecNode node;
  private SequencerRuntime sequencer;
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
    if (!config.roles().node() && !config.roles().archiver()) {
      return new UnavailableNodeLauncher(err).launch(config);
    }
    return UntilSignal.run(() -> start(config), this::stop, err);
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
            OptionalLong.of(LocalNetworkLauncher.worldStateMapSizeBytes(config.storage())),
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
    if (config.roles().sequencer()) {
      startSequencer(config, n, new NodeL1(rpc, config.l1().chainId(), version, addresses));
    }
    progress(
        "node ready: JSON-RPC on port "
            + n.rpcAddress().getPort()
            + "; the archiver syncs from L1"
            + (config.roles().sequencer() ? ", the sequencer proposes in our slots" : "")
            + " (Ctrl-C or SIGTERM stops)");
  }

  /**
   * The sequencer on a deployed network: the validator keys sign (slashing protection in {@code
   * <data-directory>/validator}), the first publisher key sends {@code propose}, blobs go to {@code
   * BLOB_FILE_STORE_UPLOAD_URL} (default {@code <data-directory>/blobs}), on the system clock with
   * an L1 that includes transactions one L1 slot later.
   */
  private void startSequencer(StartConfig config, AztecNode n, NodeL1 l1) {
    java.nio.file.Path dataDir = config.storage().dataDirectory().orElseThrow();
    String uploadUrl = blobUploadUrl(config);
    List<io.quetzal.foundation.crypto.Secp256k1PrivateKey> keys =
        config.validator().privateKeys().stream().map(s -> s.reveal()).toList();
    io.quetzal.foundation.crypto.Secp256k1PrivateKey publisherKey =
        config.publisher().privateKeys().getFirst().reveal();
    SequencerRuntime seq =
        SequencerSettings.open(
            () ->
                SequencerRuntime.open(
                    dataDir.resolve("validator"),
                    l1,
                    n.archiverStore().orElseThrow(),
                    n.worldState(),
                    keys,
                    java.util.Optional.of(publisherKey),
                    config.validator().coinbase(),
                    config
                        .validator()
                        .feeRecipient()
                        .map(a -> AztecAddress.fromString(a.toString())),
                    uploadUrl,
                    SequencerSettings.txConfig(config.publisher()),
                    n::archiverSyncedL1Timestamp,
                    java.time.Clock.systemUTC(),
                    io.quetzal.ethereum.rpc.Sleeper.SYSTEM,
                    SequencerSettings.of(config.sequencer(), false)));
    synchronized (this) {
      sequencer = seq;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    n.addMetrics(seq::metrics);
    seq.start();
    progress(
        "sequencer on with "
            + keys.size()
            + " validator key(s), publishing from "
            + publisherKey.address());
  }

  private static ArchiverSetup archiverSetup(
      StartConfig config, L1ContractAddresses addresses, long version) {
    ArchiverConfig a = config.archiver();
    List<String> stores =
        new java.util.ArrayList<>(a.blobFileStoreUrls().stream().map(URI::toString).toList());
    if (config.roles().sequencer() && !stores.contains(blobUploadUrl(config))) {
      // The node reads back the blobs it publishes, also where no beacon node serves them.
      stores.add(blobUploadUrl(config));
    }
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
    return ArchiverSetup.defaults(blobs, Duration.ofMillis(a.pollingIntervalMs()))
        .withDebugRpcUrls(config.l1().debugRpcUrls());
  }

  /** {@code BLOB_FILE_STORE_UPLOAD_URL}, by default {@code <data-directory>/blobs}. */
  private static String blobUploadUrl(StartConfig config) {
    return config
        .archiver()
        .blobFileStoreUploadUrl()
        .map(URI::toString)
        .orElseGet(
            () ->
                config.storage().dataDirectory().orElseThrow().resolve("blobs").toUri().toString());
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
    if (stopping && node == null && sequencer == null) {
      return;
    }
    stopping = true;
    if (sequencer != null) {
      try {
        sequencer.close();
      } catch (RuntimeException e) {
        LOG.warn("stopping the sequencer failed", e);
      }
      sequencer = null;
    }
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
}
