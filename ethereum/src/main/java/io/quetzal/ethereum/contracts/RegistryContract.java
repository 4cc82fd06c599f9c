package io.quetzal.ethereum.contracts;

import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EthAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Views of the Aztec {@code Registry}: which Rollup is canonical, which rollup has which version,
 * and the governance contracts. {@link #collectAddresses} resolves the address book the way the
 * official node does from a registry alone ({@code RegistryContract.collectAddresses}).
 */
public final class RegistryContract extends ContractReader {
  public RegistryContract(L1RpcClient rpc, EthAddress address) {
    super(rpc, address);
  }

  /** {@code getCanonicalRollup()}. */
  public EthAddress getCanonicalRollup() {
    return Abi.toEthAddress(call1(Abi.view("getCanonicalRollup", Abi.ADDRESS)));
  }

  /** {@code getRollup(version)}. */
  public EthAddress getRollup(long version) {
    return Abi.toEthAddress(
        call1(Abi.function("getRollup", List.of(Abi.uint(version)), Abi.ADDRESS)));
  }

  /** {@code numberOfVersions()}. */
  public long numberOfVersions() {
    return Abi.toBigInteger(call1(Abi.view("numberOfVersions", Abi.UINT256))).longValueExact();
  }

  /** {@code getVersion(index)}. */
  public long getVersion(long index) {
    return Abi.toBigInteger(
            call1(Abi.function("getVersion", List.of(Abi.uint(index)), Abi.UINT256)))
        .longValueExact();
  }

  /** Every registered rollup version, oldest first. */
  public List<Long> versions() {
    long n = numberOfVersions();
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(getVersion(i));
    }
    return List.copyOf(out);
  }

  /** {@code getGovernance()}. */
  public EthAddress getGovernance() {
    return Abi.toEthAddress(call1(Abi.view("getGovernance", Abi.ADDRESS)));
  }

  /** {@code getRewardDistributor()}. */
  public EthAddress getRewardDistributor() {
    return Abi.toEthAddress(call1(Abi.view("getRewardDistributor", Abi.ADDRESS)));
  }

  /**
   * The rollup for {@code ROLLUP_VERSION}, or the canonical one when {@code version} is empty. As
   * the official node, a version that is not registered is retried as an index into the version
   * list.
   */
  public EthAddress resolveRollup(java.util.OptionalLong version) {
    if (version.isEmpty()) {
      return getCanonicalRollup();
    }
    long v = version.getAsLong();
    try {
      return getRollup(v);
    } catch (ContractCallException notAVersion) {
      // Registry__RollupNotRegistered: try it as an index, as the official node does
    }
    if (v >= 0 && v < numberOfVersions()) {
      return getRollup(getVersion(v));
    }
    throw new ContractCallException(
        "registry "
            + address()
            + " has no rollup of version "
            + v
            + " (ROLLUP_VERSION); registered versions: "
            + versions());
  }

  /**
   * The address book a node can learn from the registry alone: registry, governance and its
   * proposer, the rollup and what it points to, and the coin issuer (the fee asset's owner). The
   * deploy-only addresses (slash factory, handlers, zkPassport verifier, relayer) stay absent.
   */
  public L1ContractAddresses collectAddresses(java.util.OptionalLong version) {
    EthAddress governance = getGovernance();
    EthAddress governanceProposer =
        Abi.toEthAddress(
            new ContractReader(rpc(), governance)
                .call1(Abi.view("governanceProposer", Abi.ADDRESS)));
    RollupContract rollup = new RollupContract(rpc(), resolveRollup(version));
    RollupContract.RollupAddresses r = rollup.readAddresses();
    EthAddress coinIssuer = new Erc20Contract(rpc(), r.feeJuice()).owner();
    return new L1ContractAddresses(
        address(),
        null,
        null,
        rollup.address(),
        r.inbox(),
        r.outbox(),
        r.feeJuice(),
        r.stakingAsset(),
        r.feeJuicePortal(),
        coinIssuer,
        r.rewardDistributor(),
        governanceProposer,
        governance,
        null,
        null,
        r.gse(),
        null);
  }
}
