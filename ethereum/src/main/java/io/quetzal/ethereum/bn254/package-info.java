/**
 * BN254 G2 arithmetic ({@link io.quetzal.ethereum.bn254.Fq2}, {@link
 * io.quetzal.ethereum.bn254.G2Point}): the validator registration tuple needs the BLS public key in
 * G2, which the EVM cannot compute; the official deployer computes it with noble, Quetzal with
 * this. Checked against vectors from the official toolchain's noble. Immutable values, no state.
 */
package io.quetzal.ethereum.bn254;
