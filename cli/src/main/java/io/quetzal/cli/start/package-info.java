/**
 * The {@code start} command and the seam to the node.
 *
 * <pre>
 *   args + env ─▶ StartCommand ─▶ StartConfig ─▶ ConfigSummary (stdout, redacted)
 *                                     │
 *                                     ▼
 *                               NodeLauncher.launch(config)
 *                               this build: LocalNetworkLauncher
 *                                 --local-network: LocalNetworkL1 (anvil) + AztecNode + sequencer,
 *                                                  until a signal
 *                                 otherwise FollowerLauncher: --node/--archiver follow L1 (AztecNode
 *                                 with the archiver), --sequencer adds the slot loop (SequencerRuntime)
 * </pre>
 *
 * <p>Design notes: {@code start} never starts anything itself; later work supplies a {@code
 * NodeLauncher} that builds the services from the config. Nothing here prints a secret: the summary
 * shows key addresses, the debug log shows record {@code toString()}s, in which secrets are {@code
 * <redacted>}.
 */
package io.quetzal.cli.start;
