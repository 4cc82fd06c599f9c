/**
 * Blob data of checkpoints ({@code @aztec/blob-lib}): the field layout and markers ({@link
 * io.quetzal.stdlib.blob.BlobFieldCodec}, {@link io.quetzal.stdlib.blob.TxStartMarker}, {@link
 * io.quetzal.stdlib.blob.BlockEndMarker}, {@link io.quetzal.stdlib.blob.BlockEndStateField}, {@link
 * io.quetzal.stdlib.blob.CheckpointEndMarker}), blob bytes and versioned hashes ({@link
 * io.quetzal.stdlib.blob.Blob}), the Poseidon2 {@link io.quetzal.stdlib.blob.SpongeBlob} behind
 * each block's {@code spongeBlobHash}, and the file-store format ({@link
 * io.quetzal.stdlib.blob.BlobFileFormat}: raw, unframed snappy of {@code {"blob","kzg_commitment"}}
 * JSON).
 *
 * <p>Pitfalls: markers are packed most significant first (the prefix on top); the checkpoint end
 * marker counts itself; only the first block of a checkpoint carries the L1→L2 root; private logs
 * are {@code len ‖ fields} but public logs are flattened with their own headers; a class log adds
 * its address before its fields. Every malformed input raises {@link
 * io.quetzal.stdlib.blob.BlobDecodingException} (never an index error). KZG (computing or opening
 * commitments) is not here. Pure codecs: no I/O; all types immutable except the sponge.
 */
package io.quetzal.stdlib.blob;
