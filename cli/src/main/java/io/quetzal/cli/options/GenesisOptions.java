package io.quetzal.cli.options;

import io.quetzal.cli.config.AztecAddress;
import io.quetzal.cli.config.GenesisConfig;
import java.util.List;

/** The genesis state's pre-funded accounts: {@link GenesisConfig}. */
public final class GenesisOptions {
  public static final OptionDef<Boolean> TEST_ACCOUNTS =
      OptionDef.value(Area.NETWORK, "testAccounts", Converters.BOOLEAN)
          .names("--test-accounts")
          .label("<bool>")
          .env("TEST_ACCOUNTS")
          .defaultValue(false)
          .description(
              "Fund the three test accounts with fee juice in the genesis state. A follower must"
                  + " match the network it follows.")
          .build();

  public static final OptionDef<Boolean> SPONSORED_FPC =
      OptionDef.value(Area.NETWORK, "sponsoredFpc", Converters.BOOLEAN)
          .names("--sponsored-fpc")
          .label("<bool>")
          .env("SPONSORED_FPC")
          .defaultValue(false)
          .description("Fund the SponsoredFPC with fee juice in the genesis state.")
          .build();

  public static final OptionDef<List<AztecAddress>> PREFUND_ADDRESSES =
      OptionDef.value(Area.NETWORK, "prefundAddresses", Converters.AZTEC_ADDRESSES)
          .names("--prefund-addresses")
          .label("<address>[,<address>...]")
          .env("PREFUND_ADDRESSES")
          .optional("no other address")
          .description("More Aztec addresses funded with fee juice in the genesis state.")
          .build();

  private GenesisOptions() {}

  public static List<OptionDef<?>> definitions() {
    return List.of(TEST_ACCOUNTS, SPONSORED_FPC, PREFUND_ADDRESSES);
  }

  public static GenesisConfig toConfig(OptionValues v) {
    return new GenesisConfig(
        v.get(TEST_ACCOUNTS), v.get(SPONSORED_FPC), v.find(PREFUND_ADDRESSES).orElse(List.of()));
  }

  public static void toArgs(GenesisConfig c, ArgsWriter w) {
    w.value(TEST_ACCOUNTS, c.testAccounts()).value(SPONSORED_FPC, c.sponsoredFpc());
    if (!c.prefundAddresses().isEmpty()) {
      w.list(PREFUND_ADDRESSES, c.prefundAddresses(), AztecAddress::toString);
    }
  }
}
