/**
 * BN254 prime fields: {@link io.quetzal.foundation.field.Fr} (scalar field r, the field of Aztec
 * "Fr" values, Poseidon2 and the Noir native field) and {@link io.quetzal.foundation.field.Fq} (base
 * field p), the Java counterparts of {@code Fr}/{@code Fq} in {@code
 * @aztec/foundation/curves/bn254}.
 *
 * <p><b>Representation.</b> An element is four little-endian 64-bit limbs in Montgomery form
 * ({@code aR mod m}, {@code R = 2^256}). The limb arithmetic lives once, in the package-private
 * {@code Montgomery} class, instantiated per modulus: product-scanning multiplication with
 * interleaved reduction and split column accumulators (no carry compares), a dedicated squaring,
 * multiplication by precomputed constants, lazily reduced ({@code [0, 2m)}) variants for kernels, and
 * exponentiation, inversion (Fermat) and square roots (Tonelli-Shanks) on top. {@link
 * io.quetzal.foundation.field.FrLimbs} exposes the Fr kernels on caller-owned {@code long[]}s for
 * allocation-free code such as Poseidon2. {@link java.math.BigInteger} is only used for parsing,
 * printing and constant set-up.
 *
 * <p><b>Compatibility.</b> Parsing and serialization mirror the official classes, including their
 * quirks: strict {@code fromBytes} (values at or above the modulus are rejected, as {@code
 * fromBuffer}), reducing {@code fromBytesReduce}, {@code fromHexString} with optional {@code 0x}
 * and any digit count, {@code fromString} reading all-decimal strings as decimal, and {@code
 * toString()} as {@code 0x} + 64 lower-case hex digits. Differences are deliberate and documented on
 * the methods (e.g. {@code neg()} of zero is zero where the official {@code negate()} throws).
 *
 * <p><b>Thread-safety.</b> {@code Fr} and {@code Fq} are immutable values; {@code Montgomery} and
 * {@code FrLimbs} are stateless after class initialisation. All are safe to share between threads.
 */
package io.quetzal.foundation.field;
