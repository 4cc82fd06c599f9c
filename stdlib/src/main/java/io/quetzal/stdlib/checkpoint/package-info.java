/**
 * Checkpoints: {@link io.quetzal.stdlib.checkpoint.CheckpointHeader} (the L1 {@code
 * ProposedHeader}; buffer in {@code ProposedHeaderLib} order, hash {@code sha256ToField}), {@link
 * io.quetzal.stdlib.checkpoint.Checkpoint} (header, blocks, number, archive, fee modifier) and
 * {@link io.quetzal.stdlib.checkpoint.CheckpointReconstruction}, the archiver's rebuild of a
 * checkpoint's blocks from blob fields + header + the event's archive root.
 *
 * <p>Pitfalls: in the rebuild every block's L1→L2 root is the first block's, lastArchive's index is
 * the block number, the archive of block i is block i+1's lastArchiveRoot (the last one the
 * event's), the sponge runs across the checkpoint's blocks and is squeezed on a copy. A checkpoint
 * header's JSON slotNumber is a number (a block's is a hex field). Immutable, thread-safe.
 */
package io.quetzal.stdlib.checkpoint;
