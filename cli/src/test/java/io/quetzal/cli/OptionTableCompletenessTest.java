package io.quetzal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.cli.options.Arity;
import io.quetzal.cli.options.InvalidValueException;
import io.quetzal.cli.options.OptionDef;
import io.quetzal.cli.options.OptionTable;
import io.quetzal.cli.options.Presence;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option in the table is complete: a description, environment variables where Aztec has them,
 * and a default or a stated meaning of "unset". Fails when a row is added without these.
 */
class OptionTableCompletenessTest {
  /** Options with no environment variable: the role switches, as in Aztec. */
  private static final Set<String> WITHOUT_ENV =
      Set.of("node", "archiver", "sequencer", "localNetwork");

  /** Official {@code aztec start} spellings that must be accepted (from aztec_start_options.ts). */
  private static final List<String> OFFICIAL_SPELLINGS =
      List.of(
          "--node",
          "--archiver",
          "--sequencer",
          "--local-network",
          "--network",
          "--port",
          "--admin-port",
          "--admin-api-key-hash",
          "--disable-admin-api-key",
          "--reset-admin-api-key",
          "--api-prefix",
          "--rpcMaxBatchSize",
          "--rpcMaxBodySize",
          "--l1-chain-id",
          "--l1-rpc-urls",
          "--l1-consensus-host-urls",
          "--l1-consensus-host-api-keys",
          "--l1-consensus-host-api-key-headers",
          "--registry-address",
          "--rollup-version",
          "--data-directory",
          "--data-store-map-size-kb",
          "--world-state-data-directory",
          "--world-state-db-map-size-kb",
          "--world-state-checkpoint-history",
          "--sync-mode",
          "--snapshots-urls",
          "--fisherman-mode",
          "--p2p-enabled",
          "--p2p.p2pIp",
          "--p2p.p2pPort",
          "--p2p.p2pBroadcastPort",
          "--p2p.listenAddress",
          "--p2p.bootstrapNodes",
          "--p2p.maxPeerCount",
          "--p2p.queryForIp",
          "--p2p.peerIdPrivateKey",
          "--p2p.peerIdPrivateKeyPath",
          "--p2p.maxPendingTxCount",
          "--p2p.minTxPoolAgeMs",
          "--sequencer.validatorPrivateKeys",
          "--sequencer.coinbase",
          "--sequencer.feeRecipient",
          "--sequencer.disableValidator",
          "--sequencer.validatorReexecute",
          "--sequencer.attestationPollingIntervalMs",
          "--sequencer.sequencerPollingIntervalMS",
          "--sequencer.minTxsPerBlock",
          "--sequencer.maxTxsPerBlock",
          "--sequencer.maxTxsPerCheckpoint",
          "--sequencer.maxL2BlockGas",
          "--sequencer.maxDABlockGas",
          "--sequencer.blockDurationMs",
          "--sequencer.l1PublishingTime",
          "--sequencer.enforceTimeTable",
          "--sequencer.buildCheckpointIfEmpty",
          "--sequencer.governanceProposerPayload",
          "--sequencer.sequencerPublisherPrivateKeys",
          "--sequencer.gasLimitBufferPercentage",
          "--sequencer.maxGwei",
          "--sequencer.maxBlobGwei",
          "--sequencer.priorityFeeBumpPercentage",
          "--archiver.archiverPollingIntervalMS",
          "--archiver.archiverBatchSize",
          "--archiver.maxLogs",
          "--archiver.archiverStoreMapSizeKb",
          "--archiver.blobFileStoreUrls",
          "--archiver.blobFileStoreUploadUrl",
          "--archiver.archiveApiUrl");

  @Test
  void everyOptionHasADescription() {
    List<String> missing = new ArrayList<>();
    for (OptionDef<?> def : OptionTable.ALL) {
      if (def.description() == null || def.description().isBlank()) {
        missing.add(def.primaryName());
      }
    }
    assertThat(missing).as("options without a description").isEmpty();
  }

  @Test
  void everyOptionHasAnEnvironmentVariableExceptTheRoleSwitches() {
    for (OptionDef<?> def : OptionTable.ALL) {
      if (WITHOUT_ENV.contains(def.key())) {
        assertThat(def.envVars()).as(def.primaryName()).isEmpty();
      } else {
        assertThat(def.envVars()).as(def.primaryName() + " environment variables").isNotEmpty();
        assertThat(def.envVars()).as(def.primaryName()).allMatch(v -> v.matches("[A-Z][A-Z0-9_]*"));
      }
    }
  }

  @Test
  void everyOptionHasADefaultOrSaysWhatUnsetMeans() {
    for (OptionDef<?> def : OptionTable.ALL) {
      assertThat(def.presence()).as(def.primaryName() + " presence").isNotNull();
      switch (def.presence()) {
        case DEFAULTED -> assertThat(def.defaultValue()).as(def.primaryName()).isNotNull();
        case OPTIONAL, REQUIRED -> {
          assertThat(def.defaultValue()).as(def.primaryName()).isNull();
          assertThat(def.unsetMeaning()).as(def.primaryName() + " unset meaning").isNotBlank();
        }
        case SWITCH -> assertThat(def.arity()).as(def.primaryName()).isEqualTo(Arity.SWITCH);
      }
      if (def.arity() == Arity.SWITCH) {
        assertThat(def.presence()).as(def.primaryName()).isEqualTo(Presence.SWITCH);
      }
    }
  }

  @Test
  void defaultsParseWithTheirOwnConverters() throws InvalidValueException {
    for (OptionDef<?> def : OptionTable.ALL) {
      if (def.presence() == Presence.DEFAULTED) {
        assertThat(def.converter().convert(def.defaultValue())).as(def.primaryName()).isNotNull();
      }
    }
  }

  @Test
  void secretOptionsHaveNoDefaultValue() {
    assertThat(OptionTable.ALL.stream().filter(OptionDef::secret))
        .isNotEmpty()
        .allMatch(def -> def.defaultValue() == null);
  }

  @Test
  void valueOptionsHaveAParameterLabelAndKebabCasePrimaryName() {
    for (OptionDef<?> def : OptionTable.ALL) {
      assertThat(def.primaryName()).as(def.key()).matches("--[a-z0-9]+(-[a-z0-9]+)*");
      if (def.arity() == Arity.VALUE) {
        assertThat(def.paramLabel()).as(def.primaryName()).startsWith("<");
      }
    }
  }

  @Test
  void theCommandHasExactlyTheOptionsOfTheTable() {
    CommandLine cli =
        QuetzalCli.create(
            Map.of(),
            CliHarness.HOME,
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            config -> 3);
    Set<String> commandNames = new HashSet<>();
    for (OptionSpec option : cli.getSubcommands().get("start").getCommandSpec().options()) {
      commandNames.addAll(List.of(option.names()));
    }
    Set<String> tableNames = new HashSet<>();
    OptionTable.ALL.forEach(def -> tableNames.addAll(def.names()));
    tableNames.addAll(List.of("-h", "--help", "-V", "--version"));
    assertThat(commandNames).isEqualTo(tableNames);
  }

  @Test
  void acceptsTheOfficialSpellings() {
    for (String name : OFFICIAL_SPELLINGS) {
      assertThat(OptionTable.byName(name)).as(name).isPresent();
    }
  }

  @Test
  void keysAndNamesAreUnique() {
    Set<String> keys = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (OptionDef<?> def : OptionTable.ALL) {
      assertThat(keys.add(def.key())).as(def.key()).isTrue();
      for (String name : def.names()) {
        assertThat(names.add(name)).as(name).isTrue();
      }
    }
  }
}
