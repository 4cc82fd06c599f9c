/**
 * The archiver: follows the canonical rollup on L1 and keeps what the node serves.
 *
 * <p>Design notes are filled in as the parts land (store, L1 synchronizer, world-state feed).
 */
package io.quetzal.archiver;
