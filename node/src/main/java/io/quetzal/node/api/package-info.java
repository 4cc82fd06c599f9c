/**
 * The {@code node_*} API backed by the world state, and the seams the archiver plugs into.
 *
 * <pre>
 *   JSON-RPC ─▶ NodeApi ─┬─▶ WorldState (reads at a block: witnesses, leaf indexes, storage)
 *                        ├─▶ BlockSource        ◀── archiver (later) | WorldStateBlockSource (now)
 *                        └─▶ L1ToL2MessageSource ◀── archiver (later; the two methods need it)
 * </pre>
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
