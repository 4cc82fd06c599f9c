package io.quetzal.cli.config;

import java.util.List;

/**
 * Which accounts the genesis state pre-funds with fee juice (the official {@code
 * GenesisStateConfig}). A follower must use the same choice as the network it follows, or its
 * genesis archive root differs from the rollup's and it refuses to start.
 *
 * @param testAccounts the three test accounts ({@code TEST_ACCOUNTS})
 * @param sponsoredFpc the SponsoredFPC ({@code SPONSORED_FPC})
 * @param prefundAddresses more addresses, in order ({@code PREFUND_ADDRESSES})
 */
public record GenesisConfig(
    boolean testAccounts, boolean sponsoredFpc, List<AztecAddress> prefundAddresses) {

  public GenesisConfig {
    prefundAddresses = List.copyOf(prefundAddresses);
  }

  /** Nothing pre-funded: the default of every network but devnet. */
  public static GenesisConfig defaults() {
    return new GenesisConfig(false, false, List.of());
  }
}
