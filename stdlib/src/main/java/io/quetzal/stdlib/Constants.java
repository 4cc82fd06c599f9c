package io.quetzal.stdlib;

import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;

/**
 * Protocol constants of Aztec 4.1.2, with the values of {@code @aztec/constants} ({@code
 * constants.gen.ts}). Each one used here is checked against the vectors produced by {@code
 * scripts/vectors/stdlib.mjs} from the official package.
 */
public final class Constants {
  private Constants() {}

  // ---- tree heights
  public static final int NOTE_HASH_TREE_HEIGHT = 42;
  public static final int NULLIFIER_TREE_HEIGHT = 42;
  public static final int PUBLIC_DATA_TREE_HEIGHT = 40;
  public static final int L1_TO_L2_MSG_TREE_HEIGHT = 36;
  public static final int ARCHIVE_HEIGHT = 30;

  // ---- tree ids
  public static final int NULLIFIER_TREE_ID = 0;
  public static final int NOTE_HASH_TREE_ID = 1;
  public static final int PUBLIC_DATA_TREE_ID = 2;
  public static final int L1_TO_L2_MESSAGE_TREE_ID = 3;
  public static final int ARCHIVE_TREE_ID = 4;

  // ---- subtrees inserted per tx / per checkpoint
  public static final int NOTE_HASH_SUBTREE_HEIGHT = 6;
  public static final int NULLIFIER_SUBTREE_HEIGHT = 6;
  public static final int PUBLIC_DATA_SUBTREE_HEIGHT = 6;
  public static final int L1_TO_L2_MSG_SUBTREE_HEIGHT = 10;

  // ---- per-tx and per-rollup limits
  public static final int MAX_NOTE_HASHES_PER_TX = 64;
  public static final int MAX_NULLIFIERS_PER_TX = 64;
  public static final int MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX = 64;
  public static final int NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP = 1024;
  public static final int MAX_L2_TO_L1_MSGS_PER_TX = 8;
  public static final int MAX_PRIVATE_LOGS_PER_TX = 64;
  public static final int MAX_CONTRACT_CLASS_LOGS_PER_TX = 1;

  // ---- logs
  public static final int PRIVATE_LOG_SIZE_IN_FIELDS = 16;
  public static final int PUBLIC_LOG_HEADER_LENGTH = 2;
  public static final int FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH = 4096;
  public static final int CONTRACT_CLASS_LOG_SIZE_IN_FIELDS = 3023;

  // ---- blobs (prefixes of the blob-field markers, see io.quetzal.stdlib.blob)
  public static final int BLOBS_PER_CHECKPOINT = 6;
  public static final int FIELDS_PER_BLOB = 4096;
  public static final long TX_START_PREFIX = 2624615704L;
  public static final long BLOCK_END_PREFIX = 3951939007L;
  public static final long CHECKPOINT_END_PREFIX = 2355328067L;
  public static final int DA_GAS_PER_FIELD = 32;

  // ---- numbering
  public static final long INITIAL_L2_BLOCK_NUM = 1;
  public static final long INITIAL_CHECKPOINT_NUMBER = 1;

  // ---- genesis (the world state's initial block header hash and archive root, no prefill)
  public static final Fr GENESIS_BLOCK_HEADER_HASH =
      Fr.fromBigInteger(
          new BigInteger(
              "21694244557328181932449230888455310614586084993178835904749768133365362325861"));
  public static final Fr GENESIS_ARCHIVE_ROOT =
      Fr.fromBigInteger(
          new BigInteger(
              "9682850228538071369704502076456077473410427336083826595120404283897422804423"));

  // ---- protocol contracts and storage
  public static final long FEE_JUICE_ADDRESS = 5;
  public static final long FEE_JUICE_BALANCES_SLOT = 1;
  public static final long SPONSORED_FPC_SALT = 0;

  // ---- field lengths
  public static final int APPEND_ONLY_TREE_SNAPSHOT_LENGTH = 2;
  public static final int PARTIAL_STATE_REFERENCE_LENGTH = 6;
  public static final int STATE_REFERENCE_LENGTH = 8;
  public static final int GAS_FEES_LENGTH = 2;
  public static final int GLOBAL_VARIABLES_LENGTH = 9;
  public static final int BLOCK_HEADER_LENGTH = 22;

  /** The official {@code DomainSeparator} values used by Quetzal. */
  public static final class DomainSeparator {
    private DomainSeparator() {}

    public static final long BLOCK_HEADER_HASH = 4195546849L;
    public static final long PUBLIC_LEAF_SLOT = 1247650290L;
    public static final long PUBLIC_STORAGE_MAP_SLOT = 4015149901L;
    public static final long NHK_M = 242137788L;
    public static final long IVSK_M = 2747825907L;
    public static final long OVSK_M = 4272201051L;
    public static final long TSK_M = 1546190975L;
    public static final long PUBLIC_KEYS_HASH = 777457226L;
    public static final long PARTIAL_ADDRESS = 2103633018L;
    public static final long CONTRACT_ADDRESS_V1 = 1788365517L;
    public static final long CONTRACT_CLASS_ID = 3923495515L;
    public static final long INITIALIZER = 385396519L;
    public static final long PRIVATE_FUNCTION_LEAF = 1389398688L;
    public static final long PUBLIC_BYTECODE = 260313585L;
    public static final long SILOED_NULLIFIER = 57496191L;
    public static final long FUNCTION_ARGS = 3576554347L;
  }
}
