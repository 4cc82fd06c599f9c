/**
 * Small protocol value types: {@link io.quetzal.foundation.types.EthAddress} and the typed numbers
 * ({@link io.quetzal.foundation.types.BlockNumber}, {@link
 * io.quetzal.foundation.types.CheckpointNumber}, {@link io.quetzal.foundation.types.SlotNumber},
 * {@link io.quetzal.foundation.types.EpochNumber}, {@link
 * io.quetzal.foundation.types.L1BlockNumber}).
 *
 * <p>The typed numbers replace the official "branded" TypeScript numbers: records over a
 * non-negative {@code long}, so that a slot cannot be passed where a block number is expected. The
 * official values are JavaScript numbers (exact up to 2^53); a {@code long} holds all of those.
 * Their JSON forms and the official parsing rules (which accept numeric strings, hex strings and
 * more) live in {@code io.quetzal.foundation.json}.
 *
 * <p>Everything here is immutable and thread-safe.
 */
package io.quetzal.foundation.types;
