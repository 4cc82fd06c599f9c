/**
 * The genesis state: which public data the official node prefills ({@link
 * io.quetzal.stdlib.genesis.GenesisValues}: FeeJuice balances of the funded accounts), how the
 * indexed trees start ({@link io.quetzal.stdlib.genesis.IndexedTreeGenesis}), and which accounts a
 * local network funds ({@link io.quetzal.stdlib.genesis.FundedAccounts}). The genesis archive root
 * itself needs the trees (module {@code world-state}): it is the root of the archive tree holding
 * the single leaf {@code BlockHeader.empty(initialState).hash()}. Stateless.
 */
package io.quetzal.stdlib.genesis;
