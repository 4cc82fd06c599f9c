package io.quetzal.cli.options;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every option of {@code quetzal start}, in help order: the single table that the command line, the
 * environment mapping ({@link EnvironmentDefaultProvider}), the help text and the completeness
 * tests read.
 */
public final class OptionTable {
  /** All options. */
  public static final List<OptionDef<?>> ALL =
      Stream.of(
              RoleOptions.definitions(),
              NetworkOptions.definitions(),
              NodeApiOptions.definitions(),
              StorageOptions.definitions(),
              P2pOptions.definitions(),
              ValidatorOptions.definitions(),
              SequencerOptions.definitions(),
              PublisherOptions.definitions(),
              ArchiverOptions.definitions(),
              GenesisOptions.definitions(),
              LoggingOptions.definitions())
          .flatMap(List::stream)
          .toList();

  /**
   * Options of the official {@code aztec start} that Quetzal does not implement (other roles, the
   * version check). They are rejected with a message saying so instead of "unknown option".
   */
  public static final Set<String> UNSUPPORTED_OFFICIAL_OPTIONS =
      Set.of(
          "--enable-version-check",
          "--prover-node",
          "--prover-broker",
          "--prover-agent",
          "--p2p-bootstrap",
          "--bot",
          "--pxe",
          "--txe");

  private static final Map<String, OptionDef<?>> BY_NAME = new HashMap<>();

  static {
    Map<String, OptionDef<?>> byKey = new HashMap<>();
    for (OptionDef<?> def : ALL) {
      if (byKey.put(def.key(), def) != null) {
        throw new IllegalStateException("duplicate option key " + def.key());
      }
      for (String name : def.names()) {
        if (BY_NAME.put(name, def) != null) {
          throw new IllegalStateException("duplicate option name " + name);
        }
      }
    }
  }

  private OptionTable() {}

  /** The option with this flag spelling. */
  public static Optional<OptionDef<?>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
