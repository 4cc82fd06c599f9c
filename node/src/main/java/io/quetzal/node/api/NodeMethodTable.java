package io.quetzal.node.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every method of the official {@code AztecNodeApiSchema} (stdlib 4.1.2, 55 methods) with what this
 * build needs to serve it. The ones {@link NodeApi} does not serve answer {@code -32601 "Method not
 * found: node_x (not available in this build yet: needs ...)"}. A test fails when a served method
 * has no test, or when this table and {@link NodeApi} disagree.
 */
public final class NodeMethodTable {
  private NodeMethodTable() {}

  private static final String ARCHIVER = "the archiver";
  private static final String POOL = "the tx pool";
  private static final String ARCHIVER_AND_POOL = "the archiver and the tx pool";
  private static final String SIMULATOR = "the public simulator and the tx validators";
  private static final String SENTINEL = "the validator sentinel";
  private static final String L1_FEES = "the L1 fee oracle (global variable builder)";

  /**
   * The official methods, in schema order, without the {@code node_} prefix, to what is missing for
   * them; {@code null} for the ones served.
   */
  public static final Map<String, String> NEEDS = table();

  private static Map<String, String> table() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("getL2Tips", null);
    m.put("getWorldStateSyncStatus", null);
    m.put("findLeavesIndexes", null);
    m.put("getNullifierMembershipWitness", null);
    m.put("getLowNullifierMembershipWitness", null);
    m.put("getPublicDataWitness", null);
    m.put("getBlockHashMembershipWitness", null);
    m.put("getNoteHashMembershipWitness", null);
    m.put("getL1ToL2MessageMembershipWitness", null);
    m.put("getL1ToL2MessageCheckpoint", ARCHIVER);
    m.put("isL1ToL2MessageSynced", ARCHIVER);
    m.put("getL2ToL1Messages", ARCHIVER);
    m.put("getBlock", ARCHIVER);
    m.put("getBlockByHash", ARCHIVER);
    m.put("getBlockByArchive", ARCHIVER);
    m.put("getBlockNumber", null);
    m.put("getCheckpointNumber", null);
    m.put("getProvenBlockNumber", null);
    m.put("getCheckpointedBlockNumber", null);
    m.put("isReady", null);
    m.put("getNodeInfo", null);
    m.put("getBlocks", ARCHIVER);
    m.put("getCheckpoints", ARCHIVER);
    m.put("getCheckpointedBlocks", ARCHIVER);
    m.put("getCheckpointsDataForEpoch", ARCHIVER);
    m.put("getCurrentMinFees", L1_FEES);
    m.put("getMaxPriorityFees", null);
    m.put("getNodeVersion", null);
    m.put("getVersion", null);
    m.put("getChainId", null);
    m.put("getL1ContractAddresses", null);
    m.put("getProtocolContractAddresses", null);
    m.put("registerContractFunctionSignatures", ARCHIVER);
    m.put("getPublicLogs", ARCHIVER);
    m.put("getContractClassLogs", ARCHIVER);
    m.put("getPrivateLogsByTags", ARCHIVER);
    m.put("getPublicLogsByTagsFromContract", ARCHIVER);
    m.put("sendTx", POOL);
    m.put("getTxReceipt", ARCHIVER);
    m.put("getTxEffect", ARCHIVER);
    m.put("getPendingTxs", POOL);
    m.put("getPendingTxCount", POOL);
    m.put("getTxByHash", ARCHIVER_AND_POOL);
    m.put("getTxsByHash", ARCHIVER_AND_POOL);
    m.put("getPublicStorageAt", null);
    m.put("getBlockHeader", ARCHIVER);
    m.put("getBlockHeaderByArchive", ARCHIVER);
    m.put("getValidatorsStats", SENTINEL);
    m.put("getValidatorStats", SENTINEL);
    m.put("simulatePublicCalls", SIMULATOR);
    m.put("isValidTx", SIMULATOR);
    m.put("getContractClass", ARCHIVER);
    m.put("getContract", ARCHIVER);
    m.put("getEncodedEnr", null);
    m.put("getAllowedPublicSetup", "the protocol contracts' setup allow list");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The methods {@link NodeApi} serves from the archiver's store when it is given one (their {@link
   * #NEEDS} is {@code "the archiver"}, the reason answered without it). {@code
   * getCheckpointsDataForEpoch} fails for a checkpoint with L2→L1 messages (its out hash is not
   * computed yet); {@code getTxReceipt} answers {@code dropped} for any tx not in a block (no tx
   * pool yet).
   */
  public static final java.util.Set<String> SERVED_WITH_ARCHIVER =
      java.util.Set.of(
          "getL1ToL2MessageCheckpoint",
          "isL1ToL2MessageSynced",
          "getL2ToL1Messages",
          "getBlock",
          "getBlockByHash",
          "getBlockByArchive",
          "getBlocks",
          "getCheckpoints",
          "getCheckpointedBlocks",
          "getCheckpointsDataForEpoch",
          "registerContractFunctionSignatures",
          "getPublicLogs",
          "getContractClassLogs",
          "getPrivateLogsByTags",
          "getPublicLogsByTagsFromContract",
          "getTxReceipt",
          "getTxEffect",
          "getBlockHeader",
          "getBlockHeaderByArchive",
          "getContractClass",
          "getContract");

  /** The -32601 reason for an official method not served, by its full name. */
  public static Map<String, String> unavailable(Map<String, ?> served) {
    Map<String, String> out = new LinkedHashMap<>();
    NEEDS.forEach(
        (name, needs) -> {
          String full = "node_" + name;
          if (!served.containsKey(full)) {
            out.put(
                full,
                "not available in this build yet: needs " + (needs == null ? "wiring" : needs));
          }
        });
    return out;
  }
}
