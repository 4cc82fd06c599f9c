package io.quetzal.stdlib.genesis;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The genesis public data a network starts with, as {@code getGenesisValues} of {@code
 * @aztec/world-state/testing} computes it: one FeeJuice balance leaf {@code
 * (balanceLeafSlot(account), initialBalance)} per funded account, followed by the extra leaves,
 * all sorted by slot. The world state prefills its public-data tree with these leaves (see {@link
 * IndexedTreeGenesis}); the genesis archive root then follows from the trees.
 *
 * @param prefilledPublicData the leaves, sorted by slot ascending
 * @param fundingNeeded the FeeJuice the accounts hold in total: accounts × initial balance
 */
public record GenesisValues(
    List<PublicDataTreeLeaf> prefilledPublicData, BigInteger fundingNeeded) {
  /** The balance the official node gives each funded account: 10^22. */
  public static final Fr DEFAULT_INITIAL_ACCOUNT_FEE_JUICE =
      Fr.fromBigInteger(BigInteger.TEN.pow(22));

  public GenesisValues {
    prefilledPublicData = List.copyOf(prefilledPublicData);
    Objects.requireNonNull(fundingNeeded, "fundingNeeded");
  }

  /** The values for the given accounts with the default balance and no extra data. */
  public static GenesisValues compute(List<AztecAddress> initialAccounts) {
    return compute(initialAccounts, DEFAULT_INITIAL_ACCOUNT_FEE_JUICE, List.of());
  }

  /**
   * The values for the given accounts, balance and extra leaves. Duplicate slots are kept (the
   * world state then refuses them, as the official one does).
   */
  public static GenesisValues compute(
      List<AztecAddress> initialAccounts, Fr initialBalance, List<PublicDataTreeLeaf> extra) {
    List<PublicDataTreeLeaf> leaves = new ArrayList<>(initialAccounts.size() + extra.size());
    for (AztecAddress a : initialAccounts) {
      leaves.add(new PublicDataTreeLeaf(FeeJuice.balanceLeafSlot(a), initialBalance));
    }
    leaves.addAll(extra);
    leaves.sort(Comparator.comparing(PublicDataTreeLeaf::slot));
    BigInteger funding =
        BigInteger.valueOf(initialAccounts.size()).multiply(initialBalance.toBigInteger());
    return new GenesisValues(leaves, funding);
  }
}
