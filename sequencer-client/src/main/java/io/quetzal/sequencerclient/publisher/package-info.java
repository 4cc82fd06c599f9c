/**
 * The sequencer's L1 publisher (the official {@code @aztec/sequencer-client/src/publisher} with the
 * parts of {@code @aztec/ethereum/src/l1_tx_utils} and {@code @aztec/blob-client} it uses).
 *
 * <p><b>Owns.</b> Calldata: {@link io.quetzal.sequencerclient.publisher.ProposeCalldata} ({@code
 * Rollup.propose}, the inverse of the archiver's {@code ProposeCall.decode}) and {@link
 * io.quetzal.sequencerclient.publisher.Multicall3} ({@code aggregate3}); transactions: {@link
 * io.quetzal.sequencerclient.publisher.L1Transaction} (EIP-1559 and EIP-4844 signing, the blob
 * network wrapper) and {@link io.quetzal.sequencerclient.publisher.BlobSidecar} (c-kzg proofs);
 * sending: {@link io.quetzal.sequencerclient.publisher.L1TxSender} (nonce, fees, speed-ups,
 * deadline, cancellation), {@link io.quetzal.sequencerclient.publisher.FeePolicy} and {@link
 * io.quetzal.sequencerclient.publisher.FeeOracle}; the bundle: {@link
 * io.quetzal.sequencerclient.publisher.SequencerPublisher} with {@link
 * io.quetzal.sequencerclient.publisher.ProposeRequest}; and {@link
 * io.quetzal.sequencerclient.publisher.BlobUploader} ({@code BLOB_FILE_STORE_UPLOAD_URL}).
 *
 * <p><b>Flow.</b> The sequencer builds a {@code ProposeRequest} → {@code enqueueProposeCheckpoint}
 * (blob validation gas, {@code eth_simulateV1} of {@code propose}, gas limit) → other calls may be
 * enqueued → {@code sendRequests(currentSlot)} → one type-3 transaction to Multicall3 → receipt →
 * per-action result; the blobs go to the file store in any case.
 *
 * <p><b>Design.</b> ABI and RLP are written by hand (web3j's RLP codec only): the layouts are fixed
 * and the proof that they are right is byte equality with the nine proposals the official node sent
 * (tests). The transaction is signed with the project's RFC 6979 secp256k1 and checked against
 * web3j's own decoder. web3j's {@code BlobUtils} is not used: it loads the KZG setup in its static
 * initialiser, which the ethereum module's {@code Kzg} already owns.
 *
 * <p><b>Deviations from the official node</b>, deliberate: time for stall and deadline checks is
 * the injected clock (the node's clock), not the latest L1 block's timestamp (so a stuck L1 that
 * mines nothing still times out); the cancellation of a timed-out transaction is sent once and not
 * followed; fee inputs that fail (pending block, fee history) count as absent rather than being
 * retried; there is no persistent tx store (no resume after restart), no forwarder contract ({@code
 * SEQ_PUBLISHER_FORWARDER_ADDRESS}), no multiple publisher keys, no EIP-7594 (cell proof) sidecars,
 * no error decoding of reverted bundles. Speed-ups bump the priority fee by {@code
 * L1_PRIORITY_FEE_RETRY_BUMP_PERCENTAGE} (50%, at least 100% for blob transactions, which geth's
 * blob pool requires), the first attempt by {@code L1_PRIORITY_FEE_BUMP_PERCENTAGE} (20%), as the
 * official.
 *
 * <p><b>Secrets.</b> The publisher key ({@code SEQ_PUBLISHER_PRIVATE_KEY}) is used to sign only; it
 * never reaches logs or exception messages (only the address does).
 */
package io.quetzal.sequencerclient.publisher;
