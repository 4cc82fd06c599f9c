/**
 * The L1 side of the archiver: what the node reads from the Rollup and the Inbox to follow the
 * pending chain (the official {@code @aztec/archiver/src/l1}).
 *
 * <p>Owns:
 *
 * <ul>
 *   <li>{@link io.quetzal.ethereum.archive.ArchiveL1Reader}: {@code eth_getLogs} over L1 block
 *       ranges for {@code CheckpointProposed}, {@code L2ProofVerified}, {@code PrunedPending},
 *       {@code CheckpointInvalidated} and Inbox {@code MessageSent}; the views the sync loop pins
 *       to a block tag ({@code archiveAt}, {@code getTips}, {@code getProvenCheckpointNumber} at
 *       {@code finalized}, {@code getCheckpoint}, {@code canPruneAtTime}, {@code Inbox.getState}).
 *   <li>{@link io.quetzal.ethereum.archive.RollupEvents} and {@link
 *       io.quetzal.ethereum.archive.L1Log}: topic hashes and strict decoders.
 *   <li>{@link io.quetzal.ethereum.archive.CalldataRetriever} and {@link
 *       io.quetzal.ethereum.archive.ProposeCall}: the checkpoint header, archive, fee modifier,
 *       attestations, signers and blob commitments from the proposing transaction (Multicall3
 *       {@code aggregate3}, a direct {@code propose}, the {@link
 *       io.quetzal.ethereum.archive.SpireProposer} wrapper, else the one successful propose call in
 *       its {@code trace_transaction}/{@code debug_traceTransaction} trace, see {@link
 *       io.quetzal.ethereum.archive.TracedCalls}), the right call chosen by recomputing the event's
 *       {@code attestationsHash} and {@code payloadDigest}.
 *   <li>{@link io.quetzal.ethereum.archive.ConsensusPayload}, {@link
 *       io.quetzal.ethereum.archive.CommitteeAttestations} and {@link
 *       io.quetzal.ethereum.archive.AttestationValidation}: the signed payload, the packed
 *       attestations and the archiver's quorum check ({@code floor(2n/3)+1} signatures, each in its
 *       committee position), with the official result kinds.
 *   <li>{@link io.quetzal.ethereum.archive.InboxMessage}: L1→L2 message records and the rolling
 *       hash {@code bytes16(keccak256(prev ‖ leaf))}, starting from zero.
 * </ul>
 *
 * <p>Design: ABI data is decoded by hand with {@link io.quetzal.ethereum.archive.AbiReader}, not
 * web3j's reflective decoder, so every malformed input (short calldata, offsets past the end,
 * lengths that do not fit, non-field values) is an {@link
 * io.quetzal.ethereum.archive.L1DecodeException} naming the field, never an index error. The header
 * hash is computed here from {@code CheckpointHeader}'s fields (the 316-byte packing of {@code
 * ProposedHeaderLib.hash}); it can move to stdlib once the header has its own codec.
 *
 * <p>Checked against the official 4.1.2 local network (test resources): all nine proposals decode,
 * their recomputed hashes equal the events', and their headers equal {@code node_getCheckpoints}.
 *
 * <p>Not done: epoch proof ({@code submitEpochRootProof}) calldata.
 *
 * <p>Thread-safety: records are immutable; the reader and retriever are stateless over a
 * thread-safe {@link io.quetzal.ethereum.rpc.L1RpcClient}.
 */
package io.quetzal.ethereum.archive;
