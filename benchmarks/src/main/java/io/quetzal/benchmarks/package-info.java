/**
 * JMH benchmarks, never part of the test suite: Poseidon2 (native kernel and Java, with the inputs
 * of the shared poseidon2-bench.mjs so figures compare directly with barretenberg's), BN254 field
 * arithmetic and secp256k1. Run them with {@code scripts/bench.sh} or, side by side with the
 * official implementation, {@code scripts/bench-poseidon2.sh}.
 */
package io.quetzal.benchmarks;
