/**
 * Module {@code ethereum}: everything Quetzal does with L1.
 *
 * <ul>
 *   <li>{@link io.quetzal.ethereum.rpc}: the JSON-RPC client (failover, retries, rate limits,
 *       chain-id check);
 *   <li>{@link io.quetzal.ethereum.contracts}: read-only views of the Aztec L1 contracts (Registry
 *       → canonical Rollup → Inbox, Outbox, FeeJuicePortal, GSE, ...), the rollup configuration a
 *       node reads at start, and the L1 contract address book;
 *   <li>{@link io.quetzal.ethereum.archive}: the archiver's L1 reads: events, propose calldata,
 *       attestation checks, L1→L2 messages;
 *   <li>{@link io.quetzal.ethereum.blobs}: the blob client (file stores, beacon API, KZG checks);
 *   <li>{@link io.quetzal.ethereum.bn254}: the BN254 G2 arithmetic needed to register validators;
 *   <li>{@link io.quetzal.ethereum.local}: the local network's L1: the self-installed anvil/forge
 *       toolchain, the anvil process, and the deployment of the official Aztec 4.1.2 L1 contracts
 *       with Quetzal's genesis.
 * </ul>
 *
 * <p>Depends on {@code foundation} and {@code stdlib} only, plus web3j's {@code abi} and {@code
 * crypto} artifacts (ABI codec, key derivation, transaction signing), c-kzg ({@code jc-kzg-4844})
 * and {@code snappy-java}.
 */
package io.quetzal.ethereum;
