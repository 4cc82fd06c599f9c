/**
 * The Aztec buffer and field serialization conventions of {@code @aztec/foundation/serialize}.
 *
 * <p>Owns {@link io.quetzal.foundation.serialize.BufferWriter} (the official {@code
 * serializeToBuffer} and the {@code numTo…}/{@code serializeBigInt} helpers), {@link
 * io.quetzal.foundation.serialize.BufferReader} (the official {@code BufferReader}), {@link
 * io.quetzal.foundation.serialize.BigInts} (big-endian bigint widths, including the {@code
 * toBufferBE} truncation of oversize values), {@link io.quetzal.foundation.serialize.FieldReader}
 * and {@link io.quetzal.foundation.serialize.FieldSerialization} (the official {@code FieldReader}
 * and {@code serializeToFields}).
 *
 * <p>Conventions, all big-endian: a number is a u32 in 4 bytes; a bigint 32 bytes; a boolean one
 * byte; a string a u32 count of UTF-16 units then UTF-8 bytes; a buffer either raw or behind a u32
 * byte count; a vector a u32 (or u8) element count then its elements; {@code Fr}/{@code Fq} 32
 * bytes. Errors are {@link io.quetzal.foundation.serialize.SerializationException}s carrying the
 * official message texts, so that errors a peer sees are the same as from the official node.
 *
 * <p>Readers and writers hold a cursor and are not thread-safe; the static helpers are.
 */
package io.quetzal.foundation.serialize;
