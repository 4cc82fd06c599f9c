/**
 * Logs carried by tx effects ({@code @aztec/stdlib/src/logs}): {@link
 * io.quetzal.stdlib.logs.PrivateLog} (16 fields + emitted length), {@link
 * io.quetzal.stdlib.logs.PublicLog} (address + any number of fields) and {@link
 * io.quetzal.stdlib.logs.ContractClassLog} (address + 3023 fields + emitted length).
 *
 * <p>Pitfalls: private and contract-class logs keep their zero padding in the buffer and JSON forms
 * but only the emitted fields go into blobs; public logs are flattened in blobs as {@code [len,
 * address, ...fields]} one after the other. Immutable records, thread-safe.
 */
package io.quetzal.stdlib.logs;
