package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.contracts.RollupConfig;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.JsonRpcErrorException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * Deploys the Aztec 4.1.2 L1 contracts as the official {@code deployAztecL1Contracts} does:
 *
 * <ol>
 *   <li>Multicall3 at its canonical address when missing (0.1 ETH to its keyless deployer, then the
 *       well-known pre-signed deployment transaction);
 *   <li>on anvil, {@code anvil_setBlockTimestampInterval(ethereumSlotDuration)};
 *   <li>{@code forge script script/deploy/DeployAztecL1Contracts.s.sol --sig run() --private-key K
 *       --rpc-url U --broadcast --batch-size 8} in a private copy of the artifacts, with the
 *       environment of {@link AztecL1DeployArgs#forgeEnvironment()} ({@link ForgeScript});
 *   <li>on anvil, a jump past slot 0 ({@code evm_setNextBlockTimestamp} to slot 1 and {@code
 *       hardhat_mine}).
 * </ol>
 *
 * One step is Quetzal's own: with a committee ({@code aztecTargetCommitteeSize > 0}) on anvil, L1
 * time then jumps to the first epoch whose validator-set snapshot (taken {@code
 * lagInEpochsForValidatorSet} epochs back) already holds the initial validators, so that the
 * committee exists from the first L2 slot a node works on. The official local network deploys
 * without a committee and never needs this.
 */
public final class AztecL1Deployer {
  private static final Logger LOG = LoggerFactory.getLogger(AztecL1Deployer.class);

  /** Multicall3's canonical address. */
  public static final EthAddress MULTICALL3 =
      EthAddress.fromString("0xcA11bde05977b3631167028862bE2a173976CA11");

  /** The keyless account that sends the pre-signed Multicall3 deployment. */
  public static final EthAddress MULTICALL3_DEPLOYER =
      EthAddress.fromString("0x05f32b3cc3888453ff71b01135b34ff8e41263f2");

  /** The deploy script, relative to l1-contracts. */
  public static final String DEPLOY_SCRIPT = "script/deploy/DeployAztecL1Contracts.s.sol";

  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final String WORKSPACE_PREFIX = "forge-workspace-";
  private static final java.util.Queue<Thread> CLEANUPS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Waits (bounded) until the forge workspaces of past deployments are deleted. */
  public static void awaitWorkspaceCleanup(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : CLEANUPS) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        t.join(Duration.ofNanos(left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    CLEANUPS.removeIf(t -> !t.isAlive());
  }

  private AztecL1Deployer() {}

  /**
   * Deploys and returns the result.
   *
   * @param rpc a client of the target L1
   * @param rpcUrl the URL forge broadcasts to
   * @param deployer the deployer key (the local network: mnemonic account 0)
   * @param workDirectory where the forge workspace and log go (workspace deleted afterwards)
   */
  public static DeployedL1Contracts deploy(
      L1Toolchain toolchain,
      L1RpcClient rpc,
      URI rpcUrl,
      Secp256k1PrivateKey deployer,
      AztecL1DeployArgs args,
      Path workDirectory,
      Consumer<String> progress) {
    long tStart = System.nanoTime();
    long chainId = rpc.chainId();
    boolean anvil = chainId == Anvil.CHAIN_ID;
    deployMulticall3(rpc, chainId, deployer, progress);
    long tMulticall = System.nanoTime();
    if (anvil) {
      try {
        rpc.call("anvil_setBlockTimestampInterval", args.config().ethereumSlotDuration());
      } catch (L1RpcException e) {
        LOG.error("cannot set anvil's block interval: {}", e.getMessage());
      }
    }
    Path workspace = workDirectory.resolve(WORKSPACE_PREFIX + System.nanoTime());
    Path log = workDirectory.resolve("forge-deploy.log");
    ForgeScript.Result result;
    long tWorkspace;
    long tForge;
    try {
      deleteOldWorkspaces(workDirectory);
      java.nio.file.Files.deleteIfExists(log);
      long t0 = System.nanoTime();
      ForgeScript.prepareWorkspace(toolchain, workspace);
      tWorkspace = System.nanoTime() - t0;
      List<String> forgeArgs =
          List.of(
              DEPLOY_SCRIPT,
              "--sig",
              "run()",
              "--private-key",
              Hex.encode(deployer.revealBytes()),
              "--rpc-url",
              rpcUrl.toString());
      progress.accept("deploying the Aztec L1 contracts with forge (" + DEPLOY_SCRIPT + ")");
      result =
          ForgeScript.broadcast(
              toolchain,
              workspace,
              forgeArgs,
              args.forgeEnvironment(),
              anvil,
              ForgeScript.Policy.forChain(chainId),
              log,
              progress);
      tForge = System.nanoTime() - t0 - tWorkspace;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // 1600 files: delete them off the start-up path (a later deployment sweeps leftovers)
      CLEANUPS.removeIf(t -> !t.isAlive());
      CLEANUPS.add(
          Thread.ofVirtual()
              .name("forge-workspace-cleanup")
              .start(
                  () -> {
                    try {
                      L1ToolchainInstaller.deleteRecursively(workspace);
                    } catch (IOException | RuntimeException e) {
                      LOG.debug("cannot delete {}: {}", workspace, e.getMessage());
                    }
                  }));
    }
    JsonNode r = result.result();
    DeployedL1Contracts deployed =
        new DeployedL1Contracts(
            chainId,
            r.get("rollupVersion").asLong(),
            DeployedL1Contracts.addressesFromForgeResult(r),
            EthAddress.fromString(r.get("verifierAddress").asText()),
            deployer.address(),
            args.genesisArchiveRoot(),
            args.initialValidators().stream().map(LocalValidator::attester).toList());
    long tAfterForge = System.nanoTime();
    RollupContract rollup = new RollupContract(rpc, deployed.addresses().rollupAddress());
    if (anvil) {
      jumpPastSlotZero(rpc, rollup);
      if (args.config().aztecTargetCommitteeSize() > 0) {
        warpToFirstCommitteeEpoch(rpc, rollup, progress);
      }
    }
    long tEnd = System.nanoTime();
    progress.accept(
        String.format(
            Locale.ROOT,
            "deploy phases: multicall3 %d ms, forge workspace %d ms, forge %d ms (%d attempt%s),"
                + " other %d ms, time jumps %d ms",
            (tMulticall - tStart) / 1_000_000,
            tWorkspace / 1_000_000,
            tForge / 1_000_000,
            result.attempts(),
            result.attempts() == 1 ? "" : "s",
            (tAfterForge - tMulticall - tWorkspace - tForge) / 1_000_000,
            (tEnd - tAfterForge) / 1_000_000));
    return deployed;
  }

  private static void deleteOldWorkspaces(Path workDirectory) throws IOException {
    if (!java.nio.file.Files.isDirectory(workDirectory)) {
      return;
    }
    try (var entries = java.nio.file.Files.list(workDirectory)) {
      for (Path p : entries.toList()) {
        if (p.getFileName().toString().startsWith(WORKSPACE_PREFIX)) {
          L1ToolchainInstaller.deleteRecursively(p);
        }
      }
    }
  }

  /**
   * Deploys Multicall3 when there is no code at its address (as the official {@code
   * deployMulticall3}).
   */
  static void deployMulticall3(
      L1RpcClient rpc, long chainId, Secp256k1PrivateKey funder, Consumer<String> progress) {
    String code = rpc.getCode(MULTICALL3);
    if (code != null && !code.equals("0x")) {
      return;
    }
    progress.accept("deploying Multicall3");
    String fund = sendEther(rpc, chainId, funder, MULTICALL3_DEPLOYER, BigInteger.TEN.pow(17));
    requireSuccess(rpc, fund, "funding the Multicall3 deployer");
    String deploy = rpc.sendRawTransaction(multicall3DeploymentTx());
    requireSuccess(rpc, deploy, "deploying Multicall3");
  }

  /** Signs and sends an EIP-1559 ether transfer; returns its hash. */
  static String sendEther(
      L1RpcClient rpc, long chainId, Secp256k1PrivateKey from, EthAddress to, BigInteger wei) {
    long nonce = rpc.getTransactionCount(from.address(), "pending");
    BigInteger baseFee =
        rpc.getBlock("latest")
            .map(b -> b.get("baseFeePerGas"))
            .filter(n -> n != null && !n.isNull())
            .map(L1RpcClient::quantity)
            .orElse(BigInteger.ZERO);
    BigInteger tip = BigInteger.TEN.pow(9);
    BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(tip);
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(21_000),
            to.toString(),
            wei,
            tip,
            maxFee);
    Credentials credentials =
        Credentials.create(ECKeyPair.create(new BigInteger(1, from.revealBytes())));
    byte[] signed = TransactionEncoder.signMessage(tx, chainId, credentials);
    return rpc.sendRawTransaction(Hex.encode(signed));
  }

  /** Waits (bounded) for a receipt and requires status 1. */
  static JsonNode requireSuccess(L1RpcClient rpc, String txHash, String what) {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (true) {
      var receipt = rpc.getTransactionReceipt(txHash);
      if (receipt.isPresent()) {
        if (!"0x1".equals(receipt.get().path("status").asText())) {
          throw new L1ToolchainException(what + " failed: transaction " + txHash + " reverted");
        }
        return receipt.get();
      }
      if (System.nanoTime() > deadline) {
        throw new L1ToolchainException(
            what
                + ": transaction "
                + txHash
                + " not mined within "
                + RECEIPT_TIMEOUT.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new L1ToolchainException("interrupted while waiting for " + what, e);
      }
    }
  }

  /** The official "Jumped to slot 1": the genesis checkpoint occupies slot 0. */
  static void jumpPastSlotZero(L1RpcClient rpc, RollupContract rollup) {
    if (rollup.getCurrentSlot() != 0) {
      return;
    }
    long ts = rollup.getTimestampForSlot(1);
    mineAt(rpc, ts);
    long slot = rollup.getCurrentSlot();
    if (slot != 1) {
      throw new L1ToolchainException("error jumping time: current slot is " + slot);
    }
    LOG.info("Jumped to slot 1");
  }

  /**
   * Jumps L1 time to the start of the first epoch whose validator-set sample time is not before the
   * latest block (so it holds every validator registered during the deployment), unless L1 is there
   * already, and checks that this epoch has a full committee.
   */
  static void warpToFirstCommitteeEpoch(
      L1RpcClient rpc, RollupContract rollup, Consumer<String> progress) {
    RollupConfig c = rollup.readConfig();
    long latest = rpc.latestBlockTimestamp();
    long epochSecs = c.epochDurationSeconds();
    long sinceGenesis = Math.max(0, latest - c.genesisTime());
    long epoch = Math.ceilDiv(sinceGenesis, epochSecs) + c.lagInEpochsForValidatorSet();
    long target = c.epochStartTimestamp(epoch);
    if (latest < target) {
      mineAt(rpc, target);
      progress.accept(
          "L1 time moved to epoch "
              + epoch
              + " (slot "
              + epoch * c.epochDuration()
              + "), the first with a committee of the initial validators");
    }
    var committee = rollup.getCurrentEpochCommittee();
    if (committee.isEmpty() || committee.get().size() != c.targetCommitteeSize()) {
      throw new L1ToolchainException(
          String.format(
              Locale.ROOT,
              "no committee of %d at epoch %d after the deployment (got %s)",
              c.targetCommitteeSize(),
              rollup.getCurrentEpoch(),
              committee.map(List::toString).orElse("none")));
    }
  }

  /** Mines one block at timestamp {@code ts} (anvil cheat codes, as the official jump does). */
  static void mineAt(L1RpcClient rpc, long ts) {
    try {
      rpc.call("evm_setNextBlockTimestamp", ts);
      rpc.call("hardhat_mine", 1);
    } catch (JsonRpcErrorException e) {
      throw new L1ToolchainException("error jumping time to " + ts + ": " + e.getMessage(), e);
    }
  }

  /** The pre-signed Multicall3 deployment transaction (a resource). */
  static String multicall3DeploymentTx() {
    try (InputStream in =
        AztecL1Deployer.class.getResourceAsStream("multicall3-deployment-tx.hex")) {
      if (in == null) {
        throw new IllegalStateException("missing resource multicall3-deployment-tx.hex");
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
