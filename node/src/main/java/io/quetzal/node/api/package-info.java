/**
 * The {@code node_*} API backed by the world state and the archiver's store.
 *
 * <pre>
 *   JSON-RPC ─▶ NodeApi ─┬─▶ WorldState (reads at a block: witnesses, leaf indexes, storage)
 *                        ├─▶ BlockSource  (numbers, tips, hash → number) ◀── archiver wiring
 *                        ├─▶ L1ToL2MessageSource (optional; else the store's message index)
 *                        └─▶ ArchiveApi ─▶ ArchiverStore (optional: blocks, checkpoints, txs,
 *                                          logs, contracts; JSON in ArchiveJson)
 * </pre>
 *
 * <p><b>Archiver-backed methods</b> ({@link
 * io.quetzal.node.api.NodeMethodTable#SERVED_WITH_ARCHIVER}, served when {@code NodeApi} is given
 * an {@code ArchiverStore}; -32601 without): answered as the official node over its archiver,
 * checked byte for byte against the recorded answers. Kept from the official node: block 0 is
 * {@code L2Block.empty(initialHeader)} and the initial header, both with the {@code
 * "_cachedHash":{}} of a header whose hash was computed (the archiver's headers by
 * number/hash/archive have none; its blocks have it); {@code getBlockHeader("latest")} reads the
 * store's latest block; an unknown tx's receipt is {@code {txHash, status:"dropped", error:"Tx
 * dropped by P2P node"}} (no tx pool yet, so never {@code pending}); {@code getContract} resolves
 * class updates at the latest block's timestamp (0 before any block); the log filters' store
 * semantics ({@code toBlock} exclusive, {@code toBlock} below the start answers {@code
 * maxLogsHit:true}); {@code getContractClass} carries {@code l2BlockNumber} first and {@code id}
 * last, as the official class store builds the object; a reference block hash that is not in the
 * chain fails the tagged-log methods. Epochs ({@code getTxReceipt}'s {@code epochNumber}, {@code
 * getCheckpointsDataForEpoch}, {@code getL2ToL1Messages}) need {@code Info.epochDuration}.
 *
 * <p><b>Deviations</b>: {@code getCheckpointsDataForEpoch} fails (-32702) for a checkpoint with
 * L2→L1 messages, whose out hash (a wonky SHA tree) is not computed yet (zero without messages);
 * private and utility functions broadcast individually are not in {@code getContractClass} (the
 * store does not keep them: always {@code []}); {@code registerContractFunctionSignatures}
 * validates and forgets (the names only serve simulation debug logs); a fractional limit counts as
 * the next integer, a fractional page as its floor; block numbers beyond u32 find nothing.
 *
 * <p><b>getL2Tips</b> is the official object exactly (no extra {@code number}/{@code latest}
 * members), so differential runs against the official node compare equal.
 *
 * <p><b>Block parameters</b> resolve as the official {@code #getWorldState}: {@code "latest"} is
 * the committed state; a number above the synced block fails ("Queried block N not yet synced by
 * the node ..."); a hash equal to the initial header's hash (archive leaf 0, which depends on the
 * prefill) is block 0, any other hash goes through {@link
 * io.quetzal.node.api.BlockSource#getBlockNumberByHash} (a miss fails "Block hash ... not found
 * when querying world state ..."). The string {@code "4"} is the hash {@code 0x…04} (parsed by
 * {@code JsonCodecs.parseBlockParameter}).
 *
 * <p><b>Quirks kept</b>: {@code getBlockHashMembershipWitness(N, h)} proves against block N-1's
 * archive (so N = 0 fails "BlockNumber must be non-negative, got -1"); {@code
 * getLowNullifierMembershipWitness} returns the nullifier's own leaf when present; {@code
 * findLeavesIndexes} on the public data tree fails with the official facade's buffer error; {@code
 * getL1ToL2MessageCheckpoint} treats index 0 as unknown. {@code node_getArchiveSiblingPath} (gone
 * from 4.x, still in operators' guides) is served with its older schema: {@code ["<block
 * number>"|"latest", "<leaf index>"]} → the base64 {@code SiblingPath} of that archive leaf at that
 * block.
 *
 * <p><b>Method table</b>: {@link io.quetzal.node.api.NodeMethodTable} lists the 55 official methods
 * and what each unserved one waits for; the dispatcher answers those {@code -32601} naming it.
 * Methods that only do point reads are declared quick and run on the HTTP event loop.
 */
package io.quetzal.node.api;
