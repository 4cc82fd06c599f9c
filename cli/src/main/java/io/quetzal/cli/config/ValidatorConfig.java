package io.quetzal.cli.config;

import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The validator client: attester keys, reward addresses, and the limits it checks proposals
 * against.
 *
 * @param privateKeys attester keys, kept secret; the first one also publishes when no publisher key
 *     is set
 * @param coinbase L1 address receiving block rewards; never the zero address; empty means the
 *     attester address
 * @param feeRecipient Aztec address receiving L2 fees
 * @param disabled do not attest even with keys
 * @param reexecute re-execute proposed blocks before attesting
 * @param attestationPollingIntervalMs how often to poll for attestations
 * @param maxTxsPerBlock reject proposals with more txs per block
 * @param maxTxsPerCheckpoint reject proposals with more txs per checkpoint
 * @param maxL2BlockGas reject proposals using more L2 gas per block
 * @param maxDaBlockGas reject proposals using more DA gas per block
 */
public record ValidatorConfig(
    List<Secret<Secp256k1PrivateKey>> privateKeys,
    Optional<EthAddress> coinbase,
    Optional<AztecAddress> feeRecipient,
    boolean disabled,
    boolean reexecute,
    int attestationPollingIntervalMs,
    OptionalInt maxTxsPerBlock,
    OptionalInt maxTxsPerCheckpoint,
    OptionalLong maxL2BlockGas,
    OptionalLong maxDaBlockGas) {

  public static final boolean DEFAULT_DISABLED = false;
  public static final boolean DEFAULT_REEXECUTE = true;
  public static final int DEFAULT_ATTESTATION_POLLING_INTERVAL_MS = 200;

  public ValidatorConfig {
    privateKeys = Keys.distinct(privateKeys, "privateKeys");
    Objects.requireNonNull(coinbase, "coinbase");
    if (coinbase.isPresent() && coinbase.get().isZero()) {
      throw new IllegalArgumentException("coinbase must not be the zero address");
    }
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Checks.atLeast(attestationPollingIntervalMs, 1, "attestationPollingIntervalMs");
    Objects.requireNonNull(maxTxsPerBlock, "maxTxsPerBlock");
    Objects.requireNonNull(maxTxsPerCheckpoint, "maxTxsPerCheckpoint");
    Objects.requireNonNull(maxL2BlockGas, "maxL2BlockGas");
    Objects.requireNonNull(maxDaBlockGas, "maxDaBlockGas");
  }

  public static ValidatorConfig defaults() {
    return new ValidatorConfig(
        List.of(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_DISABLED,
        DEFAULT_REEXECUTE,
        DEFAULT_ATTESTATION_POLLING_INTERVAL_MS,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        OptionalLong.empty());
  }

  /** The attester addresses, in key order. */
  public List<EthAddress> addresses() {
    return Keys.addresses(privateKeys);
  }

  public ValidatorConfig withPrivateKeys(List<Secret<Secp256k1PrivateKey>> keys) {
    return new ValidatorConfig(
        keys,
        coinbase,
        feeRecipient,
        disabled,
        reexecute,
        attestationPollingIntervalMs,
        maxTxsPerBlock,
        maxTxsPerCheckpoint,
        maxL2BlockGas,
        maxDaBlockGas);
  }
}
