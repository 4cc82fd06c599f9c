/**
 * Byte-level helpers shared by every codec: {@link io.quetzal.foundation.bytes.Hex} encodes and
 * decodes the {@code 0x}-prefixed lower-case hex of the Aztec and Ethereum wire formats.
 *
 * <p>Stateless and thread-safe. Decoding errors say what is wrong and where, never echoing the
 * input, which may be a key.
 */
package io.quetzal.foundation.bytes;
