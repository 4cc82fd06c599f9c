package io.quetzal.cli.options;

import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.ValidatorConfig;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;

/** Attester keys, reward addresses and proposal limits: {@link ValidatorConfig}. */
public final class ValidatorOptions {
  public static final OptionDef<List<Secret<Secp256k1PrivateKey>>> VALIDATOR_PRIVATE_KEYS =
      OptionDef.value(Area.VALIDATOR, "validatorPrivateKeys", Converters.PRIVATE_KEYS)
          .names(
              "--validator-private-keys",
              "--validator-private-key",
              "--sequencer.validatorPrivateKeys")
          .label("<key>[,<key>...]")
          .env("VALIDATOR_PRIVATE_KEYS", "VALIDATOR_PRIVATE_KEY")
          .required("by --sequencer (not with --local-network)")
          .secret()
          .description(
              "Attester private keys (32-byte hex, comma-separated). Prefer the environment"
                  + " variable: command-line arguments are visible to other local users.")
          .build();

  public static final OptionDef<EthAddress> COINBASE =
      OptionDef.value(Area.VALIDATOR, "coinbase", Converters.NON_ZERO_ETH_ADDRESS)
          .names("--coinbase", "--sequencer.coinbase")
          .label("<address>")
          .env("COINBASE")
          .optional("the attester's address")
          .description("L1 address that receives block rewards (not the zero address).")
          .build();

  public static final OptionDef<AztecAddress> FEE_RECIPIENT =
      OptionDef.value(Area.VALIDATOR, "feeRecipient", Converters.AZTEC_ADDRESS)
          .names("--fee-recipient", "--sequencer.feeRecipient")
          .label("<aztec-address>")
          .env("FEE_RECIPIENT")
          .optional("no fee recipient")
          .description("Aztec address that receives the L2 fees of proposed blocks.")
          .build();

  public static final OptionDef<Boolean> VALIDATOR_DISABLED =
      OptionDef.bool(Area.VALIDATOR, "disableValidator")
          .names("--validator-disabled", "--sequencer.disableValidator")
          .env("VALIDATOR_DISABLED")
          .defaultValue(ValidatorConfig.DEFAULT_DISABLED)
          .description("Do not attest, even with validator keys.")
          .build();

  public static final OptionDef<Boolean> VALIDATOR_REEXECUTE =
      OptionDef.bool(Area.VALIDATOR, "validatorReexecute")
          .names("--validator-reexecute", "--sequencer.validatorReexecute")
          .env("VALIDATOR_REEXECUTE")
          .defaultValue(ValidatorConfig.DEFAULT_REEXECUTE)
          .description("Re-execute proposed blocks before attesting to them.")
          .build();

  public static final OptionDef<Integer> ATTESTATION_POLLING_INTERVAL_MS =
      OptionDef.value(Area.VALIDATOR, "attestationPollingIntervalMs", Converters.intAtLeast(1))
          .names(
              "--validator-attestations-polling-interval-ms",
              "--sequencer.attestationPollingIntervalMs")
          .label("<ms>")
          .env("VALIDATOR_ATTESTATIONS_POLLING_INTERVAL_MS")
          .defaultValue(ValidatorConfig.DEFAULT_ATTESTATION_POLLING_INTERVAL_MS)
          .description("How often to poll for attestations.")
          .build();

  public static final OptionDef<Integer> VALIDATOR_MAX_TX_PER_BLOCK =
      OptionDef.value(Area.VALIDATOR, "validateMaxTxsPerBlock", Converters.intAtLeast(1))
          .names(
              "--validator-max-tx-per-block",
              "--sequencer.validateMaxTxsPerBlock",
              "--p2p.validateMaxTxsPerBlock")
          .label("<n>")
          .env("VALIDATOR_MAX_TX_PER_BLOCK")
          .optional("the protocol limit")
          .description("Reject proposals with more transactions per block.")
          .build();

  public static final OptionDef<Integer> VALIDATOR_MAX_TX_PER_CHECKPOINT =
      OptionDef.value(Area.VALIDATOR, "validateMaxTxsPerCheckpoint", Converters.intAtLeast(1))
          .names(
              "--validator-max-tx-per-checkpoint",
              "--sequencer.validateMaxTxsPerCheckpoint",
              "--p2p.validateMaxTxsPerCheckpoint")
          .label("<n>")
          .env("VALIDATOR_MAX_TX_PER_CHECKPOINT")
          .optional("the protocol limit")
          .description("Reject proposals with more transactions per checkpoint.")
          .build();

  public static final OptionDef<Long> VALIDATOR_MAX_L2_BLOCK_GAS =
      OptionDef.value(Area.VALIDATOR, "validateMaxL2BlockGas", Converters.longAtLeast(1))
          .names(
              "--validator-max-l2-block-gas",
              "--sequencer.validateMaxL2BlockGas",
              "--p2p.validateMaxL2BlockGas")
          .label("<gas>")
          .env("VALIDATOR_MAX_L2_BLOCK_GAS")
          .optional("the protocol limit")
          .description("Reject proposals using more L2 gas per block.")
          .build();

  public static final OptionDef<Long> VALIDATOR_MAX_DA_BLOCK_GAS =
      OptionDef.value(Area.VALIDATOR, "validateMaxDABlockGas", Converters.longAtLeast(1))
          .names(
              "--validator-max-da-block-gas",
              "--sequencer.validateMaxDABlockGas",
              "--p2p.validateMaxDABlockGas")
          .label("<gas>")
          .env("VALIDATOR_MAX_DA_BLOCK_GAS")
          .optional("the protocol limit")
          .description("Reject proposals using more DA gas per block.")
          .build();

  private ValidatorOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        VALIDATOR_PRIVATE_KEYS,
        COINBASE,
        FEE_RECIPIENT,
        VALIDATOR_DISABLED,
        VALIDATOR_REEXECUTE,
        ATTESTATION_POLLING_INTERVAL_MS,
        VALIDATOR_MAX_TX_PER_BLOCK,
        VALIDATOR_MAX_TX_PER_CHECKPOINT,
        VALIDATOR_MAX_L2_BLOCK_GAS,
        VALIDATOR_MAX_DA_BLOCK_GAS);
  }

  public static ValidatorConfig toConfig(OptionValues v) {
    return new ValidatorConfig(
        v.find(VALIDATOR_PRIVATE_KEYS).orElse(List.of()),
        v.find(COINBASE),
        v.find(FEE_RECIPIENT),
        v.get(VALIDATOR_DISABLED),
        v.get(VALIDATOR_REEXECUTE),
        v.get(ATTESTATION_POLLING_INTERVAL_MS),
        Optionals.optionalInt(v, VALIDATOR_MAX_TX_PER_BLOCK),
        Optionals.optionalInt(v, VALIDATOR_MAX_TX_PER_CHECKPOINT),
        Optionals.optionalLong(v, VALIDATOR_MAX_L2_BLOCK_GAS),
        Optionals.optionalLong(v, VALIDATOR_MAX_DA_BLOCK_GAS));
  }

  /** Writes the keys too: the resulting arguments contain secrets. */
  public static void toArgs(ValidatorConfig c, ArgsWriter w) {
    if (!c.privateKeys().isEmpty()) {
      w.list(VALIDATOR_PRIVATE_KEYS, c.privateKeys(), k -> EthValues.toHex(k.reveal()));
    }
    w.optional(COINBASE, c.coinbase())
        .optional(FEE_RECIPIENT, c.feeRecipient())
        .bool(VALIDATOR_DISABLED, c.disabled())
        .bool(VALIDATOR_REEXECUTE, c.reexecute())
        .value(ATTESTATION_POLLING_INTERVAL_MS, c.attestationPollingIntervalMs())
        .optional(VALIDATOR_MAX_TX_PER_BLOCK, c.maxTxsPerBlock())
        .optional(VALIDATOR_MAX_TX_PER_CHECKPOINT, c.maxTxsPerCheckpoint())
        .optional(VALIDATOR_MAX_L2_BLOCK_GAS, c.maxL2BlockGas())
        .optional(VALIDATOR_MAX_DA_BLOCK_GAS, c.maxDaBlockGas());
  }
}
