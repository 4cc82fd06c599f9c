/**
 * The archiver's store: checkpoints, blocks, tx effects, logs, L1→L2 messages and contract data on
 * one {@link io.quetzal.kvstore.KvStore} ({@link io.quetzal.archiver.store.ArchiverStore}), with
 * the semantics of the official {@code @aztec/archiver/src/store} (block, log, message, contract
 * class/instance stores and the store updater's log/contract extraction).
 *
 * <p><b>Atomicity.</b> Every write method is one write transaction: {@code addCheckpoints} stores
 * the blocks, tx effects, indices, logs, contract data and {@code blocksSynchedTo} together, {@code
 * removeCheckpointsAfter} takes all of it back together, {@code addL1ToL2Messages} stores messages,
 * indices, count and {@code messagesSynchedTo} together. A crash leaves the store at a method
 * boundary. Single writer (the synchronizer thread).
 *
 * <p><b>Reads</b> each open a committed snapshot (no lock against the writer; any thread); {@code
 * read(view -> ...)} runs several reads on one snapshot.
 *
 * <p><b>Key layout</b> (numbers big-endian: u32 block/checkpoint numbers, u64 slots, message
 * indices, timestamps):
 *
 * <ul>
 *   <li>{@code archiver_blocks}: block u32 → hash ‖ checkpoint u32 ‖ index u32 ‖ archive ‖ header
 *       buffer ‖ u32 n ‖ n tx hashes
 *   <li>{@code archiver_tx_effects}: tx hash → block u32 ‖ tx index u32 ‖ block hash ‖ TxEffect
 *       buffer
 *   <li>{@code archiver_block_hash_index}, {@code archiver_block_archive_index}: hash/root → block
 *   <li>{@code archiver_checkpoints}: checkpoint u32 → header ‖ archive ‖ fee modifier (int256) ‖
 *       start block ‖ block count ‖ L1 (number u64, timestamp u64, hash) ‖ attestations (u32 n,
 *       address 20 ‖ signature 68)
 *   <li>{@code archiver_slot_to_checkpoint}: slot u64 → checkpoint u32
 *   <li>{@code archiver_meta}: ASCII keys {@code blocksSynchedTo}, {@code messagesSynchedTo},
 *       {@code provenCheckpoint}, {@code finalizedCheckpoint}, {@code pendingChainValidationStatus}
 *       (opaque bytes), {@code l1ToL2MessageCount}
 *   <li>{@code archiver_l1_to_l2_messages}: index u64 → message (index, leaf, rolling hash,
 *       checkpoint, L1 block, L1 event ref); {@code archiver_l1_to_l2_message_indices}: leaf →
 *       index
 *   <li>{@code archiver_private_logs_by_tag}: tag ‖ block u32 ‖ tx u32 ‖ log u32 → TxScopedL2Log
 *       (so a tag's logs are one ordered range, paged 10 at a time); {@code
 *       archiver_public_logs_by_tag}: contract ‖ tag ‖ block ‖ tx ‖ log → TxScopedL2Log
 *   <li>{@code archiver_public_logs_by_block}, {@code archiver_contract_class_logs_by_block}: block
 *       → block hash ‖ per tx (index u32, tx hash, u32 n, logs)
 *   <li>{@code archiver_contract_classes}: class id → version, artifact hash, private functions
 *       root, bytecode commitment, block, packed bytecode
 *   <li>{@code archiver_contract_instances}: address → block, version, salt, deployer, class,
 *       initialization hash, public keys; {@code archiver_contract_instance_updates}: address ‖
 *       block timestamp u64 ‖ update index u32 → prev class, new class, timestamp of change
 * </ul>
 *
 * <p><b>Pitfalls kept from the official store.</b> Log filters: {@code toBlock} is exclusive, a
 * {@code toBlock} below the start answers {@code maxLogsHit=true}, {@code afterLog} restarts every
 * later block at its tx index and every tx at its log index + 1; a class is deleted on unwind only
 * if it was published at or after the removed block; an instance whose address does not derive from
 * its fields is ignored. Deviations: an invalid class publication (bad id/version) is logged and
 * ignored rather than failing the write; individually broadcast private/utility functions are not
 * stored; checkpoint out hashes are not stored; proposed (uncheckpointed) blocks are not supported
 * yet.
 */
package io.quetzal.archiver.store;
