/**
 * The Aztec node ({@code aztec-node} of the official implementation): wiring of the services and
 * the {@code node_*} API.
 *
 * <pre>
 *   NodeL1 (client, chain id, rollup version, addresses)  ─┐
 *   genesis prefill ─▶ WorldState (LMDB, data-dir/world-state) ─▶ AztecNode ─▶ JSON-RPC (rpc/, api/)
 *                       archive root == Rollup.archiveAt(0) ?  ─┘      ▲
 *   ArchiverRuntime (data-dir/archiver): L1 ─▶ store ─▶ world state ───┘ (blocks, tips, logs)
 *   SequencerRuntime (local network): store + world-state fork ─▶ checkpoint ─▶ L1
 * </pre>
 *
 * <p>Start order: world state (genesis prefill), the archiver's store, the genesis check against L1
 * (a mismatch means the operator's genesis options differ from the deployment: refuse to start),
 * the server, then the archiver's loop (and, on a local network, the sequencer). Stop order is the
 * reverse. Without a data directory the stores live in a temporary directory deleted at stop. The
 * L1 (anvil for the local network) belongs to the caller.
 *
 * <p>Served: see {@link io.quetzal.node.api.NodeMethodTable}; {@code getL2Tips} keeps the official
 * shape plus {@code number} on each tip id and {@code latest}. Blocks come from a {@link
 * io.quetzal.node.api.BlockSource}: the archiver's store when the node runs one ({@link
 * io.quetzal.node.archiver.ArchiverBlockSource}), else the world state ({@link
 * io.quetzal.node.api.WorldStateBlockSource}); at genesis they are block 0 and checkpoint 0 with
 * the official constants {@code GENESIS_BLOCK_HEADER_HASH} and {@code
 * GENESIS_CHECKPOINT_HEADER_HASH}, as the official tips store answers whatever the prefill.
 */
package io.quetzal.node;
