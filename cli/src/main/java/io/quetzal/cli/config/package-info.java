/**
 * The node's configuration as immutable, validated records: one per area, and {@link
 * io.quetzal.cli.config.StartConfig} aggregating them with the roles.
 *
 * <pre>
 *   flags / env / network preset ──(cli.options)──▶ L1Config, NodeRpcConfig, StorageConfig,
 *                                                  P2pConfig, ValidatorConfig, SequencerConfig,
 *                                                  PublisherConfig, ArchiverConfig, LoggingConfig
 *                                                              │
 *                                                              ▼
 *                                                   StartConfig ──▶ NodeLauncher
 * </pre>
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Defaults live here, as {@code DEFAULT_*} constants next to the record and a {@code
 *       defaults()} factory; the CLI refers to them (Besu/Teku style). Values are Aztec 4.1.2's.
 *   <li>Validation is in compact constructors and throws {@link IllegalArgumentException}. The CLI
 *       validates each option first, so operators see messages naming flags and environment
 *       variables; the records guard programmatic construction.
 *   <li>"Not set" is an empty {@code Optional*}, never null or a magic number.
 *   <li>Private keys and API keys are held as {@link io.quetzal.foundation.secret.Secret}, so
 *       record {@code toString()} output is safe to log.
 *   <li>Nothing here depends on picocli, so each record can move to the module of its component
 *       (l1-client, p2p, sequencer, …) unchanged. Addresses and keys are the foundation types
 *       ({@code EthAddress}, {@code Secp256k1PrivateKey}); {@link io.quetzal.cli.config.EthValues}
 *       only adds precise, non-echoing parse messages. {@link io.quetzal.cli.config.AztecAddress}
 *       is a stop-gap until a foundation type exists.
 * </ul>
 */
package io.quetzal.cli.config;
