package io.quetzal.ethereum.local;

import io.quetzal.foundation.field.Fr;

/**
 * The two protocol commitments of the rollup's genesis state that do not depend on the funded
 * accounts. Facts of Aztec 4.1.2: {@code getVKTreeRoot()} of {@code
 * @aztec/noir-protocol-circuits-types/vk-tree} and {@code protocolContractsHash} of {@code
 * @aztec/protocol-contracts} (the official node also sends them as the {@code
 * x-aztec-l2circuitsvktreeroot} and {@code x-aztec-l2protocolcontractshash} response headers).
 */
public final class ProtocolCommitments {
  /** The VK tree root. */
  public static final Fr VK_TREE_ROOT =
      Fr.fromHexString("0x1dd2644a17d1ddd8831287a78c5a1033b7ae35cdf2a3db833608856c062fc2ba");

  /** The protocol contracts hash. */
  public static final Fr PROTOCOL_CONTRACTS_HASH =
      Fr.fromHexString("0x2672340d9a0107a7b81e6d10d25b854debe613f3272e8738e8df0ca2ff297141");

  private ProtocolCommitments() {}
}
