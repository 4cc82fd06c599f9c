/**
 * Read-only views of the Aztec 4.1.2 L1 contracts.
 *
 * <p>Owns: {@link io.quetzal.ethereum.contracts.RegistryContract} (canonical rollup, versions,
 * governance, and the address book a node derives from a registry), {@link
 * io.quetzal.ethereum.contracts.RollupContract} (satellite addresses, configuration, archive, tips,
 * attesters and committees), {@link io.quetzal.ethereum.contracts.RollupConfig} (the immutable
 * configuration read at start) and {@link io.quetzal.ethereum.contracts.L1ContractAddresses} (the
 * official address book and its JSON).
 *
 * <p>Flow: {@code REGISTRY_CONTRACT_ADDRESS} → {@code getCanonicalRollup()} (or {@code
 * getRollup(ROLLUP_VERSION)}) → {@code Rollup.getInbox/getOutbox/getFeeAssetPortal/getGSE/...} and
 * {@code readConfig()}. Calls are plain {@code eth_call}s through {@link
 * io.quetzal.ethereum.rpc.L1RpcClient}; the ABI codec is web3j's. Function names and selectors are
 * those of the official ABI (l1-artifacts 4.1.2). Stateless and thread-safe.
 */
package io.quetzal.ethereum.contracts;
