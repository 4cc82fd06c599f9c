/**
 * The options of {@code quetzal start}: one table, read by everything that needs to know about an
 * option.
 *
 * <pre>
 *   OptionTable.ALL (RoleOptions, NetworkOptions, … , LoggingOptions: one OptionDef per option)
 *        │                           │                              │
 *        ▼                           ▼                              ▼
 *   picocli OptionSpecs     EnvironmentDefaultProvider         StartHelp (grouped --help)
 *   (all values as text)    (env var, else table default)
 *        └──────────────┬────────────┘
 *                       ▼
 *   OptionResolver: raw value + Origin (flag > env > network preset > default)
 *                       ▼
 *   OptionValues ─ Converters ─▶ XxxOptions.toConfig ─▶ StartConfigFactory ─▶ StartConfig
 * </pre>
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Picocli sees every value as a string; parsing and validation happen in {@link
 *       io.quetzal.cli.options.Converters}, so every error message has one shape ({@code --flag
 *       (ENV_VAR): problem}) and converters of secret options can guarantee they never echo input.
 *   <li>Names: the first spelling is Quetzal's, kebab-case after the environment variable; the
 *       official {@code aztec start} spellings (kebab flags and {@code --<namespace>.<key>}) are
 *       aliases, so existing command lines keep working.
 *   <li>Each per-area class has {@code toConfig} and a {@code toArgs} inverse (Besu's {@code
 *       CLIOptions}), which the round-trip tests use.
 *   <li>The environment arrives as a map; nothing here reads the process environment.
 * </ul>
 */
package io.quetzal.cli.options;
