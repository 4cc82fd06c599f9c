package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.TestResources;
import io.quetzal.ethereum.contracts.Erc20Contract;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.ethereum.contracts.RegistryContract;
import io.quetzal.ethereum.contracts.RollupConfig;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.rpc.ChainIdMismatchException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.genesis.FundedAccounts;
import io.quetzal.stdlib.genesis.GenesisValues;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local network's L1 on a real anvil: one deployment shared by the class (installing the
 * toolchain into the normal cache on the first run), then a second start from its state snapshot.
 * Runs in CI (it needs npm and the npm registry the first time only).
 */
@Tag("anvil")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalNetworkL1Test {
  private static final Fr LOCAL_NETWORK_GENESIS_ROOT =
      Fr.fromHexString("0x2dbb06108e9a86dfd66387eac78e843c558a4c742514c4d1423e306717362435");

  @TempDir static Path tmp;

  private static LocalNetworkL1 l1;
  private static LocalNetworkL1.Options options;

  @BeforeAll
  static void deploy() {
    options =
        LocalNetworkL1.Options.defaults(
                cacheOnly(),
                Optional.of(tmp.resolve("data")),
                line -> System.out.println("[l1] " + line))
            .withAnvilPort(TestResources.freePort())
            .withStateSnapshots(Optional.of(tmp.resolve("l1-state")));
    l1 = LocalNetworkL1.start(options);
    System.out.println("[l1] fresh deployment: " + l1.timings());
  }

  /** The caller's QUETZAL_CACHE (shared toolchain), but none of its other settings. */
  private static Map<String, String> cacheOnly() {
    String c = System.getenv("QUETZAL_CACHE");
    return c == null ? Map.of() : Map.of("QUETZAL_CACHE", c);
  }

  @AfterAll
  static void stop() {
    Optional<Long> pid = l1 == null ? Optional.empty() : l1.anvil().process().toolPid();
    if (l1 != null) {
      l1.close();
    }
    assertThat(ChildProcesses.live()).isEmpty();
    pid.ifPresent(
        p ->
            assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true)));
  }

  @Test
  @Order(1)
  void deploySucceededAndIsRecorded() throws Exception {
    assertThat(l1.timings().fromSnapshot()).isFalse();
    DeployedL1Contracts d = l1.deployment();
    assertThat(d.l1ChainId()).isEqualTo(31337);
    assertThat(d.validators()).hasSize(4);
    Path file = tmp.resolve("data").resolve(DeployedL1Contracts.FILE_NAME);
    assertThat(file).exists();
    assertThat(DeployedL1Contracts.read(file)).isEqualTo(d);
    assertThat(l1.rpc().getCode(AztecL1Deployer.MULTICALL3)).isNotEqualTo("0x");
  }

  @Test
  @Order(2)
  void addressesAreTheOfficialLocalNetworksUpToTheValidatorContracts() {
    // Same deployer, same transaction sequence up to the rollup's satellites: the official
    // local network's addresses. Only the rollup version differs (committee of 4, not 0).
    JsonNode official = TestResources.officialLocalNetwork().get("l1ContractAddresses");
    assertThat(l1.deployment().addresses().toJson()).isEqualTo(official);
  }

  @Test
  @Order(3)
  void registryResolvesTheDeployedRollup() {
    L1ContractAddresses a = l1.deployment().addresses();
    RegistryContract registry = new RegistryContract(l1.rpc(), a.registryAddress());
    assertThat(registry.getCanonicalRollup()).isEqualTo(a.rollupAddress());
    assertThat(registry.getRollup(l1.deployment().rollupVersion())).isEqualTo(a.rollupAddress());
    assertThat(registry.versions()).containsExactly(l1.deployment().rollupVersion());
    assertThat(registry.resolveRollup(OptionalLong.of(l1.deployment().rollupVersion())))
        .isEqualTo(a.rollupAddress());
    assertThat(registry.resolveRollup(OptionalLong.of(0))).isEqualTo(a.rollupAddress()); // index
    assertThatThrownBy(() -> registry.resolveRollup(OptionalLong.of(12345)))
        .hasMessageContaining("has no rollup of version 12345 (ROLLUP_VERSION)");

    L1ContractAddresses fromRegistry = registry.collectAddresses(OptionalLong.empty());
    Map<String, EthAddress> deployed = a.asMap();
    fromRegistry.asMap().forEach((k, v) -> assertThat(v).as(k).isEqualTo(deployed.get(k)));
    assertThat(fromRegistry.asMap())
        .containsKeys("rollupAddress", "inboxAddress", "outboxAddress", "feeJuicePortalAddress")
        .containsKeys("gseAddress", "coinIssuerAddress", "governanceProposerAddress");
    assertThat(fromRegistry.slashFactoryAddress()).isNull();

    RollupContract rollup = new RollupContract(l1.rpc(), a.rollupAddress());
    RollupContract.RollupAddresses r = rollup.readAddresses();
    assertThat(r.inbox()).isEqualTo(a.inboxAddress());
    assertThat(r.outbox()).isEqualTo(a.outboxAddress());
    assertThat(r.feeJuicePortal()).isEqualTo(a.feeJuicePortalAddress());
    assertThat(r.feeJuice()).isEqualTo(a.feeJuiceAddress());
    assertThat(r.gse()).isEqualTo(a.gseAddress());
  }

  @Test
  @Order(4)
  void genesisArchiveRootIsQuetzals() {
    RollupContract rollup =
        new RollupContract(l1.rpc(), l1.deployment().addresses().rollupAddress());
    assertThat(l1.deployArgs().genesisArchiveRoot()).isEqualTo(LOCAL_NETWORK_GENESIS_ROOT);
    assertThat(rollup.archiveAt(0)).isEqualTo(LOCAL_NETWORK_GENESIS_ROOT);
  }

  @Test
  @Order(5)
  void rollupConfigHasTheLocalNetworkValues() {
    RollupContract rollup =
        new RollupContract(l1.rpc(), l1.deployment().addresses().rollupAddress());
    RollupConfig c = rollup.readConfig();
    assertThat(c.slotDuration()).isEqualTo(72);
    assertThat(c.epochDuration()).isEqualTo(2);
    assertThat(c.targetCommitteeSize()).isEqualTo(4);
    assertThat(c.lagInEpochsForValidatorSet()).isEqualTo(2);
    assertThat(c.lagInEpochsForRandao()).isEqualTo(1);
    assertThat(c.inboxLag()).isEqualTo(1);
    assertThat(c.proofSubmissionEpochs()).isEqualTo(1);
    assertThat(c.manaTarget()).isEqualTo(BigInteger.valueOf(100_000_000));
    assertThat(c.manaLimit()).isEqualTo(200_000_000);
    assertThat(c.activationThreshold()).isEqualTo(BigInteger.TEN.pow(20));
    assertThat(c.exitDelaySeconds()).isEqualTo(172_800);
    assertThat(c.genesisArchiveRoot()).isEqualTo(LOCAL_NETWORK_GENESIS_ROOT);
    assertThat(c.vkTreeRoot()).isEqualTo(ProtocolCommitments.VK_TREE_ROOT);
    assertThat(c.protocolContractsHash()).isEqualTo(ProtocolCommitments.PROTOCOL_CONTRACTS_HASH);
    assertThat(c.l1StartBlock()).isPositive();
    assertThat(c.genesisTime()).isPositive();
    assertThat(c.version()).isEqualTo(l1.deployment().rollupVersion());
    assertThat(c.version())
        .isEqualTo(
            RollupVersions.compute(
                l1.deployArgs(), l1.deployment().addresses().rewardDistributorAddress()));
    // past slot 0, as the official deployer leaves it
    assertThat(rollup.getCurrentSlot()).isPositive();
  }

  @Test
  @Order(6)
  void theCommitteeIsTheFourValidators() {
    RollupContract rollup =
        new RollupContract(l1.rpc(), l1.deployment().addresses().rollupAddress());
    List<EthAddress> ours = l1.validators().stream().map(LocalValidator::attester).toList();
    assertThat(ours).hasSize(4).doesNotHaveDuplicates();
    assertThat(ours.get(0))
        .isEqualTo(EthAddress.fromString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    assertThat(rollup.getAttesters()).containsExactlyInAnyOrderElementsOf(ours);
    assertThat(rollup.getEntryQueueLength()).isZero();
    assertThat(rollup.getCurrentEpochCommittee())
        .hasValueSatisfying(c -> assertThat(c).containsExactlyInAnyOrderElementsOf(ours));
    // epoch 0's validator set was sampled before the deployment: no committee, as the node sees it
    assertThat(rollup.getEpochCommittee(0)).isEmpty();
  }

  @Test
  @Order(7)
  void feeJuiceForTheFundedAccountsIsLockedInThePortal() {
    L1ContractAddresses a = l1.deployment().addresses();
    BigInteger funding =
        GenesisValues.compute(FundedAccounts.localNetworkFundedAddresses()).fundingNeeded();
    assertThat(funding).isEqualTo(BigInteger.TEN.pow(22).multiply(BigInteger.valueOf(5)));
    Erc20Contract feeJuice = new Erc20Contract(l1.rpc(), a.feeJuiceAddress());
    assertThat(feeJuice.balanceOf(a.feeJuicePortalAddress())).isEqualTo(funding);
  }

  @Test
  @Order(8)
  void chainIdIsChecked() {
    l1.rpc().verifyChainId(31337);
    assertThatThrownBy(() -> l1.rpc().verifyChainId(1))
        .isInstanceOf(ChainIdMismatchException.class)
        .hasMessageContaining("answers eth_chainId 31337 but L1_CHAIN_ID is 1");
  }

  @Test
  @Order(9)
  void aSecondStartComesFromTheStateSnapshot() throws Exception {
    Path data2 = tmp.resolve("data2");
    LocalNetworkL1.Options again =
        options.withAnvilPort(TestResources.freePort()).withDataDirectory(Optional.of(data2));
    try (LocalNetworkL1 second = LocalNetworkL1.start(again)) {
      System.out.println("[l1] from the snapshot: " + second.timings());
      assertThat(second.timings().fromSnapshot()).isTrue();
      assertThat(second.deployment()).isEqualTo(l1.deployment());
      L1RpcClient rpc = second.rpc();
      L1ContractAddresses a = second.deployment().addresses();
      assertThat(new RegistryContract(rpc, a.registryAddress()).getCanonicalRollup())
          .isEqualTo(a.rollupAddress());
      RollupContract rollup = new RollupContract(rpc, a.rollupAddress());
      assertThat(rollup.archiveAt(0)).isEqualTo(LOCAL_NETWORK_GENESIS_ROOT);
      assertThat(rollup.getCurrentEpochCommittee())
          .hasValueSatisfying(c -> assertThat(c).hasSize(4));
      assertThat(rpc.blockNumber()).isEqualTo(l1.rpc().blockNumber());
      assertThat(Files.readString(data2.resolve(DeployedL1Contracts.FILE_NAME)))
          .contains(a.rollupAddress().toString());
    }
    assertThat(ChildProcesses.live()).hasSize(1); // the shared anvil only
  }

  @Test
  @Order(10)
  void anvilRefusesATakenPort() {
    assertThatThrownBy(
            () ->
                Anvil.start(
                    new L1ToolchainInstaller(options.toolchain()).ensureInstalled(),
                    Anvil.Options.of(l1.anvil().port(), tmp.resolve("busy.log"))
                        .withLoadState(tmp.resolve("none.json"))))
        .isInstanceOf(L1ToolchainException.class)
        .hasMessageContaining("already in use")
        .hasMessageContaining("ANVIL_PORT");
  }

  @Test
  @Order(11)
  void slotWarperJumpsFilledAndMissedSlotsAndFollowsTheWallClock() {
    RollupContract rollup =
        new RollupContract(l1.rpc(), l1.deployment().addresses().rollupAddress());
    AnvilCheatCodes cheats = new AnvilCheatCodes(l1.rpc());
    long slotSeconds = rollup.readConfig().slotDuration();
    AtomicLong wall = new AtomicLong(cheats.timestamp() * 1000);
    L1FollowingClock clock = new L1FollowingClock(new ManualWall(wall));
    SlotWarper warper = new SlotWarper(rollup, cheats, clock, slotSeconds, wall::get);

    // Checkpoint 0 sits in slot 0: while the current slot is 0 it counts as filled.
    long slot = rollup.getCurrentSlot();
    Optional<Long> first = warper.tick();
    if (slot == 0) {
      assertThat(first).contains(rollup.getTimestampForSlot(1));
      assertThat(rollup.getCurrentSlot()).isEqualTo(1);
    }
    assertThat(cheats.timestamp() * 1000).isLessThanOrEqualTo(clock.millis());

    // Nothing to do in the middle of an empty slot.
    long current = rollup.getCurrentSlot();
    long nextStart = rollup.getTimestampForSlot(current + 1);
    assertThat(warper.tick()).isEmpty();

    // Pending txs and no checkpoint: after the 2-second grace, the next slot.
    warper.pendingTxCount(() -> 3);
    assertThat(warper.tick()).isEmpty();
    wall.addAndGet(2_500);
    assertThat(warper.tick()).contains(nextStart);
    assertThat(rollup.getCurrentSlot()).isEqualTo(current + 1);
    assertThat(cheats.timestamp()).isEqualTo(nextStart);
    assertThat(clock.millis()).isGreaterThanOrEqualTo(nextStart * 1000);

    // ... but never while the sequencer is building.
    warper.sequencerBuilding(() -> true);
    wall.addAndGet(5_000);
    assertThat(warper.tick()).isEmpty();
    warper.sequencerBuilding(() -> false);
    warper.pendingTxCount(() -> 0);

    // L1 more than a slot behind the clock (a reloaded state): L1 is warped to the start of the
    // first slot at or after the clock.
    wall.addAndGet((slotSeconds + 5) * 1000);
    long now = Math.ceilDiv(clock.millis(), 1000L);
    Optional<Long> warped = warper.tick();
    assertThat(warped).isPresent();
    long target = warped.get();
    assertThat(target).isBetween(now, now + slotSeconds - 1);
    assertThat(target).isEqualTo(rollup.getTimestampForSlot(rollup.getCurrentSlot()));
    assertThat(cheats.timestamp()).isEqualTo(target);
    assertThat(warper.warps()).isGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(11)
  void theKzgWarmUpIsAValidPointEvaluation() {
    // FIELD_ELEMENTS_PER_BLOB (4096) and the BLS12-381 scalar field modulus, as EIP-4844 returns.
    assertThat(l1.anvil().warmUpKzg())
        .isEqualTo(
            "0x0000000000000000000000000000000000000000000000000000000000001000"
                + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  }

  @Test
  @Order(12)
  void provenMarkerMovesTheProvenTipForwardOnly() {
    RollupContract rollup =
        new RollupContract(l1.rpc(), l1.deployment().addresses().rollupAddress());
    AnvilCheatCodes cheats = new AnvilCheatCodes(l1.rpc());
    ProvenMarker marker = new ProvenMarker(cheats, rollup);
    assertThat(rollup.getPendingCheckpointNumber()).isZero();
    // Nothing pending: nothing to prove.
    assertThat(marker.markProven(5)).isZero();
    // Pretend three checkpoints are pending (the tips word: pending << 128 | proven).
    cheats.store(
        rollup.address(), RollupContract.STF_STORAGE_SLOT, BigInteger.valueOf(3).shiftLeft(128));
    assertThat(rollup.getPendingCheckpointNumber()).isEqualTo(3);
    assertThat(marker.markProven(2)).isEqualTo(2);
    assertThat(rollup.getProvenCheckpointNumber()).isEqualTo(2);
    assertThat(rollup.getPendingCheckpointNumber()).isEqualTo(3);
    assertThat(marker.markProven(1)).isEqualTo(2); // never backwards
    assertThat(marker.markProven(9)).isEqualTo(3); // never past pending
    assertThat(rollup.getProvenCheckpointNumber()).isEqualTo(3);
    assertThat(cheats.isAutoMining()).isTrue(); // mining restored
    cheats.store(rollup.address(), RollupContract.STF_STORAGE_SLOT, BigInteger.ZERO);
  }

  /** A wall clock the test moves by hand. */
  private record ManualWall(AtomicLong now) implements InstantSource {
    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  }
}
