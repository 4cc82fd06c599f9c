package io.quetzal.epochcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.contracts.RollupConfig;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EpochNumber;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class L1RollupConstantsTest {
  /** The local network's shape: 72 s slots, 2-slot epochs. */
  static final L1RollupConstants LOCAL = constants(1_000_000, 72, 2);

  static L1RollupConstants constants(long genesis, long slotDuration, long epochDuration) {
    return new L1RollupConstants(
        17, genesis, slotDuration, epochDuration, 12, 1, 4, 2, 1, 200_000_000);
  }

  record Case(L1RollupConstants c, long ts) {}

  record WithSlot(L1RollupConstants c, SlotNumber s) {}

  record WithEpoch(L1RollupConstants c, EpochNumber e) {}

  /** Random but realistic constants, and a timestamp around and after genesis. */
  static Case randomCase(SplittableRandom r) {
    long genesis = r.nextLong(0, 4_000_000_000L);
    long ethSlot = r.nextLong(1, 30);
    long slotDuration = ethSlot * r.nextLong(1, 12);
    long epochDuration = r.nextLong(1, 64);
    L1RollupConstants c =
        new L1RollupConstants(
            0, genesis, slotDuration, epochDuration, ethSlot, r.nextLong(0, 4), 48, 2, 1, 1);
    long ts = genesis + r.nextLong(-100_000, 10_000_000_000L);
    return new Case(c, Math.max(0, ts));
  }

  @Test
  void localNetworkValues() {
    L1RollupConstants c = LOCAL;
    assertThat(c.epochDurationSeconds()).isEqualTo(144);
    assertThat(c.slotAtTimestamp(0)).isEqualTo(SlotNumber.ZERO);
    assertThat(c.slotAtTimestamp(999_999)).isEqualTo(SlotNumber.ZERO);
    assertThat(c.slotAtTimestamp(1_000_000)).isEqualTo(SlotNumber.ZERO);
    assertThat(c.slotAtTimestamp(1_000_071)).isEqualTo(SlotNumber.ZERO);
    assertThat(c.slotAtTimestamp(1_000_072)).isEqualTo(SlotNumber.of(1));
    assertThat(c.slotAtTimestamp(1_000_000 + 72 * 7 + 5)).isEqualTo(SlotNumber.of(7));
    assertThat(c.timestampForSlot(SlotNumber.of(7))).isEqualTo(1_000_504);
    assertThat(c.epochAtSlot(SlotNumber.of(7))).isEqualTo(EpochNumber.of(3));
    assertThat(c.epochAtTimestamp(1_000_504)).isEqualTo(EpochNumber.of(3));
    assertThat(c.epochAtTimestamp(5)).isEqualTo(EpochNumber.ZERO);
    assertThat(c.epochStartSlot(EpochNumber.of(3))).isEqualTo(SlotNumber.of(6));
    assertThat(c.epochEndSlot(EpochNumber.of(3))).isEqualTo(SlotNumber.of(7));
    assertThat(c.epochStartTimestamp(EpochNumber.of(3))).isEqualTo(1_000_432);
    // last L1 slot start of epoch 3: slot 7 starts at 1_000_504, 6 L1 slots per L2 slot
    assertThat(c.epochEndTimestamp(EpochNumber.of(3))).isEqualTo(1_000_504 + 60);
    assertThat(c.slotStartBuildTimestamp(SlotNumber.of(7))).isEqualTo(1_000_492);
    assertThat(c.slotStartBuildTimestamp(SlotNumber.ZERO)).isEqualTo(999_988);
    assertThat(c.slotAtNextL1Block(1_000_059)).isEqualTo(SlotNumber.ZERO);
    assertThat(c.slotAtNextL1Block(1_000_060)).isEqualTo(SlotNumber.of(1));
    assertThat(c.proofSubmissionDeadlineEpoch(EpochNumber.of(3))).isEqualTo(EpochNumber.of(5));
    assertThat(c.proofSubmissionDeadlineTimestamp(EpochNumber.of(3))).isEqualTo(1_000_720);
    assertThat(c.validatorSetSnapshotTimestamp(1_000_432)).isEqualTo(1_000_144);
  }

  @Test
  void fromRollupConfigUsesTheLocalEthereumSlotDuration() {
    RollupConfig rc =
        new RollupConfig(
            17,
            1_000_000,
            72,
            32,
            1,
            48,
            2,
            1,
            1,
            BigInteger.valueOf(100_000_000),
            200_000_000,
            7,
            Fr.ZERO,
            Fr.ZERO,
            Fr.ZERO,
            BigInteger.TEN,
            BigInteger.ONE,
            172_800);
    L1RollupConstants c = L1RollupConstants.from(rc);
    assertThat(c)
        .isEqualTo(new L1RollupConstants(17, 1_000_000, 72, 32, 12, 1, 48, 2, 1, 200_000_000));
    assertThat(L1RollupConstants.from(rc, 4).ethereumSlotDuration()).isEqualTo(4);
    // agrees with the ethereum module's own helpers
    for (long ts = 999_000; ts < 1_020_000; ts += 37) {
      assertThat(c.slotAtTimestamp(ts).value()).isEqualTo(rc.slotAt(ts));
    }
    assertThat(c.epochStartTimestamp(EpochNumber.of(9))).isEqualTo(rc.epochStartTimestamp(9));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> constants(0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> constants(0, 72, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new L1RollupConstants(0, 0, 72, 2, 0, 1, 4, 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new L1RollupConstants(0, -1, 72, 2, 12, 1, 4, 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slotOfTimestampOfSlotRoundTrips() {
    Property.forAll(
        "slotAt(ts(slot)) == slot",
        r -> new WithSlot(randomCase(r).c(), SlotNumber.of(r.nextLong(0, 1L << 32))),
        in -> {
          L1RollupConstants c = in.c();
          SlotNumber s = in.s();
          assertThat(c.slotAtTimestamp(c.timestampForSlot(s))).isEqualTo(s);
          assertThat(c.slotAtTimestamp(c.timestampForSlot(s) + c.slotDuration() - 1)).isEqualTo(s);
          assertThat(c.slotAtTimestamp(c.timestampForSlot(s) + c.slotDuration()))
              .isEqualTo(s.next());
        });
  }

  @Test
  void aTimestampLiesInItsSlotAndEpoch() {
    Property.forAll(
        "ts within its slot and epoch",
        L1RollupConstantsTest::randomCase,
        k -> {
          L1RollupConstants c = k.c();
          long ts = k.ts();
          SlotNumber s = c.slotAtTimestamp(ts);
          EpochNumber e = c.epochAtTimestamp(ts);
          assertThat(e).isEqualTo(c.epochAtSlot(s));
          if (ts < c.genesisTime()) {
            assertThat(s).isEqualTo(SlotNumber.ZERO);
            return;
          }
          assertThat(c.timestampForSlot(s)).isLessThanOrEqualTo(ts);
          assertThat(ts).isLessThan(c.timestampForSlot(s) + c.slotDuration());
          assertThat(c.epochStartTimestamp(e)).isLessThanOrEqualTo(ts);
          assertThat(ts).isLessThan(c.epochStartTimestamp(e.next()));
          assertThat(e.value()).isEqualTo((ts - c.genesisTime()) / c.epochDurationSeconds());
          assertThat(c.epochStartSlot(e)).isLessThanOrEqualTo(s);
          assertThat(s).isLessThanOrEqualTo(c.epochEndSlot(e));
          assertThat(c.epochEndTimestamp(e))
              .isGreaterThanOrEqualTo(c.timestampForSlot(c.epochEndSlot(e)))
              .isLessThan(c.epochStartTimestamp(e.next()));
        });
  }

  @Test
  void buildStartIsOneL1SlotBeforeTheSlotAndPicksItAsTheNextSlot() {
    Property.forAll(
        "build start",
        r -> new WithSlot(randomCase(r).c(), SlotNumber.of(r.nextLong(1, 1L << 32))),
        in -> {
          L1RollupConstants c = in.c();
          SlotNumber s = in.s();
          long build = c.slotStartBuildTimestamp(s);
          assertThat(build).isEqualTo(c.timestampForSlot(s) - c.ethereumSlotDuration());
          // at build start, the sequencer (now + ethereumSlotDuration) works on s
          assertThat(c.slotAtNextL1Block(build)).isEqualTo(s);
          assertThat(c.slotAtNextL1Block(build - 1)).isEqualTo(SlotNumber.of(s.value() - 1));
        });
  }

  @Test
  void proofDeadlineIsProofSubmissionEpochsPlusOneLater() {
    Property.forAll(
        "deadline epoch",
        r -> new WithEpoch(randomCase(r).c(), EpochNumber.of(r.nextLong(0, 1L << 24))),
        in -> {
          L1RollupConstants c = in.c();
          EpochNumber e = in.e();
          EpochNumber d = c.proofSubmissionDeadlineEpoch(e);
          assertThat(d.value() - e.value()).isEqualTo(c.proofSubmissionEpochs() + 1);
          // TimeLib: toSlots(epoch) + epochDuration * (proofSubmissionEpochs + 1)
          assertThat(c.proofSubmissionDeadlineTimestamp(e))
              .isEqualTo(
                  c.timestampForSlot(
                      c.epochStartSlot(e)
                          .add(c.epochDuration() * (c.proofSubmissionEpochs() + 1))));
        });
  }
}
