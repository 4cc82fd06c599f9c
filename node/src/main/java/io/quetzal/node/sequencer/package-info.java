/**
 * The node's sequencer wiring: {@link io.quetzal.node.sequencer.SequencerRuntime} assembles the
 * validator keys and slashing protection ({@code <dir>/validator}), the epoch cache on the node's
 * clock, the L1 publisher (its gas settings, blob upload to the file store), the rollup view the
 * slot loop asks {@code canProposeAtTime}, and the slot loop itself, which reads the archiver's
 * store, its synced L1 timestamp and the world state. It serves the loop's figures for {@code GET
 * /metrics}. The local network runs it on the L1-following clock with instant inclusion; {@code
 * --sequencer} on a deployed network runs it on the system clock.
 */
package io.quetzal.node.sequencer;
