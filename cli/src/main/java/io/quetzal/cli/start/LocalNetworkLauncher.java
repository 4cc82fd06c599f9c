package io.quetzal.cli.start;

import io.quetzal.cli.config.StartConfig;
import io.quetzal.cli.config.StorageConfig;
import io.quetzal.ethereum.blobs.BlobClientConfig;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.local.AnvilCheatCodes;
import io.quetzal.ethereum.local.DeployedL1Contracts;
import io.quetzal.ethereum.local.L1FollowingClock;
import io.quetzal.ethereum.local.LocalNetworkL1;
import io.quetzal.ethereum.local.ProvenMarker;
import io.quetzal.ethereum.local.SlotWarper;
import io.quetzal.node.ArchiverSetup;
import io.quetzal.node.AztecNode;
import io.quetzal.node.NodeConfig;
import io.quetzal.node.NodeL1;
import io.quetzal.node.archiver.EpochSettler;
import io.quetzal.node.sequencer.SequencerRuntime;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quetzal start --local-network}: starts the local L1 ({@link LocalNetworkL1}: anvil and the
 * deployed contracts), then the node on loopback and the {@link SlotWarper} that moves anvil's time
 * one slot on whenever a slot is filled or idle, prints the ports and addresses, and runs until
 * SIGINT or SIGTERM. A shutdown hook then stops the warper, the RPC server, the world state and
 * anvil, in that order, before the JVM exits with the official status (130 for SIGINT, 143 for
 * SIGTERM, as {@code aztec start}). {@link FollowerLauncher} (the CLI's launcher) hands it the
 * {@code --local-network} runs; anything else given to it directly gets status 3.
 */
public final class LocalNetworkLauncher implements NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(LocalNetworkLauncher.class);

  private final Map<String, String> env;
  private final PrintWriter err;

  private LocalNetworkL1 l1;
  private AztecNode node;
  private SlotWarper warper;
  private EpochSettler settler;
  private SequencerRuntime sequencer;
  private boolean stopping;

  /** The node's clock: the wall clock, moved forward with every L1 time warp. */
  private final L1FollowingClock clock = L1FollowingClock.system();

  /**
   * @param env the process environment ({@code ANVIL_PORT}, {@code QUETZAL_CACHE})
   * @param err progress lines and errors
   */
  public LocalNetworkLauncher(Map<String, String> env, PrintWriter err) {
    this.env = Map.copyOf(env);
    this.err = err;
  }

  @Override
  public int launch(StartConfig config) throws InterruptedException {
    if (!config.roles().localNetwork()) {
      return new UnavailableNodeLauncher(err).launch(config);
    }
    return UntilSignal.run(() -> start(config), this::stop, err);
  }

  private void start(StartConfig config) {
    Optional<java.nio.file.Path> dataDirectory = config.storage().dataDirectory();
    LocalNetworkL1.Options options =
        LocalNetworkL1.Options.defaults(env, dataDirectory, this::progress)
            .withAnvilPort(config.l1().localAnvilPort());
    progress("starting the local L1 (anvil on 127.0.0.1:" + options.anvilPort() + ")");
    LocalNetworkL1 started = LocalNetworkL1.start(options);
    synchronized (this) {
      l1 = started;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    DeployedL1Contracts d = started.deployment();
    NodeConfig nodeConfig =
        new NodeConfig(
            dataDirectory,
            OptionalLong.of(worldStateMapSizeBytes(config.storage())),
            InetAddress.getLoopbackAddress(),
            config.rpc().port(),
            config.rpc().maxBatchSize(),
            bodyBytes(config.rpc().maxBodySize()));
    progress("starting the node (world state " + where(dataDirectory) + ")");
    // The node runs its archiver on the local L1; blobs come from the local file store (where the
    // local network's sequencer writes them) under the data directory or the L1 work directory.
    java.nio.file.Path blobDir =
        dataDirectory.orElse(started.workDirectory()).resolve("blobs").toAbsolutePath();
    BlobClientConfig blobs =
        BlobClientConfig.of(
                java.util.List.of(blobDir.toUri().toString()),
                java.util.List.of(),
                d.l1ChainId(),
                d.rollupVersion(),
                d.addresses().rollupAddress())
            .withVerifyCommitments(false);
    AztecNode n =
        AztecNode.start(
            nodeConfig,
            new NodeL1(started.rpc(), d.l1ChainId(), d.rollupVersion(), d.addresses()),
            AztecNode.localNetworkPrefill(),
            java.util.Optional.of(
                ArchiverSetup.defaults(
                    blobs, java.time.Duration.ofMillis(config.archiver().pollingIntervalMs()))));
    // Both KZG setups take 2-3 s to load, the sequencer's (c-kzg, in this JVM) and anvil's (on its
    // first blob check): now, once the RPC answers and while the rest starts, rather than inside
    // the first checkpoint's assembly and gas estimate.
    Thread.ofVirtual().name("quetzal-kzg-setup").start(io.quetzal.ethereum.blobs.Kzg::ensureLoaded);
    Thread.ofVirtual()
        .name("quetzal-anvil-kzg-warm-up")
        .start(
            () -> {
              try {
                started.anvil().warmUpKzg();
              } catch (RuntimeException e) {
                LOG.debug("anvil KZG warm-up failed: {}", e.toString());
              }
            });
    synchronized (this) {
      node = n;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    L1ContractAddresses a = d.addresses();
    RollupContract rollup = new RollupContract(started.rpc(), a.rollupAddress());
    SlotWarper w =
        new SlotWarper(
            rollup,
            new AnvilCheatCodes(started.rpc()),
            clock,
            rollup.readConfig().slotDuration(),
            System::currentTimeMillis);
    synchronized (this) {
      warper = w;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    w.start();
    // Fake proofs: mark each ended epoch proven so the proven tip advances.
    EpochSettler settler =
        new EpochSettler(
            n.archiverStore().orElseThrow(),
            rollup,
            new ProvenMarker(new AnvilCheatCodes(started.rpc()), rollup),
            rollup.readConfig().epochDuration());
    synchronized (this) {
      this.settler = settler;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    settler.start();
    // The sequencer: this node's four validators form the committee; the first key publishes.
    java.nio.file.Path validatorDir =
        dataDirectory.orElse(started.workDirectory()).resolve("validator");
    SequencerRuntime seq =
        SequencerSettings.open(
            () ->
                SequencerRuntime.open(
                    validatorDir,
                    new NodeL1(started.rpc(), d.l1ChainId(), d.rollupVersion(), d.addresses()),
                    n.archiverStore().orElseThrow(),
                    n.worldState(),
                    started.validators().stream().map(v -> v.attesterKey()).toList(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    blobDir.toUri().toString(),
                    io.quetzal.sequencerclient.publisher.L1TxConfig.defaults(),
                    n::archiverSyncedL1Timestamp,
                    clock,
                    io.quetzal.ethereum.rpc.Sleeper.SYSTEM,
                    SequencerSettings.of(config.sequencer(), true)));
    synchronized (this) {
      this.sequencer = seq;
      if (stopping) {
        throw new IllegalStateException("stopped while starting");
      }
    }
    // Event-driven slots: the sequencer works as soon as L1 is warped into a slot, and the warper
    // moves on as soon as the slot's checkpoint has landed, instead of both polling.
    w.onWarp(t -> seq.sequencer().wakeUp());
    seq.sequencer().onProposed(slot -> w.wakeUp());
    w.sequencerBuilding(
        () ->
            switch (seq.sequencer().state()) {
              case STOPPED, STOPPING, IDLE, SYNCHRONIZING -> false;
              default -> true;
            });
    n.addMetrics(seq::metrics);
    seq.start();
    progress(
        String.format(
            Locale.ROOT,
            "local network ready: JSON-RPC http://%s:%d, L1 %s (chain id %d), rollup version %d",
            n.rpcAddress().getAddress().getHostAddress(),
            n.rpcAddress().getPort(),
            started.l1RpcUrl(),
            d.l1ChainId(),
            d.rollupVersion()));
    a.asMap().forEach((k, v) -> progress(String.format(Locale.ROOT, "  %-27s %s", k, v)));
    progress("Ctrl-C (SIGINT) or SIGTERM stops the node and anvil");
  }

  /** Stops what is running: the node (RPC server, world state), then anvil. Idempotent. */
  synchronized void stop() {
    if (stopping
        && node == null
        && l1 == null
        && warper == null
        && settler == null
        && sequencer == null) {
      return;
    }
    stopping = true;
    if (sequencer != null) {
      sequencer.close();
      sequencer = null;
    }
    if (warper != null) {
      warper.close();
      warper = null;
    }
    if (settler != null) {
      settler.close();
      settler = null;
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
    if (l1 != null) {
      progress("stopping anvil");
      try {
        l1.close();
      } catch (RuntimeException e) {
        LOG.warn("stopping the L1 failed", e);
      }
      l1 = null;
    }
  }

  private void progress(String line) {
    err.println("quetzal: " + line);
    err.flush();
  }

  private static String where(Optional<java.nio.file.Path> dir) {
    return dir.map(p -> "in " + p.resolve("world-state")).orElse("in a temporary directory");
  }

  /** The world state's LMDB map size: its own setting, else the data store's. */
  static long worldStateMapSizeBytes(StorageConfig s) {
    return s.worldStateDbMapSizeKb().orElse(s.dataStoreMapSizeKb()) * 1024L;
  }

  /** {@code 1mb}, {@code 512kb}, {@code 100} (bytes) as validated by the config. */
  static long bodyBytes(String size) {
    String s = size.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (s.endsWith("kb")) {
      unit = 1024;
    } else if (s.endsWith("mb")) {
      unit = 1024 * 1024;
    } else if (s.endsWith("gb")) {
      unit = 1024L * 1024 * 1024;
    }
    String digits = s.replaceAll("[a-z]+$", "");
    return Long.parseLong(digits) * unit;
  }
}
