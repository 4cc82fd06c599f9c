/**
 * The node's sequencer wiring: {@link io.quetzal.node.sequencer.SequencerRuntime} assembles the
 * validator keys and slashing protection ({@code <dir>/validator}), the epoch cache on the node's
 * clock, the L1 publisher with blob upload, and the slot loop.
 */
package io.quetzal.node.sequencer;
