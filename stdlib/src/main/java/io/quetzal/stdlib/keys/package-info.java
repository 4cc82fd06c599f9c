/**
 * Grumpkin arithmetic and account keys: {@link io.quetzal.stdlib.keys.Grumpkin}, {@link
 * io.quetzal.stdlib.keys.PublicKeys} and {@link io.quetzal.stdlib.keys.KeyDerivation} (secret key →
 * master keys → public keys → address). Used to derive the addresses a local network funds at
 * genesis; everything is checked against the official derivation in the stdlib vectors. Stateless,
 * thread-safe.
 */
package io.quetzal.stdlib.keys;
