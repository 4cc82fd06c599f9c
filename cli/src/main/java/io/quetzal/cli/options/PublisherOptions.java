package io.quetzal.cli.options;

import io.quetzal.cli.config.EthValues;
import io.quetzal.cli.config.PublisherConfig;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.secret.Secret;
import java.math.BigDecimal;
import java.util.List;

/** The L1 publisher: {@link PublisherConfig}. */
public final class PublisherOptions {
  public static final OptionDef<List<Secret<Secp256k1PrivateKey>>> SEQ_PUBLISHER_PRIVATE_KEYS =
      OptionDef.value(Area.PUBLISHER, "sequencerPublisherPrivateKeys", Converters.PRIVATE_KEYS)
          .names(
              "--seq-publisher-private-keys",
              "--seq-publisher-private-key",
              "--sequencer.sequencerPublisherPrivateKeys")
          .label("<key>[,<key>...]")
          .env("SEQ_PUBLISHER_PRIVATE_KEYS", "SEQ_PUBLISHER_PRIVATE_KEY")
          .optional("the first validator key")
          .secret()
          .description(
              "Private keys (32-byte hex, comma-separated) of the L1 accounts that publish"
                  + " checkpoints and pay their gas. Prefer the environment variable.")
          .build();

  public static final OptionDef<Integer> L1_GAS_LIMIT_BUFFER_PERCENTAGE =
      OptionDef.value(Area.PUBLISHER, "gasLimitBufferPercentage", Converters.intAtLeast(0))
          .names("--l1-gas-limit-buffer-percentage", "--sequencer.gasLimitBufferPercentage")
          .label("<percent>")
          .env("L1_GAS_LIMIT_BUFFER_PERCENTAGE")
          .defaultValue(PublisherConfig.DEFAULT_GAS_LIMIT_BUFFER_PERCENTAGE)
          .description("Added to the estimated gas limit of L1 transactions, in percent.")
          .build();

  public static final OptionDef<BigDecimal> L1_GAS_PRICE_MAX =
      OptionDef.value(Area.PUBLISHER, "maxGwei", Converters.POSITIVE_DECIMAL)
          .names("--l1-gas-price-max", "--sequencer.maxGwei")
          .label("<gwei>")
          .env("L1_GAS_PRICE_MAX")
          .defaultValue(PublisherConfig.DEFAULT_MAX_GWEI)
          .description("Highest L1 gas price paid, in gwei.")
          .build();

  public static final OptionDef<BigDecimal> L1_BLOB_FEE_PER_GAS_MAX =
      OptionDef.value(Area.PUBLISHER, "maxBlobGwei", Converters.POSITIVE_DECIMAL)
          .names("--l1-blob-fee-per-gas-max", "--sequencer.maxBlobGwei")
          .label("<gwei>")
          .env("L1_BLOB_FEE_PER_GAS_MAX")
          .defaultValue(PublisherConfig.DEFAULT_MAX_BLOB_GWEI)
          .description("Highest L1 blob fee per gas paid, in gwei.")
          .build();

  public static final OptionDef<Integer> L1_PRIORITY_FEE_BUMP_PERCENTAGE =
      OptionDef.value(Area.PUBLISHER, "priorityFeeBumpPercentage", Converters.intAtLeast(0))
          .names("--l1-priority-fee-bump-percentage", "--sequencer.priorityFeeBumpPercentage")
          .label("<percent>")
          .env("L1_PRIORITY_FEE_BUMP_PERCENTAGE")
          .defaultValue(PublisherConfig.DEFAULT_PRIORITY_FEE_BUMP_PERCENTAGE)
          .description("Priority fee increase per speed-up of a stuck L1 transaction, in percent.")
          .build();

  private PublisherOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(
        SEQ_PUBLISHER_PRIVATE_KEYS,
        L1_GAS_LIMIT_BUFFER_PERCENTAGE,
        L1_GAS_PRICE_MAX,
        L1_BLOB_FEE_PER_GAS_MAX,
        L1_PRIORITY_FEE_BUMP_PERCENTAGE);
  }

  /** The publisher as configured; an empty key list is resolved by the start command. */
  public static PublisherConfig toConfig(OptionValues v) {
    return new PublisherConfig(
        v.find(SEQ_PUBLISHER_PRIVATE_KEYS).orElse(List.of()),
        v.get(L1_GAS_LIMIT_BUFFER_PERCENTAGE),
        v.get(L1_GAS_PRICE_MAX),
        v.get(L1_BLOB_FEE_PER_GAS_MAX),
        v.get(L1_PRIORITY_FEE_BUMP_PERCENTAGE));
  }

  /** Writes the keys too: the resulting arguments contain secrets. */
  public static void toArgs(PublisherConfig c, ArgsWriter w) {
    if (!c.privateKeys().isEmpty()) {
      w.list(SEQ_PUBLISHER_PRIVATE_KEYS, c.privateKeys(), k -> EthValues.toHex(k.reveal()));
    }
    w.value(L1_GAS_LIMIT_BUFFER_PERCENTAGE, c.gasLimitBufferPercentage())
        .value(L1_GAS_PRICE_MAX, c.maxGwei().toPlainString())
        .value(L1_BLOB_FEE_PER_GAS_MAX, c.maxBlobGwei().toPlainString())
        .value(L1_PRIORITY_FEE_BUMP_PERCENTAGE, c.priorityFeeBumpPercentage());
  }
}
