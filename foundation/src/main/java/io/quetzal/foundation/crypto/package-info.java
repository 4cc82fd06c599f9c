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
 * <p>Poseidon2 also has a native kernel, because it dominates block processing (hundreds of
 * thousands of 2-to-1 tree hashes per block) and Java, without add-with-carry or a 64x64-to-128-bit
 * multiply, needs about 22 us per permutation. The kernel is our own C ({@code
 * native/poseidon2_bn254.c} in this package's resources: MULX/ADC scalar arithmetic, AVX-512 IFMA
 * vector kernels where the CPU has them, a portable {@code __int128} build elsewhere) on the same
 * Montgomery limbs, so states cross the FFM boundary as raw {@code long[]}s with no conversion. On
 * first use it is compiled with the system C compiler ({@code cc}, {@code gcc} or {@code clang};
 * flags from the CPU features in {@code /proc/cpuinfo}) into {@code $QUETZAL_NATIVE_CACHE} or
 * {@code ~/.cache/quetzal/native}, in a directory named by the SHA-256 of the source and flags
 * (written through a temporary file and an atomic rename, so concurrent JVMs are safe, and reused
 * afterwards), loaded with {@code SymbolLookup.libraryLookup}, bound as critical downcalls that
 * read and write Java heap arrays in place, and accepted only after a self-test against the Java
 * implementation. If anything fails (no compiler, compile or load error, self-test mismatch) one
 * WARN line is logged and the pure-Java code is used; {@code -Dquetzal.poseidon2.native=false} or
 * {@code QUETZAL_POSEIDON2_NATIVE=false} selects Java outright. {@code Poseidon2.implementation()}
 * reports which is in use, and {@code Poseidon2.hashPairs} is the batch 2-to-1 API for tree
 * hashing.
 *
 * <p>Everything here is stateless or immutable and safe to use from several threads.
 */
package io.quetzal.foundation.crypto;
