package io.quetzal.node;

import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.ethereum.rpc.L1RpcClient;
import java.util.Objects;

/**
 * The node's view of L1: a client, the chain id, the rollup version and the contract addresses.
 *
 * @param rpc the L1 client (owned by the caller)
 */
public record NodeL1(
    L1RpcClient rpc, long chainId, long rollupVersion, L1ContractAddresses addresses) {
  public NodeL1 {
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(addresses, "addresses");
  }
}
