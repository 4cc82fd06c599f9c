/**
 * The Aztec node ({@code aztec-node} of the official implementation): wiring of the services and
 * the {@code node_*} API.
 *
 * <pre>
 *   NodeL1 (client, chain id, rollup version, addresses)  ─┐
 *   genesis prefill ─▶ WorldState (LMDB, data-dir/world-state) ─▶ AztecNode ─▶ JSON-RPC (rpc/)
 *                       archive root == Rollup.archiveAt(0) ?  ─┘
 * </pre>
 *
 * <p>Start order: world state (genesis prefill), then the genesis check against L1 (a mismatch
 * means the operator's genesis options differ from the deployment: refuse to start), then the
 * server. Stop order is the reverse. Without a data directory the world state lives in a temporary
 * directory deleted at stop. The L1 (anvil for the local network) belongs to the caller.
 *
 * <p>Served: the world-state-backed methods and the node's own facts ({@link
 * io.quetzal.node.api.NodeApi}; the full table with what the others wait for is {@link
 * io.quetzal.node.api.NodeMethodTable}); {@code getL2Tips} keeps the official shape plus {@code
 * number} on each tip id and {@code latest}. Blocks come from a {@link
 * io.quetzal.node.api.BlockSource}: the archiver will provide one; until then {@link
 * io.quetzal.node.api.WorldStateBlockSource} answers from the world state; at genesis they are
 * block 0 and checkpoint 0 with the official constants {@code GENESIS_BLOCK_HEADER_HASH} and {@code
 * GENESIS_CHECKPOINT_HEADER_HASH}, as the official tips store answers whatever the prefill (the
 * initial header with a prefill hashes differently).
 */
package io.quetzal.node;
