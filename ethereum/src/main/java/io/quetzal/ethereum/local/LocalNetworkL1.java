package io.quetzal.ethereum.local;

import io.quetzal.ethereum.contracts.RegistryContract;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisState;
import io.quetzal.stdlib.genesis.GenesisValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 1 of {@code quetzal start --local-network}: the local L1. Installs the toolchain if needed,
 * starts anvil on {@code 127.0.0.1:ANVIL_PORT}, deploys the Aztec 4.1.2 L1 contracts with Quetzal's
 * genesis (the local network's funded accounts: the three test accounts, the BananaFPC and the
 * SponsoredFPC, each with 10^22 fee juice, and the portal funded with their sum), registers the
 * node's validators, records the addresses in {@code <data-directory>/l1-contracts.json} — or, when
 * a snapshot of the same deployment exists, starts anvil from it and skips forge.
 *
 * <p>{@link #close()} stops anvil. Not thread-safe to start; the result is immutable.
 */
public final class LocalNetworkL1 implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalNetworkL1.class);

  /** Quetzal's default committee: four validators held by the node. */
  public static final int DEFAULT_VALIDATORS = 4;

  /**
   * Start options.
   *
   * @param anvilPort anvil's port on 127.0.0.1 ({@code ANVIL_PORT}, default 8545)
   * @param dataDirectory the node's data directory, receiving {@code l1-contracts.json} and {@code
   *     l1/} (anvil's log, forge's log); empty for an in-memory node (a temporary directory is
   *     used)
   * @param toolchain installer options (cache root, npm, progress)
   * @param mnemonic the L1 mnemonic ({@code --local-network.l1Mnemonic}); account 0 deploys
   * @param validatorCount validators registered (mnemonic accounts 0..n-1)
   * @param config L1 contract parameters; the committee size is normally the validator count
   * @param stateSnapshots the directory of deployed-state snapshots to start from and store to
   *     (default {@code <cache>/l1-state}); empty turns snapshots off
   * @param progress receives progress lines
   */
  public record Options(
      int anvilPort,
      Optional<Path> dataDirectory,
      L1ToolchainInstaller.Options toolchain,
      String mnemonic,
      int validatorCount,
      L1ContractsConfig config,
      Optional<Path> stateSnapshots,
      Consumer<String> progress) {
    public Options {
      Objects.requireNonNull(stateSnapshots, "stateSnapshots");
      Objects.requireNonNull(dataDirectory, "dataDirectory");
      Objects.requireNonNull(toolchain, "toolchain");
      Objects.requireNonNull(mnemonic, "mnemonic");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(progress, "progress");
      if (validatorCount < 0) {
        throw new IllegalArgumentException("validatorCount must not be negative");
      }
    }

    /**
     * Quetzal's defaults read from an environment: {@code ANVIL_PORT} (default 8545), {@code
     * QUETZAL_CACHE}, the default mnemonic, four validators forming the committee, the official
     * local network's L1 parameters otherwise, snapshots on.
     */
    public static Options defaults(
        Map<String, String> env, Optional<Path> dataDirectory, Consumer<String> progress) {
      int port = Anvil.DEFAULT_PORT;
      String p = env.get("ANVIL_PORT");
      if (p != null && !p.isBlank()) {
        try {
          port = Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("ANVIL_PORT is not a port number: " + p);
        }
      }
      L1ToolchainInstaller.Options tc =
          L1ToolchainInstaller.Options.defaults(progress)
              .withCacheRoot(L1ToolchainInstaller.defaultCacheRoot(env));
      return new Options(
          port,
          dataDirectory,
          tc,
          AnvilAccounts.DEFAULT_MNEMONIC,
          DEFAULT_VALIDATORS,
          L1ContractsConfig.OFFICIAL_LOCAL_NETWORK.withAztecTargetCommitteeSize(DEFAULT_VALIDATORS),
          Optional.of(AnvilStateCache.defaultDirectory(tc.cacheRoot())),
          progress);
    }

    public Options withAnvilPort(int port) {
      return new Options(
          port,
          dataDirectory,
          toolchain,
          mnemonic,
          validatorCount,
          config,
          stateSnapshots,
          progress);
    }

    public Options withDataDirectory(Optional<Path> dir) {
      return new Options(
          anvilPort, dir, toolchain, mnemonic, validatorCount, config, stateSnapshots, progress);
    }

    public Options withStateSnapshots(Optional<Path> dir) {
      return new Options(
          anvilPort, dataDirectory, toolchain, mnemonic, validatorCount, config, dir, progress);
    }

    public Options withValidators(int count, L1ContractsConfig cfg) {
      return new Options(
          anvilPort, dataDirectory, toolchain, mnemonic, count, cfg, stateSnapshots, progress);
    }
  }

  /** Where the start-up time went. */
  public record Timings(
      Duration toolchain, Duration anvilStart, Duration deploy, boolean fromSnapshot) {
    public Duration total() {
      return toolchain.plus(anvilStart).plus(deploy);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "toolchain %.2f s, anvil %.2f s, %s %.2f s, total %.2f s",
          toolchain.toMillis() / 1e3,
          anvilStart.toMillis() / 1e3,
          fromSnapshot ? "snapshot check" : "deploy",
          deploy.toMillis() / 1e3,
          total().toMillis() / 1e3);
    }
  }

  private final Anvil anvil;
  private final DeployedL1Contracts deployment;
  private final List<LocalValidator> validators;
  private final AztecL1DeployArgs args;
  private final Path workDirectory;
  private final boolean ownsWorkDirectory;
  private final Timings timings;

  private LocalNetworkL1(
      Anvil anvil,
      DeployedL1Contracts deployment,
      List<LocalValidator> validators,
      AztecL1DeployArgs args,
      Path workDirectory,
      boolean ownsWorkDirectory,
      Timings timings) {
    this.anvil = anvil;
    this.deployment = deployment;
    this.validators = validators;
    this.args = args;
    this.workDirectory = workDirectory;
    this.ownsWorkDirectory = ownsWorkDirectory;
    this.timings = timings;
  }

  /** The deploy arguments of the local network for the given options. */
  public static AztecL1DeployArgs deployArgs(Options o) {
    GenesisValues genesis = GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses());
    Fr root = GenesisState.genesisArchiveRoot(genesis.prefilledPublicData());
    List<LocalValidator> validators = LocalValidator.fromMnemonic(o.mnemonic(), o.validatorCount());
    return AztecL1DeployArgs.local(o.config(), root, genesis.fundingNeeded(), validators);
  }

  /** Starts the local L1 (see the class comment). */
  public static LocalNetworkL1 start(Options o) {
    long t0 = System.nanoTime();
    L1Toolchain toolchain = new L1ToolchainInstaller(o.toolchain()).ensureInstalled();
    Duration tToolchain = since(t0);
    AztecL1DeployArgs args = deployArgs(o);
    Secp256k1PrivateKey deployer = AnvilAccounts.account(o.mnemonic(), 0);
    boolean owns = o.dataDirectory().isEmpty();
    Path work;
    try {
      work =
          owns
              ? Files.createTempDirectory("quetzal-l1-")
              : Files.createDirectories(o.dataDirectory().get().resolve("l1"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the L1 work directory", e);
    }
    Optional<AnvilStateCache> cache = o.stateSnapshots().map(AnvilStateCache::new);
    String key = AnvilStateCache.key(toolchain, deployer.address(), args);
    Anvil.Options anvilOptions = Anvil.Options.of(o.anvilPort(), work.resolve("anvil.log"));

    if (cache.isPresent()) {
      Optional<AnvilStateCache.Snapshot> snap = cache.get().find(key);
      if (snap.isPresent()) {
        long t1 = System.nanoTime();
        Anvil anvil = Anvil.start(toolchain, anvilOptions.withLoadState(snap.get().state()));
        Duration tAnvil = since(t1);
        long t2 = System.nanoTime();
        if (restoredMatches(anvil, args, snap.get().deployment())) {
          DeployedL1Contracts d = snap.get().deployment();
          o.progress()
              .accept("L1 started from the deployed-state snapshot " + key + " (forge skipped)");
          LocalNetworkL1 l1 =
              new LocalNetworkL1(
                  anvil,
                  d,
                  args.initialValidators(),
                  args,
                  work,
                  owns,
                  new Timings(tToolchain, tAnvil, since(t2), true));
          l1.record(o);
          return l1;
        }
        o.progress().accept("the L1 state snapshot " + key + " does not match; deploying afresh");
        anvil.close();
        try {
          cache.get().delete(key);
        } catch (IOException e) {
          LOG.warn("cannot delete the stale snapshot {}: {}", key, e.getMessage());
        }
      }
    }

    long t1 = System.nanoTime();
    Anvil anvil = Anvil.start(toolchain, anvilOptions);
    Duration tAnvil = since(t1);
    try {
      long t2 = System.nanoTime();
      DeployedL1Contracts d =
          AztecL1Deployer.deploy(
              toolchain, anvil.rpc(), anvil.url(), deployer, args, work, o.progress());
      Duration tDeploy = since(t2);
      o.progress()
          .accept(
              String.format(
                  Locale.ROOT,
                  "Aztec L1 contracts deployed in %.1f s: registry %s, rollup %s (version %d)",
                  tDeploy.toMillis() / 1e3,
                  d.addresses().registryAddress(),
                  d.addresses().rollupAddress(),
                  d.rollupVersion()));
      if (cache.isPresent()) {
        try {
          cache.get().store(key, anvil, d);
        } catch (IOException | RuntimeException e) {
          LOG.warn("cannot store the L1 state snapshot: {}", e.getMessage());
        }
      }
      LocalNetworkL1 l1 =
          new LocalNetworkL1(
              anvil,
              d,
              args.initialValidators(),
              args,
              work,
              owns,
              new Timings(tToolchain, tAnvil, tDeploy, false));
      l1.record(o);
      return l1;
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /**
   * Whether anvil, restored from a snapshot, holds the recorded deployment: the registry's
   * canonical rollup, its genesis archive root and version. anvil does not keep its block interval
   * in a snapshot, so it is set again here.
   */
  private static boolean restoredMatches(
      Anvil anvil, AztecL1DeployArgs args, DeployedL1Contracts d) {
    try {
      anvil.rpc().call("anvil_setBlockTimestampInterval", args.config().ethereumSlotDuration());
      RegistryContract registry =
          new RegistryContract(anvil.rpc(), d.addresses().registryAddress());
      if (!registry.resolveRollup(OptionalLong.empty()).equals(d.addresses().rollupAddress())) {
        return false;
      }
      RollupContract rollup = new RollupContract(anvil.rpc(), d.addresses().rollupAddress());
      return rollup.archiveAt(0).equals(args.genesisArchiveRoot())
          && rollup.getVersion() == d.rollupVersion();
    } catch (L1RpcException e) {
      LOG.warn("the restored L1 state does not answer as recorded: {}", e.getMessage());
      return false;
    }
  }

  private void record(Options o) {
    if (o.dataDirectory().isPresent()) {
      Path file = o.dataDirectory().get().resolve(DeployedL1Contracts.FILE_NAME);
      try {
        deployment.write(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
    o.progress().accept("L1 ready on " + anvil.url() + " (" + timings + ")");
  }

  /** {@code http://127.0.0.1:<ANVIL_PORT>}: the node's {@code ETHEREUM_HOSTS}. */
  public URI l1RpcUrl() {
    return anvil.url();
  }

  public Anvil anvil() {
    return anvil;
  }

  /** A client of the local L1 (closed with it). */
  public L1RpcClient rpc() {
    return anvil.rpc();
  }

  public DeployedL1Contracts deployment() {
    return deployment;
  }

  /** The validators the node holds keys of (the committee). */
  public List<LocalValidator> validators() {
    return validators;
  }

  public AztecL1DeployArgs deployArgs() {
    return args;
  }

  public Timings timings() {
    return timings;
  }

  /** anvil's log and forge's log live here. */
  public Path workDirectory() {
    return workDirectory;
  }

  /** Stops anvil (and removes the temporary work directory of an in-memory node). */
  @Override
  public void close() {
    anvil.close();
    AztecL1Deployer.awaitWorkspaceCleanup(Duration.ofSeconds(30));
    if (ownsWorkDirectory) {
      try {
        L1ToolchainInstaller.deleteRecursively(workDirectory);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", workDirectory, e.getMessage());
      }
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
