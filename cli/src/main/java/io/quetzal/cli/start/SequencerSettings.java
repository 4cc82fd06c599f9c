package io.quetzal.cli.start;

import io.quetzal.blockbuilder.CheckpointValidator;
import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.sequencerclient.Sequencer;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The slot loop's settings from the operator's {@code SEQ_*} options. */
final class SequencerSettings {
  private SequencerSettings() {}

  /**
   * @param immediateInclusion whether L1 mines every transaction at once (the local network)
   */
  static Sequencer.Config of(SequencerConfig c, boolean immediateInclusion) {
    return new Sequencer.Config(
        Duration.ofMillis(c.pollingIntervalMs()),
        c.minTxsPerBlock(),
        c.buildCheckpointIfEmpty(),
        c.enforceTimeTable(),
        toLong(c.blockDurationMs()),
        toLong(c.l1PublishingTimeSeconds()),
        OptionalDouble.empty(),
        new CheckpointValidator.Limits(
            -1,
            c.maxL2BlockGas().orElse(-1),
            c.maxDaBlockGas().orElse(-1),
            c.maxTxsPerCheckpoint().orElse(-1),
            c.maxTxsPerBlock().orElse(-1)),
        immediateInclusion);
  }

  /**
   * Opens the sequencer, turning a setting it refuses (a timetable without room in the rollup's
   * slot, an upload URL it cannot write to) into a {@link SequencerSetupException} that names the
   * options involved.
   */
  static io.quetzal.node.sequencer.SequencerRuntime open(
      java.util.function.Supplier<io.quetzal.node.sequencer.SequencerRuntime> open) {
    try {
      return open.get();
    } catch (IllegalArgumentException e) {
      throw new SequencerSetupException(setupProblem(e.getMessage()), e);
    }
  }

  /** The one line an operator sees for a setting the sequencer refuses at start. */
  static String setupProblem(String message) {
    return "the sequencer cannot start: "
        + message
        + (message.contains("timetable")
            ? " (see SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT, SEQ_BLOCK_DURATION_MS and the"
                + " rollup's slot duration)"
            : "");
  }

  /** The publisher's gas and fee settings: the operator's, the official defaults otherwise. */
  static io.quetzal.sequencerclient.publisher.L1TxConfig txConfig(
      io.quetzal.cli.config.PublisherConfig p) {
    var d = io.quetzal.sequencerclient.publisher.L1TxConfig.defaults();
    return new io.quetzal.sequencerclient.publisher.L1TxConfig(
        p.gasLimitBufferPercentage(),
        p.maxGwei().doubleValue(),
        p.maxBlobGwei().doubleValue(),
        p.priorityFeeBumpPercentage(),
        d.priorityFeeRetryBumpPercentage(),
        d.minimumPriorityFeePerGasGwei(),
        d.maxSpeedUpAttempts(),
        d.checkInterval(),
        d.stallTime(),
        d.txTimeout(),
        d.cancelTxOnTimeout());
  }

  private static OptionalLong toLong(OptionalInt v) {
    return v.isPresent() ? OptionalLong.of(v.getAsInt()) : OptionalLong.empty();
  }
}
