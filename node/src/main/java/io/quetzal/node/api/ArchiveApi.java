package io.quetzal.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.archiver.store.ArchiverStore;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.archiver.store.ContractClassPublic;
import io.quetzal.archiver.store.ContractInstance;
import io.quetzal.archiver.store.IndexedTxEffect;
import io.quetzal.archiver.store.LogFilter;
import io.quetzal.archiver.store.LogId;
import io.quetzal.archiver.store.PublishedCheckpoint;
import io.quetzal.archiver.store.TxReceipt;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.json.BlockParameter;
import io.quetzal.foundation.json.JsonCodecException;
import io.quetzal.foundation.json.JsonCodecs;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.node.rpc.JsonRpcException;
import io.quetzal.node.rpc.JsonRpcMethod;
import io.quetzal.node.rpc.RpcArgs;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.json.StdlibJson;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.tx.TxEffect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code node_*} methods answered from the archiver's store, as the official {@code
 * AztecNodeService} answers them over its archiver (see the package notes for the quirks kept).
 */
final class ArchiveApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** {@code MAX_RPC_LEN}. */
  static final int MAX_RPC_LEN = 100;

  /** {@code MAX_RPC_BLOCKS_LEN} = {@code MAX_RPC_CHECKPOINTS_LEN}. */
  static final int MAX_RPC_BLOCKS_LEN = 50;

  /** {@code MAX_SIGNATURES_PER_REGISTER_CALL}, {@code MAX_SIGNATURE_LEN}. */
  static final int MAX_SIGNATURES = 100;

  static final int MAX_SIGNATURE_LEN = 10_000;

  private static final long U32_MAX = 0xFFFF_FFFFL;

  private final ArchiverStore store;
  private final BlockSource blocks;
  private final Supplier<BlockHeader> initialHeader;
  private final Supplier<Fr> initialHeaderHash;
  private final long epochDuration;

  ArchiveApi(
      ArchiverStore store,
      BlockSource blocks,
      Supplier<BlockHeader> initialHeader,
      Supplier<Fr> initialHeaderHash,
      long epochDuration) {
    this.store = Objects.requireNonNull(store, "store");
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.initialHeader = Objects.requireNonNull(initialHeader, "initialHeader");
    this.initialHeaderHash = Objects.requireNonNull(initialHeaderHash, "initialHeaderHash");
    this.epochDuration = epochDuration;
  }

  /** The L1→L2 message indices the store knows (for the two message methods). */
  L1ToL2MessageSource messages() {
    return leaf -> {
      Long i = store.l1ToL2MessageIndex(leaf);
      return i == null ? OptionalLong.empty() : OptionalLong.of(i);
    };
  }

  void register(Map<String, JsonRpcMethod> m) {
    m.put("node_getBlock", JsonRpcMethod.quick(this::getBlock));
    m.put("node_getBlockByHash", JsonRpcMethod.quick(this::getBlockByHash));
    m.put("node_getBlockByArchive", JsonRpcMethod.quick(this::getBlockByArchive));
    m.put("node_getBlocks", this::getBlocks);
    m.put("node_getCheckpoints", this::getCheckpoints);
    m.put("node_getCheckpointedBlocks", this::getCheckpointedBlocks);
    m.put("node_getCheckpointsDataForEpoch", this::getCheckpointsDataForEpoch);
    m.put("node_getL2ToL1Messages", this::getL2ToL1Messages);
    m.put("node_getBlockHeader", JsonRpcMethod.quick(this::getBlockHeader));
    m.put("node_getBlockHeaderByArchive", JsonRpcMethod.quick(this::getBlockHeaderByArchive));
    m.put("node_getTxReceipt", JsonRpcMethod.quick(this::getTxReceipt));
    m.put("node_getTxEffect", JsonRpcMethod.quick(this::getTxEffect));
    m.put("node_getPublicLogs", this::getPublicLogs);
    m.put("node_getContractClassLogs", this::getContractClassLogs);
    m.put("node_getPrivateLogsByTags", this::getPrivateLogsByTags);
    m.put("node_getPublicLogsByTagsFromContract", this::getPublicLogsByTagsFromContract);
    m.put("node_getContractClass", JsonRpcMethod.quick(this::getContractClass));
    m.put("node_getContract", JsonRpcMethod.quick(this::getContract));
    m.put(
        "node_registerContractFunctionSignatures",
        JsonRpcMethod.quick(this::registerContractFunctionSignatures));
  }

  // ---------------------------------------------------------------------------------------------
  // blocks and headers

  /** {@code L2Block.empty(initialHeader)}: what the official node answers for block 0. */
  private ObjectNode initialBlock() {
    return BlockJson.toJson(
        new L2Block(
            AppendOnlyTreeSnapshot.EMPTY,
            initialHeader.get(),
            Body.EMPTY,
            CheckpointNumber.of(0),
            0));
  }

  /** The initial header: its hash was computed (and cached) by the node, hence the quirk. */
  private ObjectNode initialHeaderJson() {
    ObjectNode o = StdlibJson.toJson(initialHeader.get());
    o.putObject("_cachedHash");
    return o;
  }

  private static JsonNode block(L2Block b) {
    return b == null ? null : BlockJson.toJson(b);
  }

  private JsonNode getBlock(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    BlockParameter block = a.get(0, JsonCodecs::parseBlockParameter);
    a.check();
    return switch (block) {
      case BlockParameter.ByHash h -> blockByHash(h.hash());
      case BlockParameter.Latest l -> blockByNumber(blocks.getBlockNumber());
      case BlockParameter.ByNumber n -> blockByNumber(n.number().value());
    };
  }

  private JsonNode blockByNumber(long n) {
    if (n == 0) {
      return initialBlock();
    }
    return n > U32_MAX ? null : block(store.block(n));
  }

  private JsonNode blockByHash(Fr hash) {
    if (hash.equals(initialHeaderHash.get())) {
      return initialBlock();
    }
    return block(store.blockByHash(hash));
  }

  private JsonNode getBlockByHash(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr hash = a.get(0, JsonCodecs::parseBlockHash);
    a.check();
    return blockByHash(hash);
  }

  private JsonNode getBlockByArchive(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr archive = a.get(0, JsonCodecs::parseFr);
    a.check();
    return block(store.blockByArchive(archive));
  }

  private JsonNode getBlockHeader(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 1);
    Optional<BlockParameter> p = a.get(0, JsonCodecs::parseOptionalBlockParameter);
    a.check();
    BlockParameter block = p.orElse(BlockParameter.LATEST);
    BlockHeader h;
    switch (block) {
      case BlockParameter.ByHash bh -> {
        if (bh.hash().equals(initialHeaderHash.get())) {
          return initialHeaderJson();
        }
        h = store.blockHeaderByHash(bh.hash());
      }
      case BlockParameter.Latest l -> {
        if (blocks.getBlockNumber() == 0) {
          return initialHeaderJson();
        }
        long latest = store.latestBlockNumber();
        h = latest == 0 ? null : store.blockHeader(latest);
      }
      case BlockParameter.ByNumber bn -> {
        long n = bn.number().value();
        if (n == 0) {
          return initialHeaderJson();
        }
        h = n > U32_MAX ? null : store.blockHeader(n);
      }
    }
    return h == null ? null : StdlibJson.toJson(h);
  }

  private JsonNode getBlockHeaderByArchive(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr archive = a.get(0, JsonCodecs::parseFr);
    a.check();
    BlockHeader h = store.blockHeaderByArchive(archive);
    return h == null ? null : StdlibJson.toJson(h);
  }

  // ---------------------------------------------------------------------------------------------
  // ranges

  private JsonNode getBlocks(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    var from = a.get(0, JsonCodecs::parseBlockNumberPositive);
    Integer limit = limit(a, 1);
    a.check();
    ArrayNode out = F.arrayNode();
    if (from.value() <= U32_MAX) {
      store.blocks(from.value(), limit).forEach(b -> out.add(BlockJson.toJson(b)));
    }
    return out;
  }

  private JsonNode getCheckpoints(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    var from = a.get(0, JsonCodecs::parseCheckpointNumberPositive);
    Integer limit = limit(a, 1);
    a.check();
    ArrayNode out = F.arrayNode();
    if (from.value() <= U32_MAX) {
      for (PublishedCheckpoint p : store.checkpoints(from.value(), limit)) {
        out.add(ArchiveJson.publishedCheckpoint(p));
      }
    }
    return out;
  }

  private JsonNode getCheckpointedBlocks(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 2, 0);
    var from = a.get(0, JsonCodecs::parseBlockNumberPositive);
    Integer limit = limit(a, 1);
    a.check();
    ArrayNode out = F.arrayNode();
    if (from.value() > U32_MAX) {
      return out;
    }
    long start = from.value();
    store.read(
        v -> {
          Map<Long, CheckpointData> checkpoints = new HashMap<>();
          for (long n = start; n < start + limit; n++) {
            L2Block b = v.block(n);
            if (b == null) {
              break;
            }
            long cp = b.checkpointNumber().value();
            CheckpointData d = checkpoints.computeIfAbsent(cp, v::checkpointData);
            if (d != null) {
              out.add(ArchiveJson.checkpointedBlock(cp, b, d.l1(), d.attestations()));
            }
          }
          return null;
        });
    return out;
  }

  /** {@code z.number().gt(0).lte(MAX_RPC_BLOCKS_LEN)}; a fraction counts as the next integer. */
  private static Integer limit(RpcArgs a, int i) {
    JsonNode n = a.raw(i);
    if (n == null) {
      a.issue(i, "Required");
      return null;
    }
    if (!n.isNumber()) {
      a.issue(i, "Expected number, received " + NodeApi.typeName(n));
      return null;
    }
    double d = n.doubleValue();
    boolean ok = true;
    if (!(d > 0)) {
      a.issue(i, "Number must be greater than 0");
      ok = false;
    }
    if (!(d <= MAX_RPC_BLOCKS_LEN)) {
      a.issue(i, "Number must be less than or equal to " + MAX_RPC_BLOCKS_LEN);
      ok = false;
    }
    return ok ? (int) Math.ceil(d) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // epochs

  private long requireEpochDuration() throws JsonRpcException {
    if (epochDuration <= 0) {
      throw new JsonRpcException(JsonRpcException.INTERNAL, "L1 constants not set");
    }
    return epochDuration;
  }

  /** The checkpoints whose slot is in the epoch ({@code getSlotRangeForEpoch}). */
  private List<CheckpointData> checkpointsOfEpoch(long epoch) throws JsonRpcException {
    long d = requireEpochDuration();
    if (epoch > Long.MAX_VALUE / d - 1) {
      return List.of();
    }
    long start = epoch * d;
    return store.checkpointsForSlotRange(start, start + d - 1);
  }

  private JsonNode getCheckpointsDataForEpoch(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    var epoch = a.get(0, JsonCodecs::parseEpochNumber);
    a.check();
    ArrayNode out = F.arrayNode();
    for (CheckpointData d : checkpointsOfEpoch(epoch.value())) {
      out.add(ArchiveJson.checkpointData(d, checkpointOutHash(d)));
    }
    return out;
  }

  /**
   * The checkpoint's out hash (the wonky SHA tree of its blocks' L2→L1 messages). Only the case
   * without messages, whose root is zero, is computed yet; the store does not keep the hash.
   */
  private Fr checkpointOutHash(CheckpointData d) throws JsonRpcException {
    List<L2Block> bs = store.blocksForCheckpoint(d.number());
    if (bs != null) {
      for (L2Block b : bs) {
        for (TxEffect t : b.txEffects()) {
          if (!t.l2ToL1Msgs().isEmpty()) {
            throw new JsonRpcException(
                JsonRpcException.INTERNAL,
                "The out hash of checkpoint "
                    + d.number()
                    + " (with L2 to L1 messages) is not available in this build yet");
          }
        }
      }
    }
    return Fr.ZERO;
  }

  private JsonNode getL2ToL1Messages(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    var epoch = a.get(0, JsonCodecs::parseEpochNumber);
    a.check();
    ArrayNode out = F.arrayNode();
    // the official code groups the epoch's checkpointed blocks by slot: one group per checkpoint
    for (CheckpointData d : checkpointsOfEpoch(epoch.value())) {
      List<L2Block> bs = store.blocksForCheckpoint(d.number());
      if (bs == null || bs.isEmpty()) {
        continue;
      }
      ArrayNode cp = out.addArray();
      for (L2Block b : bs) {
        ArrayNode blockMsgs = cp.addArray();
        for (TxEffect t : b.txEffects()) {
          blockMsgs.add(ArchiveJson.frs(t.l2ToL1Msgs()));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // txs

  private JsonNode getTxReceipt(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr txHash = a.get(0, JsonCodecs::parseTxHash);
    a.check();
    TxReceipt r = store.txReceipt(txHash, Math.max(0, epochDuration));
    // no tx pool yet: a tx not mined is unknown, which the official node answers "dropped"
    return r == null ? ArchiveJson.droppedReceipt(txHash) : ArchiveJson.receipt(r);
  }

  private JsonNode getTxEffect(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr txHash = a.get(0, JsonCodecs::parseTxHash);
    a.check();
    IndexedTxEffect e = store.txEffect(txHash);
    return e == null ? null : ArchiveJson.txEffect(e);
  }

  // ---------------------------------------------------------------------------------------------
  // logs

  private JsonNode getPublicLogs(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    LogFilter f = a.get(0, ArchiveApi::parseLogFilter);
    a.check();
    return ArchiveJson.publicLogs(store.publicLogs(f));
  }

  private JsonNode getContractClassLogs(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    LogFilter f = a.get(0, ArchiveApi::parseLogFilter);
    a.check();
    return ArchiveJson.contractClassLogs(store.contractClassLogs(f));
  }

  private JsonNode getPrivateLogsByTags(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 3, 2);
    List<Fr> tags = frArray(a, 0);
    Integer page = page(a, 1);
    Optional<Fr> reference = a.get(2, ArchiveApi::parseOptionalBlockHash);
    a.check();
    checkReferenceBlock(reference);
    return ArchiveJson.scopedLogs(store.privateLogsByTags(tags, page));
  }

  private JsonNode getPublicLogsByTagsFromContract(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 4, 2);
    Fr contract = a.get(0, JsonCodecs::parseAztecAddress);
    List<Fr> tags = frArray(a, 1);
    Integer page = page(a, 2);
    Optional<Fr> reference = a.get(3, ArchiveApi::parseOptionalBlockHash);
    a.check();
    checkReferenceBlock(reference);
    return ArchiveJson.scopedLogs(
        store.publicLogsByTagsFromContract(AztecAddress.fromField(contract), tags, page));
  }

  /** The official check that the reference block (if any) is still in the chain. */
  private void checkReferenceBlock(Optional<Fr> reference) throws JsonRpcException {
    if (reference.isEmpty() || reference.get().equals(initialHeaderHash.get())) {
      return;
    }
    if (store.blockHeaderByHash(reference.get()) == null) {
      throw new JsonRpcException(
          JsonRpcException.INTERNAL,
          "Block "
              + reference.get()
              + " not found in the node. This might indicate a reorg has occurred.");
    }
  }

  private static Optional<Fr> parseOptionalBlockHash(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(JsonCodecs.parseBlockHash(n));
  }

  /** {@code optional(z.number().gte(0))}: absent is page 0; a fraction counts as its floor. */
  private static Integer page(RpcArgs a, int i) {
    JsonNode n = a.raw(i);
    if (n == null || n.isNull()) {
      return 0;
    }
    if (!n.isNumber()) {
      a.issue(i, "Expected number, received " + NodeApi.typeName(n));
      return null;
    }
    double d = n.doubleValue();
    if (!(d >= 0)) {
      a.issue(i, "Number must be greater than or equal to 0");
      return null;
    }
    // beyond this every page is empty anyway
    return (int) Math.min(Math.floor(d), Integer.MAX_VALUE / ArchiverStore.MAX_LOGS_PER_TAG);
  }

  /** {@code z.array(schemas.Fr).max(MAX_RPC_LEN)} (tags). */
  private static List<Fr> frArray(RpcArgs a, int i) throws JsonRpcException {
    JsonNode n = a.raw(i);
    if (n == null) {
      a.issue(i, "Required");
      return List.of();
    }
    if (!n.isArray()) {
      a.issue(i, "Expected array, received " + NodeApi.typeName(n));
      return List.of();
    }
    if (n.size() > MAX_RPC_LEN) {
      a.issue(i, "Array must contain at most " + MAX_RPC_LEN + " element(s)");
    }
    List<Fr> out = new ArrayList<>(n.size());
    for (int k = 0; k < n.size(); k++) {
      final int idx = k;
      out.add(
          a.get(
              i,
              node -> {
                try {
                  return JsonCodecs.parseFr(node.get(idx));
                } catch (JsonCodecException e) {
                  throw e.under(idx);
                }
              }));
    }
    return out;
  }

  /** The official {@code LogFilterSchema}: every member optional, unknown members dropped. */
  static LogFilter parseLogFilter(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw JsonCodecException.validation(
          new JsonCodecException.Issue(
              "invalid_type",
              n == null ? "Required" : "Expected object, received " + NodeApi.typeName(n)));
    }
    List<JsonCodecException.Issue> issues = new ArrayList<>();
    Fr txHash = member(n, "txHash", JsonCodecs::parseTxHash, issues);
    Long fromBlock = member(n, "fromBlock", ArchiveApi::blockBound, issues);
    Long toBlock = member(n, "toBlock", ArchiveApi::blockBound, issues);
    LogId afterLog = member(n, "afterLog", ArchiveApi::parseLogId, issues);
    Fr contract = member(n, "contractAddress", JsonCodecs::parseAztecAddress, issues);
    Fr tag = member(n, "tag", JsonCodecs::parseFr, issues);
    if (!issues.isEmpty()) {
      throw JsonCodecException.validation(issues);
    }
    return new LogFilter(
        txHash,
        fromBlock,
        toBlock,
        afterLog,
        contract == null ? null : AztecAddress.fromField(contract),
        tag);
  }

  /** {@code schemas.Integer} as a block bound; beyond the u32 block range nothing differs. */
  private static Long blockBound(JsonNode n) {
    long v = JsonCodecs.parseInteger(n);
    return Math.clamp(v, -U32_MAX, U32_MAX);
  }

  private static LogId parseLogId(JsonNode n) {
    if (!n.isObject()) {
      throw JsonCodecException.validation(
          new JsonCodecException.Issue(
              "invalid_type", "Expected object, received " + NodeApi.typeName(n)));
    }
    List<JsonCodecException.Issue> issues = new ArrayList<>();
    var blockNumber = required(n, "blockNumber", JsonCodecs::parseBlockNumber, issues);
    Fr blockHash = required(n, "blockHash", JsonCodecs::parseBlockHash, issues);
    Fr txHash = required(n, "txHash", JsonCodecs::parseTxHash, issues);
    Long txIndex = required(n, "txIndex", JsonCodecs::parseInteger, issues);
    Long logIndex = required(n, "logIndex", JsonCodecs::parseInteger, issues);
    if (!issues.isEmpty()) {
      throw JsonCodecException.validation(issues);
    }
    // an index below 0 or past any real block reads as the first or as nothing
    int tx = Math.clamp(txIndex, 0, 1 << 24);
    int log = Math.clamp(logIndex, -1, 1 << 24);
    return new LogId(Math.min(blockNumber.value(), U32_MAX), blockHash, txHash, tx, log);
  }

  private static <T> T member(
      JsonNode obj, String name, Function<JsonNode, T> parse, List<JsonCodecException.Issue> out) {
    JsonNode v = obj.get(name);
    if (v == null) {
      return null;
    }
    return parseMember(v, name, parse, out);
  }

  private static <T> T required(
      JsonNode obj, String name, Function<JsonNode, T> parse, List<JsonCodecException.Issue> out) {
    JsonNode v = obj.get(name);
    if (v == null) {
      out.add(new JsonCodecException.Issue("invalid_type", "Required", List.of(name)));
      return null;
    }
    return parseMember(v, name, parse, out);
  }

  private static <T> T parseMember(
      JsonNode v, String name, Function<JsonNode, T> parse, List<JsonCodecException.Issue> out) {
    try {
      return parse.apply(v);
    } catch (JsonCodecException e) {
      if (e.kind() == JsonCodecException.Kind.ERROR) {
        throw e;
      }
      out.addAll(e.under(name).issues());
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // contracts

  private JsonNode getContractClass(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr id = a.get(0, JsonCodecs::parseFr);
    a.check();
    ContractClassPublic c = store.contractClass(id);
    return c == null ? null : ArchiveJson.contractClass(c);
  }

  private JsonNode getContract(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    Fr address = a.get(0, JsonCodecs::parseAztecAddress);
    a.check();
    // at the latest block's timestamp (0 before any block), as the official archiver
    long timestamp =
        store.read(
            v -> {
              long latest = v.latestBlockNumber();
              L2Block b = latest == 0 ? null : v.block(latest);
              return b == null ? 0L : b.header().globalVariables().timestamp();
            });
    ContractInstance i = store.contractInstance(AztecAddress.fromField(address), timestamp);
    return i == null ? null : ArchiveJson.contractInstance(i);
  }

  /**
   * Validated as the official schema; the official archiver keeps the names for debug logs of
   * simulations, which this build does not run, so they are not kept.
   */
  private JsonNode registerContractFunctionSignatures(ArrayNode params) throws JsonRpcException {
    RpcArgs a = RpcArgs.of(params, 1, 0);
    JsonNode n = a.raw(0);
    if (!n.isArray()) {
      a.issue(0, "Expected array, received " + NodeApi.typeName(n));
    } else {
      if (n.size() > MAX_SIGNATURES) {
        a.issue(0, "Array must contain at most " + MAX_SIGNATURES + " element(s)");
      }
      for (int k = 0; k < n.size(); k++) {
        JsonNode s = n.get(k);
        if (!s.isTextual()) {
          a.issue(0, "Expected string, received " + NodeApi.typeName(s), k);
        } else if (s.textValue().length() > MAX_SIGNATURE_LEN) {
          a.issue(0, "String must contain at most " + MAX_SIGNATURE_LEN + " character(s)", k);
        }
      }
    }
    a.check();
    return null;
  }
}
