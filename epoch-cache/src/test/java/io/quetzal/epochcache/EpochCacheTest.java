package io.quetzal.epochcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpochCacheTest {
  static final long GENESIS = 1_000_000;
  static final L1RollupConstants C =
      new L1RollupConstants(1, GENESIS, 72, 2, 12, 1, 4, 2, 1, 200_000_000);
  static final List<EthAddress> COMMITTEE =
      IntStream.rangeClosed(1, 4)
          .mapToObj(i -> EthAddress.fromString(String.format("0x%040x", i)))
          .toList();

  final AtomicLong nowMillis = new AtomicLong();
  FakeL1 l1;
  EpochCache cache;

  @BeforeEach
  void setUp() {
    l1 = new FakeL1(C, GENESIS + 10_000_000);
    l1.fallback = e -> Optional.of(COMMITTEE);
    cache = new EpochCache(C, l1, nowMillis::get);
  }

  void nowSeconds(long s) {
    nowMillis.set(s * 1000 + 999); // fractions of a second are floored
  }

  @Test
  void nowAndNextL1SlotComeFromTheTimeSource() {
    nowSeconds(GENESIS + 72 * 5 + 59); // slot 5, 13 s before slot 6
    assertThat(cache.epochAndSlotNow())
        .isEqualTo(new EpochAndSlot(EpochNumber.of(2), SlotNumber.of(5), GENESIS + 360));
    assertThat(cache.epochAndSlotInNextL1Slot())
        .isEqualTo(new EpochAndSlot(EpochNumber.of(2), SlotNumber.of(5), GENESIS + 360));
    nowSeconds(GENESIS + 72 * 5 + 60); // 12 s before slot 6: the sequencer works on it
    assertThat(cache.epochAndSlotInNextL1Slot())
        .isEqualTo(new EpochAndSlot(EpochNumber.of(3), SlotNumber.of(6), GENESIS + 432));
    nowSeconds(GENESIS - 100);
    assertThat(cache.epochAndSlotNow().slot()).isEqualTo(SlotNumber.ZERO);
    // an explicit slot pairs with its epoch's start
    assertThat(cache.epochAndSlotAtSlot(SlotNumber.of(7)))
        .isEqualTo(new EpochAndSlot(EpochNumber.of(3), SlotNumber.of(7), GENESIS + 432));
  }

  @Test
  void committeesAreReadOncePerEpochAtTheEpochStart() {
    EpochCommitteeInfo a = cache.committeeAtSlot(SlotNumber.of(7));
    EpochCommitteeInfo b = cache.committeeAtSlot(SlotNumber.of(6));
    EpochCommitteeInfo c = cache.committeeForEpoch(EpochNumber.of(3));
    assertThat(a).isSameAs(b).isSameAs(c);
    assertThat(a.epoch()).isEqualTo(EpochNumber.of(3));
    assertThat(a.committee()).contains(COMMITTEE);
    assertThat(a.seed()).isEqualTo(FakeL1.seedOf(3));
    assertThat(l1.committeeCalls).containsExactly(GENESIS + 432);
    assertThat(l1.seedCalls).containsExactly(GENESIS + 432);
    assertThat(cache.cachedEpochs()).containsExactly(EpochNumber.of(3));
  }

  @Test
  void nowAsksL1WithTheSlotTimestampAsTheOfficialCacheDoes() {
    nowSeconds(GENESIS + 72 * 7 + 3);
    cache.committeeNow();
    assertThat(l1.committeeCalls).containsExactly(GENESIS + 504);
    cache.committeeAtSlot(SlotNumber.of(6)); // same epoch: cached
    assertThat(l1.committeeCalls).hasSize(1);
  }

  @Test
  void theProposerIsTheCommitteeMemberAtTheLocallyComputedIndex() {
    for (long s = 6; s < 40; s++) {
      SlotNumber slot = SlotNumber.of(s);
      EpochNumber epoch = C.epochAtSlot(slot);
      int idx = ProposerSelection.proposerIndex(epoch, slot, FakeL1.seedOf(epoch.value()), 4);
      assertThat(cache.proposerInSlot(slot)).contains(COMMITTEE.get(idx));
    }
    nowSeconds(GENESIS + 72 * 9 + 60);
    SlotNumber next = SlotNumber.of(10);
    assertThat(cache.proposerInNextL1Slot()).isEqualTo(cache.proposerInSlot(next));
  }

  @Test
  void proposersSpreadOverTheCommittee() {
    long distinct =
        LongStream.range(6, 206)
            .mapToObj(s -> cache.proposerInSlot(SlotNumber.of(s)).orElseThrow())
            .distinct()
            .count();
    assertThat(distinct).isEqualTo(4);
  }

  @Test
  void noCommitteeIsNotCachedAndHasNoProposer() {
    l1.byEpoch.put(1L, Optional.empty());
    EpochCommitteeInfo info = cache.committeeForEpoch(EpochNumber.of(1));
    assertThat(info.committee()).isEmpty();
    assertThat(info.hasMembers()).isFalse();
    assertThatThrownBy(() -> cache.proposerInSlot(SlotNumber.of(2)))
        .isInstanceOf(NoCommitteeException.class)
        .hasMessageContaining("epoch 1");
    assertThat(cache.isInCommittee(SlotNumber.of(2), COMMITTEE.get(0))).isFalse();
    assertThat(cache.filterInCommittee(SlotNumber.of(2), COMMITTEE)).isEmpty();
    assertThat(cache.cachedEpochs()).isEmpty();
    assertThat(l1.committeeCalls).hasSize(4); // asked again every time
    // once L1 has one, it is seen and cached
    l1.byEpoch.remove(1L);
    assertThat(cache.proposerInSlot(SlotNumber.of(2))).isPresent();
    assertThat(cache.cachedEpochs()).containsExactly(EpochNumber.of(1));
  }

  @Test
  void anEmptyCommitteeMeansAnyoneMayProposeAndIsNotCached() {
    l1.byEpoch.put(4L, Optional.of(List.of()));
    assertThat(cache.proposerInSlot(SlotNumber.of(8))).isEmpty();
    assertThat(cache.proposerInSlot(SlotNumber.of(9))).isEmpty();
    assertThat(cache.cachedEpochs()).isEmpty();
    assertThat(l1.committeeCalls).hasSize(2);
  }

  @Test
  void refusesEpochsWhoseValidatorSetSnapshotIsAfterTheLatestL1Block() {
    // epoch 10 starts at GENESIS + 1440; its snapshot is two epochs (288 s) earlier
    l1.l1Timestamp = GENESIS + 1440 - 288 - 1;
    assertThatThrownBy(() -> cache.committeeForEpoch(EpochNumber.of(10)))
        .isInstanceOf(FutureEpochException.class)
        .hasMessageContaining("future epoch 10")
        .hasMessageContaining("current L1 time is " + (GENESIS + 1151));
    assertThat(l1.committeeCalls).isEmpty();
    l1.l1Timestamp = GENESIS + 1440 - 288;
    assertThat(cache.committeeForEpoch(EpochNumber.of(10)).committee()).contains(COMMITTEE);
    assertThat(l1.committeeCalls).containsExactly(GENESIS + 1440);
  }

  @Test
  void keepsTheTwelveHighestEpochs() {
    for (long e = 0; e < 20; e++) {
      cache.committeeForEpoch(EpochNumber.of(e));
    }
    assertThat(cache.cachedEpochs())
        .containsExactlyElementsOf(LongStream.range(8, 20).mapToObj(EpochNumber::of).toList());
    // an older epoch is read, returned, and purged at once (as the official purge does)
    EpochCommitteeInfo old = cache.committeeForEpoch(EpochNumber.of(2));
    assertThat(old.committee()).contains(COMMITTEE);
    assertThat(cache.cachedEpochs()).doesNotContain(EpochNumber.of(2)).hasSize(12);
    int calls = l1.committeeCalls.size();
    cache.committeeForEpoch(EpochNumber.of(19));
    assertThat(l1.committeeCalls).hasSize(calls);
  }

  @Test
  void membershipFilters() {
    EthAddress outsider = EthAddress.fromString("0x00000000000000000000000000000000000000ff");
    assertThat(cache.isInCommittee(SlotNumber.of(6), COMMITTEE.get(2))).isTrue();
    assertThat(cache.isInCommittee(SlotNumber.of(6), outsider)).isFalse();
    assertThat(
            cache.filterInCommittee(
                SlotNumber.of(6), List.of(outsider, COMMITTEE.get(3), COMMITTEE.get(0))))
        .containsExactly(COMMITTEE.get(3), COMMITTEE.get(0));
  }

  @Test
  void cacheSizeMustBePositive() {
    assertThatThrownBy(() -> new EpochCache(C, l1, nowMillis::get, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
