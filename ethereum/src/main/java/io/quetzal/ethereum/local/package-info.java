/**
 * The local network's L1: phase 1 of {@code quetzal start --local-network}.
 *
 * <p><b>Owns.</b> The self-installing toolchain ({@link
 * io.quetzal.ethereum.local.L1ToolchainInstaller}: pinned npm packages {@code
 * @foundry-rs/anvil@1.7.1}, {@code @foundry-rs/forge@1.5.1}, {@code @aztec/l1-artifacts@4.1.2} in
 * {@code <cache>/l1-toolchain/<versionKey>/}, a stamp file, a solc stand-in so forge runs offline on
 * the shipped build cache); the anvil process ({@link io.quetzal.ethereum.local.Anvil}); the
 * deployment of the official Aztec L1 contracts ({@link io.quetzal.ethereum.local.AztecL1Deployer},
 * {@link io.quetzal.ethereum.local.ForgeScript}) with the arguments the official local network uses
 * ({@link io.quetzal.ethereum.local.L1ContractsConfig}, {@link
 * io.quetzal.ethereum.local.AztecL1DeployArgs}) but Quetzal's genesis archive root and validators
 * ({@link io.quetzal.ethereum.local.LocalValidator}); the record of what was deployed ({@link
 * io.quetzal.ethereum.local.DeployedL1Contracts}, {@code <data-directory>/l1-contracts.json}); and
 * deployed-state snapshots ({@link io.quetzal.ethereum.local.AnvilStateCache}).
 *
 * <p><b>Flow</b> ({@link io.quetzal.ethereum.local.LocalNetworkL1#start}): ensure the toolchain →
 * compute the genesis (stdlib: funded accounts → {@code GenesisValues} → archive root, and the
 * portal funding) → derive the validators from the mnemonic → snapshot hit? start anvil with
 * {@code --load-state} and check the registry, rollup, archive root and version : start anvil,
 * deploy Multicall3, set the 12 s block interval, run the forge deploy script, jump past slot 0,
 * jump to the first epoch with a committee, store a snapshot → write {@code l1-contracts.json}.
 *
 * <p><b>Time.</b> Once the node runs, {@link io.quetzal.ethereum.local.SlotWarper} (the official
 * {@code AnvilTestWatcher}) moves anvil's clock through {@link
 * io.quetzal.ethereum.local.AnvilCheatCodes}: to the next slot when the current one holds a
 * checkpoint, when it went by with pending txs, when the node's clock passed it, and to the wall
 * clock when L1 lags by more than a slot. {@link io.quetzal.ethereum.local.L1FollowingClock} (the
 * official {@code TestDateProvider}) is the node's clock and jumps with every warp.
 *
 * <p><b>Differences from the official local network</b>, all deliberate: anvil is bound to
 * {@code 127.0.0.1:ANVIL_PORT} (the official wrapper always uses 8545); forge runs natively rather
 * than through {@code forge_broadcast.js} (same flags, timeouts and retry rules, re-implemented);
 * the solc stand-in refuses to compile instead of handing over to solcjs; four validators from the
 * mnemonic (accounts 0-3) form a committee of four, where the official deploys none; and the
 * resulting extra jump of L1 time to the first epoch whose committee exists. Everything the deploy
 * script reads comes from {@link io.quetzal.ethereum.local.AztecL1DeployArgs}, never from the
 * caller's environment.
 *
 * <p><b>Processes.</b> Every tool runs under a {@code sh} watchdog that ends it when the JVM's pipe
 * closes (even after SIGKILL of the JVM); {@link io.quetzal.ethereum.local.ChildProcesses} also
 * stops them from a shutdown hook. Loopback only; every wait is bounded.
 *
 * <p><b>Thread-safety.</b> Installing is serialised (a JVM monitor and a file lock); the records are
 * immutable; {@link io.quetzal.ethereum.local.LocalNetworkL1} is started once and closed once.
 */
package io.quetzal.ethereum.local;
