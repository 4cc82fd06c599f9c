package io.quetzal.cli.config;

import io.quetzal.foundation.types.EthAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Block building: pacing, sizes and the slot timetable ({@code SEQ_*}).
 *
 * <p>Empty optionals mean "derive from L1 or the protocol limits", as in Aztec, where these
 * settings are undefined unless given. Network presets fill several of them in (see {@link
 * NetworkPreset}).
 *
 * @param pollingIntervalMs how often the slot loop checks whether to build
 * @param minTxsPerBlock fewest txs in a block
 * @param maxTxsPerBlock most txs in a block
 * @param maxTxsPerCheckpoint most txs across a checkpoint's blocks
 * @param maxL2BlockGas most L2 gas per block
 * @param maxDaBlockGas most DA gas per block
 * @param blockDurationMs build several blocks per slot, each this long; empty for one per slot
 * @param l1PublishingTimeSeconds time kept at the end of the slot for the L1 transaction
 * @param enforceTimeTable stop building when the timetable says so
 * @param buildCheckpointIfEmpty publish a checkpoint even without txs
 * @param governanceProposerPayload payload this sequencer votes for in governance
 * @param fishermanMode build and validate every slot but never publish to L1
 */
public record SequencerConfig(
    int pollingIntervalMs,
    int minTxsPerBlock,
    OptionalInt maxTxsPerBlock,
    OptionalInt maxTxsPerCheckpoint,
    OptionalLong maxL2BlockGas,
    OptionalLong maxDaBlockGas,
    OptionalInt blockDurationMs,
    OptionalInt l1PublishingTimeSeconds,
    boolean enforceTimeTable,
    boolean buildCheckpointIfEmpty,
    Optional<EthAddress> governanceProposerPayload,
    boolean fishermanMode) {

  public static final int DEFAULT_POLLING_INTERVAL_MS = 500;
  public static final int DEFAULT_MIN_TXS_PER_BLOCK = 1;
  public static final boolean DEFAULT_ENFORCE_TIME_TABLE = true;
  public static final boolean DEFAULT_BUILD_CHECKPOINT_IF_EMPTY = false;
  public static final boolean DEFAULT_FISHERMAN_MODE = false;

  public SequencerConfig {
    Checks.atLeast(pollingIntervalMs, 1, "pollingIntervalMs");
    Checks.atLeast(minTxsPerBlock, 0, "minTxsPerBlock");
    Objects.requireNonNull(maxTxsPerBlock, "maxTxsPerBlock");
    Objects.requireNonNull(maxTxsPerCheckpoint, "maxTxsPerCheckpoint");
    Objects.requireNonNull(maxL2BlockGas, "maxL2BlockGas");
    Objects.requireNonNull(maxDaBlockGas, "maxDaBlockGas");
    Objects.requireNonNull(blockDurationMs, "blockDurationMs");
    Objects.requireNonNull(l1PublishingTimeSeconds, "l1PublishingTimeSeconds");
    Objects.requireNonNull(governanceProposerPayload, "governanceProposerPayload");
    if (maxTxsPerBlock.isPresent() && maxTxsPerBlock.getAsInt() < minTxsPerBlock) {
      throw new IllegalArgumentException(
          "minTxsPerBlock ("
              + minTxsPerBlock
              + ") is above maxTxsPerBlock ("
              + maxTxsPerBlock.getAsInt()
              + ")");
    }
  }

  /** The same with another value of {@code buildCheckpointIfEmpty}. */
  public SequencerConfig withBuildCheckpointIfEmpty(boolean build) {
    return new SequencerConfig(
        pollingIntervalMs,
        minTxsPerBlock,
        maxTxsPerBlock,
        maxTxsPerCheckpoint,
        maxL2BlockGas,
        maxDaBlockGas,
        blockDurationMs,
        l1PublishingTimeSeconds,
        enforceTimeTable,
        build,
        governanceProposerPayload,
        fishermanMode);
  }

  public static SequencerConfig defaults() {
    return new SequencerConfig(
        DEFAULT_POLLING_INTERVAL_MS,
        DEFAULT_MIN_TXS_PER_BLOCK,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        DEFAULT_ENFORCE_TIME_TABLE,
        DEFAULT_BUILD_CHECKPOINT_IF_EMPTY,
        Optional.empty(),
        DEFAULT_FISHERMAN_MODE);
  }
}
