/**
 * The {@code quetzal} command line: a drop-in for {@code aztec start} of Aztec 4.1.2.
 *
 * <pre>
 *   Main ─▶ QuetzalCli.run(args, env, home, out, err)
 *             ├─ quetzal --help | --version
 *             └─ quetzal start ─▶ options ─▶ StartConfig ─▶ NodeLauncher
 * </pre>
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Exit statuses ({@link io.quetzal.cli.ExitCodes}): 0 done, 1 bug (stack trace in the log), 2
 *       user error (one line on stderr plus a hint, never a stack trace), 3 valid configuration but
 *       no node services in this build.
 *   <li>{@link io.quetzal.cli.Main} is the only class touching {@code System}: the environment,
 *       home directory and streams are injected so tests run the real command in-process.
 *   <li>Secrets never reach output: values are parsed by the option table's converters, not by
 *       picocli (whose messages quote arguments), and picocli's tracer is switched off.
 * </ul>
 */
package io.quetzal.cli;
