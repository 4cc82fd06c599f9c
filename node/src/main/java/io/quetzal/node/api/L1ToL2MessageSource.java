package io.quetzal.node.api;

import io.quetzal.foundation.field.Fr;
import java.util.OptionalLong;

/**
 * The L1→L2 messages seen on the Inbox (the official {@code L1ToL2MessageSource}), which the
 * archiver will implement: {@code node_getL1ToL2MessageCheckpoint} and {@code
 * node_isL1ToL2MessageSynced} need it. The witness ({@code node_getL1ToL2MessageMembershipWitness})
 * does not: it only reads the world state's L1→L2 tree.
 */
public interface L1ToL2MessageSource {
  /**
   * The global index of the message's leaf in the L1→L2 tree ({@code MessageSent}'s index;
   * checkpoint N owns indices from {@code (N - 1) * 1024}), if the message was seen.
   */
  OptionalLong getL1ToL2MessageIndex(Fr message);
}
