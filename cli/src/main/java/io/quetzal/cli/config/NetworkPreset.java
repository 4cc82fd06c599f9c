package io.quetzal.cli.config;

import io.quetzal.foundation.types.EthAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@code --network <name>} supplies: values applied only where the operator set nothing, by
 * flag or environment.
 *
 * <p>Sources: the compiled tables in Aztec 4.1.2
 * {@code @aztec/cli/src/config/generated/networks.ts} (timing, {@code SEQ_*}, P2P and map-size
 * defaults), plus the chain id and Registry address that the official node downloads at startup
 * from the AztecProtocol {@code network_config.json} (a snapshot, see protocol-4.1.2.md §7.1;
 * bootnode ENRs and snapshot URLs of that file are not compiled in). For every network except
 * {@code local} the data directory defaults to {@code ~/.aztec/<network>/data}.
 *
 * <p>The timing fields are informational: the node reads the authoritative values from the rollup
 * contract on L1.
 *
 * @param network the network this preset is for
 * @param l1ChainId the L1 chain id
 * @param registryAddress the Aztec Registry on that chain
 * @param p2pEnabled whether P2P is on
 * @param sequencerMinTxsPerBlock {@code SEQ_MIN_TX_PER_BLOCK}
 * @param sequencerBuildCheckpointIfEmpty {@code SEQ_BUILD_CHECKPOINT_IF_EMPTY}
 * @param sequencerBlockDurationMs {@code SEQ_BLOCK_DURATION_MS}
 * @param sequencerL1PublishingTimeSeconds {@code SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT}
 * @param sequencerMaxTxsPerBlock {@code SEQ_MAX_TX_PER_BLOCK}
 * @param sequencerMaxTxsPerCheckpoint {@code SEQ_MAX_TX_PER_CHECKPOINT}
 * @param p2pMaxPendingTxCount {@code P2P_MAX_PENDING_TX_COUNT}
 * @param dataStoreMapSizeKb {@code DATA_STORE_MAP_SIZE_KB}
 * @param archiverStoreMapSizeKb {@code ARCHIVER_STORE_MAP_SIZE_KB}
 * @param ethereumSlotDurationSeconds L1 slot length
 * @param aztecSlotDurationSeconds L2 slot length
 * @param aztecEpochDurationSlots L2 slots per epoch
 * @param targetCommitteeSize validators per committee
 */
public record NetworkPreset(
    NetworkName network,
    OptionalLong l1ChainId,
    Optional<EthAddress> registryAddress,
    Optional<Boolean> p2pEnabled,
    OptionalInt sequencerMinTxsPerBlock,
    Optional<Boolean> sequencerBuildCheckpointIfEmpty,
    OptionalInt sequencerBlockDurationMs,
    OptionalInt sequencerL1PublishingTimeSeconds,
    OptionalInt sequencerMaxTxsPerBlock,
    OptionalInt sequencerMaxTxsPerCheckpoint,
    OptionalInt p2pMaxPendingTxCount,
    OptionalLong dataStoreMapSizeKb,
    OptionalLong archiverStoreMapSizeKb,
    OptionalInt ethereumSlotDurationSeconds,
    OptionalInt aztecSlotDurationSeconds,
    OptionalInt aztecEpochDurationSlots,
    OptionalInt targetCommitteeSize) {

  /** Mainnet Registry, chain 1 (AztecProtocol/networks at 0d6c8c8). */
  public static final EthAddress MAINNET_REGISTRY =
      EthValues.address("0x35b22e09Ee0390539439E24f06Da43D83f90e298");

  /** Testnet Registry, Sepolia (AztecProtocol/networks at 0d6c8c8). */
  public static final EthAddress TESTNET_REGISTRY =
      EthValues.address("0xa0bfb1b494fb49041e5c6e8c2c1be09cd171c6ba");

  public static final long SEPOLIA_CHAIN_ID = 11_155_111;
  public static final long MAINNET_CHAIN_ID = 1;

  private static final long MAP_128_GIB_KB = 134_217_728L;
  private static final long MAP_1_TIB_KB = 1_073_741_824L;

  public NetworkPreset {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(l1ChainId, "l1ChainId");
    Objects.requireNonNull(registryAddress, "registryAddress");
  }

  /** The preset of {@code network}; networks without a compiled preset inject nothing. */
  public static NetworkPreset of(NetworkName network) {
    return switch (network) {
      case MAINNET ->
          deployed(
              network,
              MAINNET_CHAIN_ID,
              Optional.of(MAINNET_REGISTRY),
              OptionalInt.empty(),
              OptionalInt.of(72),
              32);
      case TESTNET ->
          deployed(
              network,
              SEPOLIA_CHAIN_ID,
              Optional.of(TESTNET_REGISTRY),
              OptionalInt.empty(),
              OptionalInt.of(72),
              32);
      case DEVNET ->
          deployed(
              network,
              SEPOLIA_CHAIN_ID,
              Optional.empty(),
              OptionalInt.of(18),
              OptionalInt.empty(),
              8);
      case LOCAL, NEXT_NET, STAGING_IGNITION, STAGING_PUBLIC -> empty(network);
    };
  }

  private static NetworkPreset deployed(
      NetworkName network,
      long chainId,
      Optional<EthAddress> registry,
      OptionalInt maxTxsPerBlock,
      OptionalInt maxTxsPerCheckpoint,
      int epochDuration) {
    return new NetworkPreset(
        network,
        OptionalLong.of(chainId),
        registry,
        Optional.of(true),
        OptionalInt.of(1),
        Optional.of(true),
        OptionalInt.of(6_000),
        OptionalInt.of(36),
        maxTxsPerBlock,
        maxTxsPerCheckpoint,
        OptionalInt.of(1_000),
        OptionalLong.of(MAP_128_GIB_KB),
        OptionalLong.of(MAP_1_TIB_KB),
        OptionalInt.of(12),
        OptionalInt.of(72),
        OptionalInt.of(epochDuration),
        OptionalInt.of(48));
  }

  private static NetworkPreset empty(NetworkName network) {
    return new NetworkPreset(
        network,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** {@code ~/.aztec/<network>/data} for deployed networks, nothing for {@code local}. */
  public Optional<Path> defaultDataDirectory(Path home) {
    return network == NetworkName.LOCAL
        ? Optional.empty()
        : Optional.of(home.resolve(".aztec").resolve(network.id()).resolve("data"));
  }

  /**
   * The preset as the environment variables Aztec injects when unset, keyed by official name. This
   * is how the start command applies it: an option takes a preset value only when neither its flag
   * nor its environment variable is set.
   */
  public Map<String, String> environmentDefaults(Path home) {
    Map<String, String> env = new LinkedHashMap<>();
    l1ChainId.ifPresent(v -> env.put("L1_CHAIN_ID", Long.toString(v)));
    registryAddress.ifPresent(v -> env.put("REGISTRY_CONTRACT_ADDRESS", v.toString()));
    p2pEnabled.ifPresent(v -> env.put("P2P_ENABLED", v.toString()));
    sequencerMinTxsPerBlock.ifPresent(v -> env.put("SEQ_MIN_TX_PER_BLOCK", Integer.toString(v)));
    sequencerBuildCheckpointIfEmpty.ifPresent(
        v -> env.put("SEQ_BUILD_CHECKPOINT_IF_EMPTY", v.toString()));
    sequencerBlockDurationMs.ifPresent(v -> env.put("SEQ_BLOCK_DURATION_MS", Integer.toString(v)));
    sequencerL1PublishingTimeSeconds.ifPresent(
        v -> env.put("SEQ_L1_PUBLISHING_TIME_ALLOWANCE_IN_SLOT", Integer.toString(v)));
    sequencerMaxTxsPerBlock.ifPresent(v -> env.put("SEQ_MAX_TX_PER_BLOCK", Integer.toString(v)));
    sequencerMaxTxsPerCheckpoint.ifPresent(
        v -> env.put("SEQ_MAX_TX_PER_CHECKPOINT", Integer.toString(v)));
    p2pMaxPendingTxCount.ifPresent(v -> env.put("P2P_MAX_PENDING_TX_COUNT", Integer.toString(v)));
    dataStoreMapSizeKb.ifPresent(v -> env.put("DATA_STORE_MAP_SIZE_KB", Long.toString(v)));
    archiverStoreMapSizeKb.ifPresent(v -> env.put("ARCHIVER_STORE_MAP_SIZE_KB", Long.toString(v)));
    defaultDataDirectory(home).ifPresent(v -> env.put("DATA_DIRECTORY", v.toString()));
    return Map.copyOf(env);
  }
}
