/**
 * Hash functions and signatures of the Aztec protocol, compatible with the official 4.1.2
 * implementation.
 *
 * <p>Poseidon2 ({@link io.quetzal.foundation.crypto.Poseidon2}) reproduces barretenberg's BN254
 * permutation and sponge bit for bit; its permutation works on a caller-owned {@code long[16]} of
 * Montgomery limbs through {@link io.quetzal.foundation.field.FrLimbs} and does not allocate.
 * {@link io.quetzal.foundation.crypto.Sha256} provides SHA-256 (JCA) and the official {@code
 * sha256ToField} truncation. The other classes of the package (Keccak-256, secp256k1 and eth-sign)
 * document their own contracts.
 *
 * <p>Everything here is stateless or immutable and safe to use from several threads.
 */
package io.quetzal.foundation.crypto;
