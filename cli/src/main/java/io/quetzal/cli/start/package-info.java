/**
 * The {@code start} command and the seam to the node.
 *
 * <pre>
 *   args + env ─▶ StartCommand ─▶ StartConfig ─▶ ConfigSummary (stdout, redacted)
 *                                     │
 *                                     ▼
 *                               NodeLauncher.launch(config)
 *                               this build: LocalNetworkLauncher
 *                                 --local-network: LocalNetworkL1 (anvil) + AztecNode, until a signal
 *                                 other roles: UnavailableNodeLauncher, exit 3
 * </pre>
 *
 * <p>Design notes: {@code start} never starts anything itself; later work supplies a {@code
 * NodeLauncher} that builds the services from the config. Nothing here prints a secret: the summary
 * shows key addresses, the debug log shows record {@code toString()}s, in which secrets are {@code
 * <redacted>}.
 */
package io.quetzal.cli.start;
