package io.quetzal.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.json.BlockParameter;
import io.quetzal.foundation.json.JsonCodecException;
import io.quetzal.foundation.json.JsonCodecs;
import io.quetzal.node.rpc.JsonRpcException;
import io.quetzal.node.rpc.JsonRpcMethod;
import io.quetzal.node.rpc.RpcArgs;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.hash.StorageSlots;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import io.quetzal.worldstate.LowLeaf;
import io.quetzal.worldstate.MerkleTreeReadOps;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateException;
import io.quetzal.worldstate.WorldStateStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The {@code node_*} methods this build serves, as the official {@code AztecNodeService} answers
 * them (block parameter resolution, witnesses, leaf lookups, node info). World-state reads go
 * through {@link WorldState}; block numbers, hashes and tips through a {@link BlockSource}.
 */
public final class NodeApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The official package version ({@code getNodeVersion}). */
  public static final String NODE_VERSION = "4.1.2";

  /** Protocol contract addresses (the official {@code ProtocolContractAddresses}). */
  static final Map<String, Fr> PROTOCOL_CONTRACTS = protocolContracts();

  /**
   * What the node tells about itself.
   *
   * @param l1ChainId the L1 chain id
   * @param rollupVersion the rollup version
   * @param l1ContractAddresses the official {@code L1ContractAddresses} JSON
   * @param realProofs whether proofs are verified
   * @param epochDuration the rollup's slots per epoch ({@code aztecEpochDuration}: 2 on the local
   *     network), for the epochs of tx receipts and the epoch methods; 0 when unknown (receipts
   *     then have no {@code epochNumber} and the epoch methods fail "L1 constants not set")
   */
  public record Info(
      long l1ChainId,
      long rollupVersion,
      Supplier<ObjectNode> l1ContractAddresses,
      boolean realProofs,
      long epochDuration) {
    public Info {
      Objects.requireNonNull(l1ContractAddresses, "l1ContractAddresses");
      if (epochDuration < 0) {
        throw new IllegalArgumentException("epochDuration must not be negative");
      }
    }

    /** Without the epoch duration (unknown: 0). */
    public Info(
        long l1ChainId,
        long rollupVersion,
        Supplier<ObjectNode> l1ContractAddresses,
        boolean realProofs) {
      this(l1ChainId, rollupVersion, l1ContractAddresses, realProofs, 0);
    }
  }

  private final WorldState worldState;
  private final BlockSource blocks;
  private final Optional<L1ToL2MessageSource> messages;
  private final Info info;
  private final BooleanSupplier ready;
  private final Optional<ArchiveApi> archive;
  private volatile Fr initialHeaderHash;

  /** Without the archiver: the archiver-backed methods answer -32601. */
  public NodeApi(
      WorldState worldState,
      BlockSource blocks,
      Optional<L1ToL2MessageSource> messages,
      Info info,
      BooleanSupplier ready) {
    this(worldState, blocks, messages, info, ready, Optional.empty());
  }

  /**
   * @param archive the archiver's store: when present, the blocks, checkpoints, txs, logs and
   *     contracts methods are served from it (and the two L1→L2 message methods too, unless {@code
   *     messages} is given); {@code blocks} should then be a view of the same store
   */
  public NodeApi(
      WorldState worldState,
      BlockSource blocks,
      Optional<L1ToL2MessageSource> messages,
      Info info,
      BooleanSupplier ready,
      Optional<ArchiverStore> archive) {
    this.worldState = Objects.requireNonNull(worldState, "worldState");
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.info = Objects.requireNonNull(info, "info");
    this.ready = Objects.requireNonNull(ready, "ready");
    this.archive =
        Objects.requireNonNull(archive, "archive")
            .map(
                store ->
                    new ArchiveApi(
                        store,
                        blocks,
                        worldState::initialHeader,
                        this::initialHeaderHash,
                        info.epochDuration()));
    Objects.requireNonNull(messages, "messages");
    this.messages = messages.isPresent() ? messages : this.archive.map(ArchiveApi::messages);
  }

  private static Map<String, Fr> protocolContracts() {
    Map<String, Fr> m = new LinkedHashMap<>();
    m.put("classRegistry", Fr.ofLong(3));
    m.put("feeJuice", Fr.ofLong(5));
    m.put("instanceRegistry", Fr.ofLong(2));
    m.put("multiCallEntrypoint", Fr.ofLong(4));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The served methods by full name ({@code node_...}). */
  public Map<String, JsonRpcMethod> methods() {
    Map<String, JsonRpcMethod> m = new LinkedHashMap<>();
    // The official object plus the alpha-testnet fields operators' scripts read
    // (`jq .result.proven.number`, `latest`); official clients drop unknown keys.
    m.put("node_getL2Tips", JsonRpcMethod.quick(p -> blocks.getL2Tips().toJson()));
    m.put("node_getBlockNumber", JsonRpcMethod.quick(p -> F.numberNode(blocks.getBlockNumber())));
    m.put(
        "node_getProvenBlockNumber",
        JsonRpcMethod.quick(p -> F.numberNode(blocks.getProvenBlockNumber())));
    m.put(
        "node_getCheckpointedBlockNumber",
        JsonRpcMethod.quick(p -> F.numberNode(blocks.getCheckpointedBlockNumber())));
    m.put(
        "node_getCheckpointNumber",
        JsonRpcMethod.quick(p -> F.numberNode(blocks.getCheckpointNumber())));
    m.put("node_getChainId", JsonRpcMethod.quick(p -> F.numberNode(info.l1ChainId())));
    m.put("node_getVersion", JsonRpcMethod.quick(p -> F.numberNode(info.rollupVersion())));
    m.put("node_getNodeVersion", JsonRpcMethod.quick(p -> F.textNode(NODE_VERSION)));
    m.put(
        "node_getL1ContractAddresses", JsonRpcMethod.quick(p -> info.l1ContractAddresses().get()));
    m.put(
        "node_getProtocolContractAddresses", JsonRpcMethod.quick(p -> protocolContractAddresses()));
    m.put("node_getNodeInfo", JsonRpcMethod.quick(p -> nodeInfo()));
    m.put("node_isReady", JsonRpcMethod.quick(p -> F.booleanNode(ready.getAsBoolean())));
    // p2p is off: no ENR, so no result (as the official node without p2p)
    m.put("node_getEncodedEnr", JsonRpcMethod.quick(p -> null));
    // the first pending tx's priority fees, or zero: there is no tx pool yet, so always zero
    m.put("node_getMaxPriorityFees", JsonRpcMethod.quick(p -> gasFees(0, 0)));
    m.put("node_getWorldStateSyncStatus", JsonRpcMethod.quick(p -> worldStateSyncStatus()));
    m.put("node_getPublicStorageAt", JsonRpcMethod.quick(this::getPublicStorageAt));
    m.put("node_getNullifierMembershipWitness", JsonRpcMethod.quick(this::nullifierWitness));
    m.put("node_getLowNullifierMembershipWitness", JsonRpcMethod.quick(this::lowNullifierWitness));
    m.put("node_getPublicDataWitness", JsonRpcMethod.quick(this::publicDataWitness));
    m.put("node_getNoteHashMembershipWitness", JsonRpcMethod.quick(this::noteHashWitness));
    m.put("node_getBlockHashMembershipWitness", JsonRpcMethod.quick(this::blockHashWitness));
    m.put("node_getL1ToL2MessageMembershipWitness", JsonRpcMethod.quick(this::l1ToL2Witness));
    m.put("node_findLeavesIndexes", this::findLeavesIndexes);
    // not in the 4.1.2 schema: the older call operators' guides still use (alpha-testnet)
    m.put("node_getArchiveSiblingPath", JsonRpcMethod.quick(this::archiveSiblingPath));
    messages.ifPresent(
        src -> {
          m.put(
              "node_getL1ToL2MessageCheckpoint",
              JsonRpcMethod.quick(p -> l1ToL2MessageCheckpoint(src, p)));
          m.put(
              "node_isL1ToL2MessageSynced",
              JsonRpcMethod.quick(p -> isL1ToL2MessageSynced(src, p)));
        });
    archive.ifPresent(a -> a.register(m));
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // info

  private ObjectNode protocolContractAddresses() {
    ObjectNode o = F.objectNode();
    PROTOCOL_CONTRACTS.forEach((k, v) -> o.put(k, v.toString()));
    return o;
  }

  private ObjectNode nodeInfo() {
    ObjectNode o = F.objectNode();
    o.put("nodeVersion", NODE_VERSION);
    o.put("l1ChainId", info.l1ChainId());
    o.put("rollupVersion", info.rollupVersion());
    // enr: none while p2p is off (the key is left out, as undefined is)
    o.set("l1ContractAddresses", info.l1ContractAddresses().get());
    o.set("protocolContractAddresses", protocolContractAddresses());
    o.put("realProofs", info.realProofs());
    return o;
  }

  private static ObjectNode gasFees(long da, long l2) {
    ObjectNode o = F.objectNode();
    o.put("feePerDaGas", Long.toString(da));
    o.put("feePerL2Gas", Long.toString(l2));
    return o;
  }

  private ObjectNode worldStateSyncStatus() {
    WorldStateStatus s = worldState.status();
    ObjectNode o = F.objectNode();
    o.put("latestBlockNumber", s.unfinalizedBlockNumber());
    o.put(
        "latestBlockHash",
        worldState
            .at(s.unfinalizedBlockNumber())
            .leafValue(MerkleTreeId.ARCHIVE, s.unfinalizedBlockNumber())
            .toString());
    o.put("finalizedBlockNumber", s.finalizedBlockNumber());
    o.put("oldestHistoricBlockNumber", s.oldestHistoricalBlock());
    o.put("treesAreSynched", s.treesAreSynched());
    return o;
  }

  // ---------------------------------------------------------------------------------------------
  // block parameters

  /** The initial header's hash (archive leaf 0; the prefill changes it). */
  private Fr initialHeaderHash() {
    Fr h = initialHeaderHash;
    if (h == null) {
      h = worldState.initialHeader().hash();
      initialHeaderHash = h;
    }
    return h;
  }

  /** The official {@code #getWorldState(block)}. */
  MerkleTreeReadOps worldStateAt(BlockParameter block) throws JsonRpcException {
    long synced = worldState.status().unfinalizedBlockNumber();
    long n;
    switch (block) {
      case BlockParameter.Latest l -> {
        return worldState.committed();
      }
      case BlockParameter.ByHash h -> {
        if (h.hash().equals(initialHeaderHash())) {
          n = 0;
        } else {
          OptionalLong found = blocks.getBlockNumberByHash(h.hash());
          if (found.isEmpty()) {
            throw failed(
                "Block hash "
                    + h.hash()
                    + " not found when querying world state. If the node API has been queried with"
                    + " anchor block hash possibly a reorg has occurred.");
          }
          n = found.getAsLong();
        }
      }
      case BlockParameter.ByNumber b -> {
        n = b.number().value();
        if (n > synced) {
          throw failed(
              "Queried block "
                  + n
                  + " not yet synced by the node (node is synced upto "
                  + synced
                  + ").");
        }
      }
    }
    return snapshot(n);
  }

  private MerkleTreeReadOps snapshot(long n) throws JsonRpcException {
    try {
      return worldState.at(n);
    } catch (WorldStateException e) {
      throw failed(e.getMessage());
    }
  }

  /** The official {@code resolveBlockNumber(block)}. */
  long resolveBlockNumber(BlockParameter block) throws JsonRpcException {
    return switch (block) {
      case BlockParameter.Latest l -> blocks.getBlockNumber();
      case BlockParameter.ByNumber b -> b.number().value();
      case BlockParameter.ByHash h -> {
        if (h.hash().equals(initialHeaderHash())) {
          yield 0;
        }
        OptionalLong n = blocks.getBlockNumberByHash(h.hash());
        if (n.isEmpty()) {
          throw failed("Block hash " + h.hash() + " not found.");
        }
        yield n.getAsLong();
      }
    };
  }

  private static JsonRpcException failed(String message) {
    return new JsonRpcException(JsonRpcException.INTERNAL, message);
  }

  // ---------------------------------------------------------------------------------------------
  // world-state methods

  private JsonNode getPublicStorageAt(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 3, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr contract = a.get(1, JsonCodecs::parseAztecAddress);
    Fr slot = a.get(2, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    Fr leafSlot = StorageSlots.publicDataTreeLeafSlot(AztecAddress.fromField(contract), slot);
    LowLeaf low = db.lowLeaf(MerkleTreeId.PUBLIC_DATA_TREE, leafSlot);
    if (!low.alreadyPresent()) {
      return F.textNode(Fr.ZERO.toString());
    }
    return F.textNode(
        db.publicDataPreimage(low.index())
            .map(PublicDataTreeLeafPreimage::value)
            .orElse(Fr.ZERO)
            .toString());
  }

  private JsonNode nullifierWitness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr nullifier = a.get(1, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    Optional<Long> index = db.findLeafIndex(MerkleTreeId.NULLIFIER_TREE, nullifier);
    if (index.isEmpty()) {
      return null;
    }
    return nullifierWitnessAt(db, index.get());
  }

  private JsonNode lowNullifierWitness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr nullifier = a.get(1, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    LowLeaf low = db.lowLeaf(MerkleTreeId.NULLIFIER_TREE, nullifier);
    return nullifierWitnessAt(db, low.index());
  }

  private static JsonNode nullifierWitnessAt(MerkleTreeReadOps db, long index) {
    Optional<NullifierLeafPreimage> p = db.nullifierPreimage(index);
    if (p.isEmpty()) {
      return null;
    }
    List<Fr> path = db.siblingPath(MerkleTreeId.NULLIFIER_TREE, index);
    return WitnessJson.nullifierWitness(index, p.get(), path);
  }

  private JsonNode publicDataWitness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr leafSlot = a.get(1, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    LowLeaf low = db.lowLeaf(MerkleTreeId.PUBLIC_DATA_TREE, leafSlot);
    Optional<PublicDataTreeLeafPreimage> p = db.publicDataPreimage(low.index());
    if (p.isEmpty()) {
      return null;
    }
    List<Fr> path = db.siblingPath(MerkleTreeId.PUBLIC_DATA_TREE, low.index());
    return WitnessJson.publicDataWitness(low.index(), p.get(), path);
  }

  private JsonNode noteHashWitness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr noteHash = a.get(1, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    return membershipWitness(db, MerkleTreeId.NOTE_HASH_TREE, noteHash);
  }

  private JsonNode blockHashWitness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr blockHash = a.get(1, JsonCodecs::parseBlockHash);
    a.check();
    // against block N-1's archive, which is what header.lastArchive of block N commits to
    long n = resolveBlockNumber(block) - 1;
    if (n < 0) {
      throw failed("BlockNumber must be non-negative, got " + n);
    }
    MerkleTreeReadOps db = worldStateAt(BlockParameter.number(n));
    return membershipWitness(db, MerkleTreeId.ARCHIVE, blockHash);
  }

  private static JsonNode membershipWitness(MerkleTreeReadOps db, MerkleTreeId tree, Fr leaf) {
    Optional<Long> index = db.findLeafIndex(tree, leaf);
    if (index.isEmpty()) {
      return null;
    }
    return F.textNode(
        WitnessJson.membershipWitness(index.get(), db.siblingPath(tree, index.get())));
  }

  private JsonNode l1ToL2Witness(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    Fr message = a.get(1, JsonCodecs::parseFr);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    Optional<Long> index = db.findLeafIndex(MerkleTreeId.L1_TO_L2_MESSAGE_TREE, message);
    if (index.isEmpty()) {
      return null;
    }
    ArrayNode out = F.arrayNode(2);
    out.add(Long.toString(index.get()));
    out.add(
        WitnessJson.siblingPath(db.siblingPath(MerkleTreeId.L1_TO_L2_MESSAGE_TREE, index.get())));
    return out;
  }

  private JsonNode l1ToL2MessageCheckpoint(L1ToL2MessageSource src, ArrayNode params)
      throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr message = a.get(0, JsonCodecs::parseFr);
    a.check();
    OptionalLong index = src.getL1ToL2MessageIndex(message);
    // the official code tests the index for truthiness: index 0 reads as "not found"
    if (index.isEmpty() || index.getAsLong() == 0) {
      return null;
    }
    return F.numberNode(index.getAsLong() / 1024 + 1);
  }

  private JsonNode isL1ToL2MessageSynced(L1ToL2MessageSource src, ArrayNode params)
      throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr message = a.get(0, JsonCodecs::parseFr);
    a.check();
    return F.booleanNode(src.getL1ToL2MessageIndex(message).isPresent());
  }

  private JsonNode findLeavesIndexes(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 3, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    MerkleTreeId tree = treeId(a, 1);
    List<Fr> leaves = frArray(a, 2, 100);
    a.check();
    MerkleTreeReadOps db = worldStateAt(block);
    if (tree == MerkleTreeId.PUBLIC_DATA_TREE && !leaves.isEmpty()) {
      // the official facade reads each value as a 64-byte (slot, value) leaf
      throw failed(
          "Attempted to read beyond buffer length. Start index: 32, Num bytes to read: 32, Buffer"
              + " length: 32");
    }
    List<Optional<Long>> indices = db.findLeafIndices(tree, leaves);
    Map<Long, Long> blockOf = new HashMap<>();
    Map<Long, Fr> hashOf = new HashMap<>();
    ArrayNode out = F.arrayNode(indices.size());
    for (Optional<Long> index : indices) {
      if (index.isEmpty()) {
        out.addNull();
        continue;
      }
      long i = index.get();
      Long b = blockOf.get(i);
      if (b == null) {
        b = blockOfLeaf(db, tree, i);
        blockOf.put(i, b);
      }
      Fr hash = hashOf.get(b);
      if (hash == null) {
        hash = db.leafValue(MerkleTreeId.ARCHIVE, b);
        hashOf.put(b, hash);
      }
      ObjectNode o = out.addObject();
      o.put("l2BlockNumber", b);
      o.put("l2BlockHash", hash.toString());
      o.put("data", Long.toString(i));
    }
    return out;
  }

  /** The block that added leaf {@code index} of {@code tree}: the first whose tree holds it. */
  private long blockOfLeaf(MerkleTreeReadOps db, MerkleTreeId tree, long index)
      throws JsonRpcException {
    long hi = db.blockNumber();
    long lo = worldState.status().oldestHistoricalBlock();
    if (lo > 0 && snapshotSize(lo - 1, tree) >= 0) {
      lo = lo - 1;
    }
    if (lo > hi) {
      lo = hi;
    }
    if (snapshotSize(lo, tree) > index) {
      if (lo == 0) {
        return 0;
      }
      throw failed("Block number is undefined for leaf index " + index + " in tree " + tree.name());
    }
    // invariant: size(lo) <= index < size(hi)
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (snapshotSize(mid, tree) > index) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** A tree's size after {@code block}, or -1 when that block's state is not held. */
  private long snapshotSize(long block, MerkleTreeId tree) {
    try {
      return worldState.at(block).treeInfo(tree).size();
    } catch (WorldStateException e) {
      return -1;
    }
  }

  private JsonNode archiveSiblingPath(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    JsonNode b = a.raw(0);
    BlockParameter block =
        b != null && b.isTextual() && b.textValue().equals("latest")
            ? BlockParameter.LATEST
            : a.get(0, n -> new BlockParameter.ByNumber(JsonCodecs.parseBlockNumber(n)));
    BigInteger leaf = a.get(1, JsonCodecs::parseBigInt);
    a.check();
    if (leaf.signum() < 0 || leaf.bitLength() > MerkleTreeId.ARCHIVE.height()) {
      throw failed("leaf index " + leaf + " out of range for the archive tree");
    }
    MerkleTreeReadOps db = worldStateAt(block);
    return F.textNode(
        WitnessJson.siblingPath(db.siblingPath(MerkleTreeId.ARCHIVE, leaf.longValueExact())));
  }

  // ---------------------------------------------------------------------------------------------
  // parameter schemas not in JsonCodecs

  /** {@code z.nativeEnum(MerkleTreeId)}: the numbers 0 to 4. */
  private static MerkleTreeId treeId(RpcArgs a, int i) {
    JsonNode n = a.raw(i);
    String expected = "0 | 1 | 2 | 3 | 4";
    if (n == null) {
      a.issue(i, "Required");
      return null;
    }
    if (!n.isNumber() && !n.isTextual()) {
      a.issue(i, "Expected " + expected + ", received " + typeName(n));
      return null;
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && d >= 0 && d <= 4) {
        return MerkleTreeId.fromId((int) d);
      }
    }
    String received =
        n.isTextual()
            ? n.textValue()
            : (n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e21
                ? Long.toString((long) n.doubleValue())
                : Double.toString(n.doubleValue()));
    a.issue(i, "Invalid enum value. Expected " + expected + ", received '" + received + "'");
    return null;
  }

  /** {@code z.array(schemas.Fr).max(max)}. */
  private static List<Fr> frArray(RpcArgs a, int i, int max) throws JsonRpcException {
    JsonNode n = a.raw(i);
    if (n == null) {
      a.issue(i, "Required");
      return List.of();
    }
    if (!n.isArray()) {
      a.issue(i, "Expected array, received " + typeName(n));
      return List.of();
    }
    if (n.size() > max) {
      a.issue(i, "Array must contain at most " + max + " element(s)");
    }
    List<Fr> out = new ArrayList<>(n.size());
    for (int k = 0; k < n.size(); k++) {
      final int idx = k;
      Fr f =
          a.get(
              i,
              node -> {
                try {
                  return JsonCodecs.parseFr(node.get(idx));
                } catch (JsonCodecException e) {
                  throw e.under(idx);
                }
              });
      out.add(f);
    }
    return out;
  }

  /** zod's name of a JSON value's type. */
  static String typeName(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "undefined";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isNumber()) {
      return Double.isNaN(n.doubleValue()) ? "nan" : "number";
    }
    if (n.isArray()) {
      return "array";
    }
    return "object";
  }
}
