package io.quetzal.cli.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.cli.config.PublisherConfig;
import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.sequencerclient.Sequencer;
import io.quetzal.sequencerclient.publisher.L1TxConfig;
import io.quetzal.sequencerclient.timetable.SequencerTimetable;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The operator's {@code SEQ_*} and publisher options as the slot loop and publisher get them. */
class SequencerSettingsTest {
  @Test
  void theOfficialDefaultsReachTheLoop() {
    Sequencer.Config c = SequencerSettings.of(SequencerConfig.defaults(), false);

    assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.minTxsPerBlock()).isEqualTo(1);
    assertThat(c.buildCheckpointIfEmpty()).isFalse();
    assertThat(c.enforceTimeTable()).isTrue();
    assertThat(c.blockDurationMs()).isEmpty();
    assertThat(c.l1PublishingTimeSeconds()).isEmpty();
    assertThat(c.limits().maxTxsPerBlock()).isNegative();
    assertThat(c.immediateInclusion()).isFalse();
  }

  @Test
  void everySetOptionReachesTheLoop() {
    SequencerConfig s =
        new SequencerConfig(
            250,
            0,
            OptionalInt.of(8),
            OptionalInt.of(16),
            OptionalLong.of(1_000_000),
            OptionalLong.of(2_000_000),
            OptionalInt.of(6_000),
            OptionalInt.of(8),
            false,
            true,
            java.util.Optional.empty(),
            false);

    Sequencer.Config c = SequencerSettings.of(s, true);

    assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.minTxsPerBlock()).isZero();
    assertThat(c.buildCheckpointIfEmpty()).isTrue();
    assertThat(c.enforceTimeTable()).isFalse();
    assertThat(c.blockDurationMs()).hasValue(6_000);
    assertThat(c.l1PublishingTimeSeconds()).hasValue(8);
    assertThat(c.limits().maxTxsPerBlock()).isEqualTo(8);
    assertThat(c.limits().maxTxsPerCheckpoint()).isEqualTo(16);
    assertThat(c.limits().maxL2BlockGas()).isEqualTo(1_000_000);
    assertThat(c.limits().maxDaBlockGas()).isEqualTo(2_000_000);
    assertThat(c.immediateInclusion()).isTrue();
  }

  @Test
  void thePublishersGasSettingsReachTheSender() {
    PublisherConfig p =
        new PublisherConfig(
            java.util.List.of(),
            35,
            java.math.BigDecimal.valueOf(150),
            java.math.BigDecimal.TEN,
            40);

    L1TxConfig c = SequencerSettings.txConfig(p);

    assertThat(c.gasLimitBufferPercentage()).isEqualTo(35);
    assertThat(c.maxGwei()).isEqualTo(150.0);
    assertThat(c.maxBlobGwei()).isEqualTo(10.0);
    assertThat(c.priorityFeeBumpPercentage()).isEqualTo(40);
    assertThat(c.maxSpeedUpAttempts()).isEqualTo(L1TxConfig.defaults().maxSpeedUpAttempts());
  }

  @Test
  void aTimetableWithoutRoomIsOneLineNamingTheOptions() {
    // A 20 s slot with 12 s L1 slots leaves no time to build.
    IllegalArgumentException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                new SequencerTimetable(
                    12, 20, 12, OptionalDouble.empty(), OptionalLong.empty(), true));

    assertThatThrownBy(
            () ->
                SequencerSettings.open(
                    () -> {
                      throw refused;
                    }))
        .isInstanceOf(SequencerSetupException.class)
        .hasMessageStartingWith("the sequencer cannot start: the slot is too short")
        .hasMessageEndingWith(
            "(see SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT, SEQ_BLOCK_DURATION_MS and the rollup's"
                + " slot duration)");
    assertThat(
            SequencerSettings.setupProblem(
                "BLOB_FILE_STORE_UPLOAD_URL: gs:// uploads are not"
                    + " supported yet; use file://"))
        .isEqualTo(
            "the sequencer cannot start: BLOB_FILE_STORE_UPLOAD_URL: gs:// uploads are not"
                + " supported yet; use file://");
  }
}
