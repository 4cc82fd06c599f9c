package io.quetzal.epochcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.contracts.ContractCallException;
import io.quetzal.ethereum.contracts.RollupContract;
import io.quetzal.ethereum.local.ChildProcesses;
import io.quetzal.ethereum.local.LocalNetworkL1;
import io.quetzal.ethereum.local.LocalValidator;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The epoch cache against the official 4.1.2 contracts on a real anvil (one deployment for the
 * class, four validators, 72 s slots, 2-slot epochs): L1 time is warped slot by slot across many
 * epochs and every locally computed proposer and committee is compared with the Rollup's own.
 */
@Tag("anvil")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EpochCacheAnvilTest {
  /** Slots walked by the main comparison (2 slots per epoch on the local network). */
  static final int SLOTS = 40;

  @TempDir static Path tmp;

  static LocalNetworkL1 l1;
  static L1RpcClient rpc;
  static RollupContract rollup;
  static L1RollupConstants constants;
  static EpochCache cache;

  /** The cache's "now": the latest L1 block's timestamp, set by {@link #warpTo}. */
  static final AtomicLong nowMillis = new AtomicLong();

  @BeforeAll
  static void deploy() {
    Map<String, String> env =
        Optional.ofNullable(System.getenv("QUETZAL_CACHE"))
            .map(c -> Map.of("QUETZAL_CACHE", c))
            .orElse(Map.of());
    LocalNetworkL1.Options options =
        LocalNetworkL1.Options.defaults(
                env, Optional.of(tmp.resolve("data")), line -> System.out.println("[l1] " + line))
            .withAnvilPort(freePort())
            .withStateSnapshots(Optional.empty());
    l1 = LocalNetworkL1.start(options);
    rpc = l1.rpc();
    rollup = new RollupContract(rpc, l1.deployment().addresses().rollupAddress());
    constants = L1RollupConstants.from(rollup.readConfig());
    nowMillis.set(rpc.latestBlockTimestamp() * 1000);
    cache = new EpochCache(constants, new RollupCommitteeSource(rpc, rollup), nowMillis::get);
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

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mines one block at {@code ts} and makes it the cache's now. */
  static void warpTo(long ts) {
    rpc.call("evm_setNextBlockTimestamp", ts);
    rpc.call("evm_mine");
    assertThat(rpc.latestBlockTimestamp()).isEqualTo(ts);
    nowMillis.set(ts * 1000);
  }

  /** The Rollup's {@code getProposerAt(ts)} by eth_call. */
  static EthAddress proposerOnL1(long ts) {
    return Abi.toEthAddress(
        rollup.call1(Abi.function("getProposerAt", List.of(Abi.uint(ts)), Abi.ADDRESS)));
  }

  /** The Rollup's {@code getCurrentProposer()} by eth_call. */
  static EthAddress currentProposerOnL1() {
    return Abi.toEthAddress(rollup.call1(Abi.view("getCurrentProposer", Abi.ADDRESS)));
  }

  @Test
  @Order(1)
  void constantsAndArithmeticAgreeWithL1() {
    assertThat(constants.slotDuration()).isEqualTo(72);
    assertThat(constants.epochDuration()).isEqualTo(2);
    assertThat(constants.targetCommitteeSize()).isEqualTo(4);
    assertThat(constants.lagInEpochsForValidatorSet()).isEqualTo(2);
    assertThat(constants.ethereumSlotDuration()).isEqualTo(12);
    for (long s = 0; s < 50; s += 7) {
      assertThat(rollup.getTimestampForSlot(s))
          .isEqualTo(constants.timestampForSlot(SlotNumber.of(s)));
    }
    long now = rpc.latestBlockTimestamp();
    assertThat(rollup.getCurrentSlot()).isEqualTo(constants.slotAtTimestamp(now).value());
    assertThat(rollup.getCurrentEpoch()).isEqualTo(constants.epochAtTimestamp(now).value());
  }

  @Test
  @Order(2)
  void earlyEpochsHaveNoCommitteeOnEitherSide() {
    // epochs 0-2 sample validator sets snapshotted before the validators joined
    for (long e = 0; e < 3; e++) {
      EpochNumber epoch = EpochNumber.of(e);
      SlotNumber slot = constants.epochStartSlot(epoch);
      assertThat(rollup.getEpochCommittee(e)).isEmpty();
      assertThat(cache.committeeForEpoch(epoch).committee()).isEmpty();
      assertThatThrownBy(() -> cache.proposerInSlot(slot)).isInstanceOf(NoCommitteeException.class);
      assertThatThrownBy(() -> proposerOnL1(constants.timestampForSlot(slot)))
          .isInstanceOf(ContractCallException.class)
          .satisfies(
              x ->
                  assertThat(
                          ((ContractCallException) x)
                              .isCustomError(RollupContract.INSUFFICIENT_VALIDATOR_SET_SIZE))
                      .isTrue());
    }
    assertThat(rollup.getEpochCommittee(3)).isPresent();
    assertThat(cache.cachedEpochs()).isEmpty();
  }

  @Test
  @Order(3)
  void proposersAndCommitteesMatchTheRollupSlotBySlot() {
    Set<EthAddress> ours =
        new HashSet<>(l1.validators().stream().map(LocalValidator::attester).toList());
    long first = constants.slotAtTimestamp(rpc.latestBlockTimestamp()).value() + 1;
    Set<EthAddress> proposersSeen = new HashSet<>();
    Set<Long> epochsWithCommittee = new HashSet<>();
    int compared = 0;
    int noCommittee = 0;
    for (long s = first; s < first + SLOTS; s++) {
      SlotNumber slot = SlotNumber.of(s);
      EpochNumber epoch = constants.epochAtSlot(slot);
      long ts = constants.timestampForSlot(slot);
      // land some seconds into the slot, before its last L1 slot (warped to below)
      warpTo(ts + (s * 5) % (constants.slotDuration() - constants.ethereumSlotDuration()));
      assertThat(cache.epochAndSlotNow().slot()).isEqualTo(slot);
      assertThat(rollup.getCurrentSlot()).isEqualTo(s);

      Optional<List<EthAddress>> l1Committee = rollup.getEpochCommittee(epoch.value());
      if (l1Committee.isEmpty()) {
        noCommittee++;
        assertThat(cache.committeeAtSlot(slot).committee()).isEmpty();
        assertThatThrownBy(() -> proposerOnL1(ts)).isInstanceOf(ContractCallException.class);
        assertThatThrownBy(() -> cache.proposerInSlot(slot))
            .isInstanceOf(NoCommitteeException.class);
        continue;
      }
      EpochCommitteeInfo info = cache.committeeAtSlot(slot);
      // same members, same order, by both L1 views
      assertThat(info.committee()).contains(l1Committee.get());
      assertThat(rollup.getCommitteeAt(constants.epochStartTimestamp(epoch)))
          .isEqualTo(info.committee());
      assertThat(info.committee().orElseThrow()).hasSize(4);
      assertThat(new HashSet<>(info.committee().orElseThrow())).isEqualTo(ours);
      assertThat(info.seed()).isEqualTo(rollup.getSampleSeedAt(ts));
      epochsWithCommittee.add(epoch.value());

      EthAddress local = cache.proposerInSlot(slot).orElseThrow();
      assertThat(local).as("proposer of slot %d", s).isEqualTo(proposerOnL1(ts));
      assertThat(currentProposerOnL1()).isEqualTo(local);
      assertThat(cache.committeeNow().proposerAt(cache.epochAndSlotNow().slot())).contains(local);
      proposersSeen.add(local);
      compared++;

      // the slot the sequencer works on next, and the rest of the look-ahead L1 allows
      SlotNumber next = slot.next();
      long nextTs = constants.timestampForSlot(next);
      assertThat(cache.proposerInSlot(next)).contains(proposerOnL1(nextTs));
      warpTo(nextTs - constants.ethereumSlotDuration());
      assertThat(cache.epochAndSlotInNextL1Slot().slot()).isEqualTo(next);
      assertThat(cache.proposerInNextL1Slot()).contains(proposerOnL1(nextTs));
    }
    System.out.printf(
        "[epoch-cache] compared %d slots over %d epochs (%d slots without committee),"
            + " proposers seen %d, cached epochs %s%n",
        compared,
        epochsWithCommittee.size(),
        noCommittee,
        proposersSeen.size(),
        cache.cachedEpochs());
    assertThat(compared).isGreaterThanOrEqualTo(SLOTS - 6);
    assertThat(epochsWithCommittee.size()).isGreaterThanOrEqualTo(SLOTS / 2 - 3);
    assertThat(proposersSeen).hasSizeGreaterThan(1);
    assertThat(cache.cachedEpochs()).hasSize(EpochCache.DEFAULT_CACHE_SIZE);
  }

  @Test
  @Order(4)
  void refusesEpochsL1CannotKnowYet() {
    long now = rpc.latestBlockTimestamp();
    EpochNumber current = constants.epochAtTimestamp(now);
    // next epoch: known (validator set two epochs back, randao one epoch back)
    EpochNumber next = current.next();
    SlotNumber nextStart = constants.epochStartSlot(next);
    assertThat(cache.proposerInSlot(nextStart))
        .contains(proposerOnL1(constants.timestampForSlot(nextStart)));
    // three epochs ahead: the validator-set snapshot is after the latest L1 block
    assertThatThrownBy(() -> cache.committeeForEpoch(current.add(3)))
        .isInstanceOf(FutureEpochException.class)
        .hasMessageContaining("current L1 time is " + now);
  }
}
