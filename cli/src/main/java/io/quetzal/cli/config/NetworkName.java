package io.quetzal.cli.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The networks {@code --network} accepts, as in Aztec's {@code getActiveNetworkName}
 * ({@code @aztec/foundation/config/network_name.ts}). {@code alpha-testnet} is an alias of {@code
 * testnet}.
 */
public enum NetworkName {
  LOCAL("local"),
  TESTNET("testnet", "alpha-testnet"),
  MAINNET("mainnet"),
  DEVNET("devnet"),
  NEXT_NET("next-net"),
  STAGING_IGNITION("staging-ignition"),
  STAGING_PUBLIC("staging-public");

  private final String id;
  private final List<String> aliases;

  NetworkName(String id, String... aliases) {
    this.id = id;
    this.aliases = List.of(aliases);
  }

  /** The official name, e.g. {@code testnet}. */
  public String id() {
    return id;
  }

  /** Every accepted spelling, official names first. */
  public static List<String> acceptedNames() {
    return Stream.concat(
            Arrays.stream(values()).map(NetworkName::id),
            Arrays.stream(values()).flatMap(n -> n.aliases.stream()))
        .toList();
  }

  /** Resolves an official name or alias (case-insensitive, surrounding blanks ignored). */
  public static Optional<NetworkName> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(n -> n.id.equals(wanted) || n.aliases.contains(wanted))
        .findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
