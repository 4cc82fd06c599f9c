/**
 * Wrapping secrets so that they cannot leak by accident.
 *
 * <p>A {@link io.quetzal.foundation.secret.Secret} holds a value that must never reach a log, an
 * error message, a help text or an API response: validator and publisher private keys, API keys,
 * peer-id keys. Every implicit route to text ({@code toString}, string concatenation, logging
 * placeholders, record {@code toString}) yields {@code <redacted>}; the only way to the value is
 * the explicit {@link io.quetzal.foundation.secret.Secret#reveal()}, which makes each use easy to
 * find in review ({@code grep reveal}).
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Equality is by value, so configs holding secrets can be compared (round-trip tests, change
 *       detection on reload). Byte arrays are compared in constant time.
 *   <li>{@code hashCode} is consistent with {@code equals} but salted per JVM, so a logged hash
 *       code does not reveal a small value (the hash code of an {@code Integer} is the integer).
 *   <li>Not {@code Serializable}: a secret must be written out deliberately, after {@code
 *       reveal()}.
 *   <li>It cannot stop code that reveals the value and then prints it; it makes that code visible.
 * </ul>
 *
 * <p>Modelled on Aztec's {@code SecretValue} ({@code @aztec/foundation/config/secret_value.ts}).
 */
package io.quetzal.foundation.secret;
