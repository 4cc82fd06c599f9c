package io.quetzal.cli.options;

import io.quetzal.cli.config.SequencerConfig;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;
import java.util.OptionalInt;

/** Block building: {@link SequencerConfig}. */
public final class SequencerOptions {
  public static final OptionDef<Integer> SEQ_POLLING_INTERVAL_MS =
      OptionDef.value(Area.SEQUENCER, "sequencerPollingIntervalMs", Converters.intAtLeast(1))
          .names("--seq-polling-interval-ms", "--sequencer.sequencerPollingIntervalMS")
          .label("<ms>")
          .env("SEQ_POLLING_INTERVAL_MS")
          .defaultValue(SequencerConfig.DEFAULT_POLLING_INTERVAL_MS)
          .description("How often the sequencer checks whether to build for the next slot.")
          .build();

  public static final OptionDef<Integer> SEQ_MIN_TX_PER_BLOCK =
      OptionDef.value(Area.SEQUENCER, "minTxsPerBlock", Converters.intAtLeast(0))
          .names("--seq-min-tx-per-block", "--sequencer.minTxsPerBlock")
          .label("<n>")
          .env("SEQ_MIN_TX_PER_BLOCK")
          .defaultValue(SequencerConfig.DEFAULT_MIN_TXS_PER_BLOCK)
          .description("Fewest transactions in a block.")
          .build();

  public static final OptionDef<Integer> SEQ_MAX_TX_PER_BLOCK =
      OptionDef.value(Area.SEQUENCER, "maxTxsPerBlock", Converters.intAtLeast(1))
          .names("--seq-max-tx-per-block", "--sequencer.maxTxsPerBlock", "--p2p.maxTxsPerBlock")
          .label("<n>")
          .env("SEQ_MAX_TX_PER_BLOCK")
          .optional("the protocol limit")
          .description("Most transactions in a block.")
          .build();

  public static final OptionDef<Integer> SEQ_MAX_TX_PER_CHECKPOINT =
      OptionDef.value(Area.SEQUENCER, "maxTxsPerCheckpoint", Converters.intAtLeast(1))
          .names("--seq-max-tx-per-checkpoint", "--sequencer.maxTxsPerCheckpoint")
          .label("<n>")
          .env("SEQ_MAX_TX_PER_CHECKPOINT")
          .optional("the protocol limit")
          .description("Most transactions across all blocks of a checkpoint.")
          .build();

  public static final OptionDef<Long> SEQ_MAX_L2_BLOCK_GAS =
      OptionDef.value(Area.SEQUENCER, "maxL2BlockGas", Converters.longAtLeast(1))
          .names("--seq-max-l2-block-gas", "--sequencer.maxL2BlockGas")
          .label("<gas>")
          .env("SEQ_MAX_L2_BLOCK_GAS")
          .optional("the protocol limit")
          .description("Most L2 gas per block.")
          .build();

  public static final OptionDef<Long> SEQ_MAX_DA_BLOCK_GAS =
      OptionDef.value(Area.SEQUENCER, "maxDABlockGas", Converters.longAtLeast(1))
          .names("--seq-max-da-block-gas", "--sequencer.maxDABlockGas")
          .label("<gas>")
          .env("SEQ_MAX_DA_BLOCK_GAS")
          .optional("the protocol limit")
          .description("Most DA gas per block.")
          .build();

  public static final OptionDef<Integer> SEQ_BLOCK_DURATION_MS =
      OptionDef.value(Area.SEQUENCER, "blockDurationMs", Converters.intAtLeast(1))
          .names("--seq-block-duration-ms", "--sequencer.blockDurationMs", "--p2p.blockDurationMs")
          .label("<ms>")
          .env("SEQ_BLOCK_DURATION_MS")
          .optional("one block per slot")
          .description("Build several blocks per slot, each this long.")
          .build();

  public static final OptionDef<Integer> SEQ_L1_PUBLISHING_TIME =
      OptionDef.value(Area.SEQUENCER, "l1PublishingTime", Converters.intAtLeast(1))
          .names("--seq-l1-publishing-time-allowance-in-slot", "--sequencer.l1PublishingTime")
          .label("<seconds>")
          .env("SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT")
          .optional("one L1 slot")
          .description("Time kept at the end of the slot for the L1 transaction, in seconds.")
          .build();

  public static final OptionDef<Boolean> SEQ_ENFORCE_TIME_TABLE =
      OptionDef.bool(Area.SEQUENCER, "enforceTimeTable")
          .names("--seq-enforce-time-table", "--sequencer.enforceTimeTable")
          .env("SEQ_ENFORCE_TIME_TABLE")
          .defaultValue(SequencerConfig.DEFAULT_ENFORCE_TIME_TABLE)
          .description("Stop building when the slot timetable says so.")
          .build();

  public static final OptionDef<Boolean> SEQ_BUILD_CHECKPOINT_IF_EMPTY =
      OptionDef.bool(Area.SEQUENCER, "buildCheckpointIfEmpty")
          .names("--seq-build-checkpoint-if-empty", "--sequencer.buildCheckpointIfEmpty")
          .env("SEQ_BUILD_CHECKPOINT_IF_EMPTY")
          .defaultValue(SequencerConfig.DEFAULT_BUILD_CHECKPOINT_IF_EMPTY)
          .description("Publish a checkpoint even when there are no transactions.")
          .build();

  public static final OptionDef<EthAddress> GOVERNANCE_PROPOSER_PAYLOAD =
      OptionDef.value(Area.SEQUENCER, "governanceProposerPayload", Converters.ETH_ADDRESS)
          .names("--governance-proposer-payload-address", "--sequencer.governanceProposerPayload")
          .label("<address>")
          .env("GOVERNANCE_PROPOSER_PAYLOAD_ADDRESS")
          .optional("no governance vote")
          .description("Governance payload this sequencer signals for when it proposes.")
          .build();

  public static final OptionDef<Boolean> FISHERMAN_MODE =
      OptionDef.bool(Area.SEQUENCER, "fishermanMode")
          .names("--fisherman-mode")
          .env("FISHERMAN_MODE")
          .defaultValue(SequencerConfig.DEFAULT_FISHERMAN_MODE)
          .description("Build and validate on every slot but never publish to L1 or attest.")
          .build();

  private SequencerOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        SEQ_POLLING_INTERVAL_MS,
        SEQ_MIN_TX_PER_BLOCK,
        SEQ_MAX_TX_PER_BLOCK,
        SEQ_MAX_TX_PER_CHECKPOINT,
        SEQ_MAX_L2_BLOCK_GAS,
        SEQ_MAX_DA_BLOCK_GAS,
        SEQ_BLOCK_DURATION_MS,
        SEQ_L1_PUBLISHING_TIME,
        SEQ_ENFORCE_TIME_TABLE,
        SEQ_BUILD_CHECKPOINT_IF_EMPTY,
        GOVERNANCE_PROPOSER_PAYLOAD,
        FISHERMAN_MODE);
  }

  public static SequencerConfig toConfig(OptionValues v) {
    int min = v.get(SEQ_MIN_TX_PER_BLOCK);
    OptionalInt max = Optionals.optionalInt(v, SEQ_MAX_TX_PER_BLOCK);
    if (max.isPresent() && min > max.getAsInt()) {
      throw v.problem(
          SEQ_MIN_TX_PER_BLOCK,
          "'"
              + min
              + "' is above the maximum per block ("
              + v.label(SEQ_MAX_TX_PER_BLOCK)
              + " is "
              + max.getAsInt()
              + ")");
    }
    return new SequencerConfig(
        v.get(SEQ_POLLING_INTERVAL_MS),
        min,
        max,
        Optionals.optionalInt(v, SEQ_MAX_TX_PER_CHECKPOINT),
        Optionals.optionalLong(v, SEQ_MAX_L2_BLOCK_GAS),
        Optionals.optionalLong(v, SEQ_MAX_DA_BLOCK_GAS),
        Optionals.optionalInt(v, SEQ_BLOCK_DURATION_MS),
        Optionals.optionalInt(v, SEQ_L1_PUBLISHING_TIME),
        v.get(SEQ_ENFORCE_TIME_TABLE),
        v.get(SEQ_BUILD_CHECKPOINT_IF_EMPTY),
        v.find(GOVERNANCE_PROPOSER_PAYLOAD),
        v.get(FISHERMAN_MODE));
  }

  public static void toArgs(SequencerConfig c, ArgsWriter w) {
    w.value(SEQ_POLLING_INTERVAL_MS, c.pollingIntervalMs())
        .value(SEQ_MIN_TX_PER_BLOCK, c.minTxsPerBlock())
        .optional(SEQ_MAX_TX_PER_BLOCK, c.maxTxsPerBlock())
        .optional(SEQ_MAX_TX_PER_CHECKPOINT, c.maxTxsPerCheckpoint())
        .optional(SEQ_MAX_L2_BLOCK_GAS, c.maxL2BlockGas())
        .optional(SEQ_MAX_DA_BLOCK_GAS, c.maxDaBlockGas())
        .optional(SEQ_BLOCK_DURATION_MS, c.blockDurationMs())
        .optional(SEQ_L1_PUBLISHING_TIME, c.l1PublishingTimeSeconds())
        .bool(SEQ_ENFORCE_TIME_TABLE, c.enforceTimeTable())
        .bool(SEQ_BUILD_CHECKPOINT_IF_EMPTY, c.buildCheckpointIfEmpty())
        .optional(GOVERNANCE_PROPOSER_PAYLOAD, c.governanceProposerPayload())
        .bool(FISHERMAN_MODE, c.fishermanMode());
  }
}
