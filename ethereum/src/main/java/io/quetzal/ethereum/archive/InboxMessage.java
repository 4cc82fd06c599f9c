package io.quetzal.ethereum.archive;

import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import java.util.Arrays;
import java.util.List;

/**
 * An L1→L2 message as the Inbox announced it ({@code MessageSent}).
 *
 * @param index the global leaf index in the L1→L2 message tree ({@code (inProgress-1)*1024+pos})
 * @param leaf the message hash (the tree leaf)
 * @param rollingHash the Inbox's rolling hash after this message
 * @param checkpointNumber the checkpoint that will consume it
 * @param l1BlockNumber the L1 block of the log
 * @param l1 where the log is
 */
public record InboxMessage(
    long index,
    Fr leaf,
    Bytes16 rollingHash,
    long checkpointNumber,
    long l1BlockNumber,
    L1EventRef l1) {

  /** The Inbox's update: {@code bytes16(keccak256(abi.encodePacked(prevRollingHash, leaf)))}. */
  public static Bytes16 nextRollingHash(Bytes16 previous, Fr leaf) {
    byte[] packed = new byte[Bytes16.SIZE + 32];
    System.arraycopy(previous.toBytes(), 0, packed, 0, Bytes16.SIZE);
    System.arraycopy(leaf.toBytes(), 0, packed, Bytes16.SIZE, 32);
    return Bytes16.wrap(Arrays.copyOf(Keccak256.hash(packed), Bytes16.SIZE));
  }

  /**
   * Checks that {@code messages} (in emission order) chain from {@code previous} (zero for the
   * Inbox's first message) and returns the final rolling hash.
   *
   * @throws L1DecodeException naming the first message whose rolling hash does not follow
   */
  public static Bytes16 verifyChain(Bytes16 previous, List<InboxMessage> messages) {
    Bytes16 h = previous;
    for (InboxMessage m : messages) {
      Bytes16 expected = nextRollingHash(h, m.leaf());
      if (!expected.equals(m.rollingHash())) {
        throw new L1DecodeException(
            "Inbox message "
                + m.index()
                + " (leaf "
                + m.leaf()
                + ", L1 block "
                + m.l1BlockNumber()
                + ") has rolling hash "
                + m.rollingHash()
                + ", expected "
                + expected);
      }
      h = expected;
    }
    return h;
  }
}
