package io.quetzal.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.archiver.store.CheckpointData;
import io.quetzal.archiver.store.ContractClassPublic;
import io.quetzal.archiver.store.ContractInstance;
import io.quetzal.archiver.store.ExtendedLog;
import io.quetzal.archiver.store.IndexedTxEffect;
import io.quetzal.archiver.store.L1PublishedData;
import io.quetzal.archiver.store.LogId;
import io.quetzal.archiver.store.LogsResponse;
import io.quetzal.archiver.store.PublishedCheckpoint;
import io.quetzal.archiver.store.TxReceipt;
import io.quetzal.archiver.store.TxScopedL2Log;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.json.StdlibJson;
import io.quetzal.stdlib.keys.GrumpkinPoint;
import io.quetzal.stdlib.keys.PublicKeys;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PublicLog;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The official JSON of the archiver's records as the node answers them ({@code JSON.stringify} of
 * the objects the official archiver returns: key order is their field order, {@code undefined}
 * members are left out, bigints are decimal strings, buffers base64). Stateless, thread-safe.
 *
 * <p>Shapes (reference-node.md §4 and the official classes):
 *
 * <ul>
 *   <li>{@code L1PublishedData}: {@code {blockNumber, timestamp, blockHash}}, the numbers decimal
 *       strings, the hash as stored ({@code 0x} + 64 hex digits);
 *   <li>{@code CommitteeAttestation}: {@code {address, signature}}, the signature {@code 0x ‖ r ‖ s
 *       ‖ v} with {@code v} in unpadded hex;
 *   <li>{@code PublishedCheckpoint}: {@code {checkpoint, l1, attestations}};
 *   <li>{@code CheckpointedL2Block}: {@code {checkpointNumber, block, l1, attestations}};
 *   <li>{@code CheckpointData}: {@code {header, archive, checkpointOutHash, checkpointNumber,
 *       startBlock, blockCount, l1, attestations}} (the official store's object literal order);
 *   <li>{@code TxReceipt}: {@code {txHash, status, executionResult?, error?, transactionFee?,
 *       blockHash?, blockNumber?, epochNumber?}}, the fee a decimal string;
 *   <li>logs: {@code {logs:[{id:{blockNumber, blockHash, txHash, txIndex, logIndex}, log}],
 *       maxLogsHit}}; {@code TxScopedL2Log}: {@code {txHash, blockNumber, blockTimestamp (decimal),
 *       logData, noteHashes, firstNullifier}};
 *   <li>{@code ContractClassPublic} as the official class store deserializes it: {@code
 *       {l2BlockNumber, version, artifactHash, privateFunctions, utilityFunctions, packedBytecode,
 *       privateFunctionsRoot, id}};
 *   <li>{@code ContractInstanceWithAddress}: {@code {version, salt, deployer,
 *       currentContractClassId, originalContractClassId, initializationHash, publicKeys:{four
 *       points as 0x ‖ x ‖ y}, address}}.
 * </ul>
 */
final class ArchiveJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ArchiveJson() {}

  static ObjectNode l1(L1PublishedData l1) {
    ObjectNode o = F.objectNode();
    o.put("blockNumber", Long.toUnsignedString(l1.blockNumber()));
    o.put("timestamp", Long.toUnsignedString(l1.timestamp()));
    o.put("blockHash", l1.blockHash().toString());
    return o;
  }

  static ArrayNode attestations(List<CommitteeAttestation> attestations) {
    ArrayNode a = F.arrayNode(attestations.size());
    for (CommitteeAttestation att : attestations) {
      ObjectNode o = a.addObject();
      o.put("address", att.address().toString());
      o.put("signature", att.signature().toString());
    }
    return a;
  }

  static ObjectNode publishedCheckpoint(PublishedCheckpoint p) {
    ObjectNode o = F.objectNode();
    o.set("checkpoint", BlockJson.toJson(p.checkpoint()));
    o.set("l1", l1(p.l1()));
    o.set("attestations", attestations(p.attestations()));
    return o;
  }

  static ObjectNode checkpointedBlock(
      long checkpointNumber,
      L2Block block,
      L1PublishedData l1,
      List<CommitteeAttestation> attestations) {
    ObjectNode o = F.objectNode();
    o.put("checkpointNumber", checkpointNumber);
    o.set("block", BlockJson.toJson(block));
    o.set("l1", l1(l1));
    o.set("attestations", attestations(attestations));
    return o;
  }

  static ObjectNode checkpointData(CheckpointData d, Fr checkpointOutHash) {
    ObjectNode o = F.objectNode();
    o.set("header", BlockJson.toJson(d.header()));
    o.set("archive", StdlibJson.toJson(d.archive()));
    o.put("checkpointOutHash", checkpointOutHash.toString());
    o.put("checkpointNumber", d.number());
    o.put("startBlock", d.startBlock());
    o.put("blockCount", d.blockCount());
    o.set("l1", l1(d.l1()));
    o.set("attestations", attestations(d.attestations()));
    return o;
  }

  static ObjectNode txEffect(IndexedTxEffect e) {
    ObjectNode o = F.objectNode();
    o.put("l2BlockHash", e.blockHash().toString());
    o.put("l2BlockNumber", e.blockNumber());
    o.put("txIndexInBlock", e.txIndexInBlock());
    o.set("data", BlockJson.toJson(e.data()));
    return o;
  }

  static ObjectNode receipt(TxReceipt r) {
    ObjectNode o = F.objectNode();
    o.put("txHash", r.txHash().toString());
    o.put("status", r.status().json());
    o.put("executionResult", r.executionResult());
    o.put("transactionFee", r.transactionFee().toString());
    o.put("blockHash", r.blockHash().toString());
    o.put("blockNumber", r.blockNumber());
    if (r.epochNumber() != null) {
      o.put("epochNumber", r.epochNumber().longValue());
    }
    return o;
  }

  /** The receipt of a tx neither mined nor in a pool: {@code dropped}, as the official node. */
  static ObjectNode droppedReceipt(Fr txHash) {
    ObjectNode o = F.objectNode();
    o.put("txHash", txHash.toString());
    o.put("status", "dropped");
    o.put("error", "Tx dropped by P2P node");
    return o;
  }

  static ObjectNode logId(LogId id) {
    ObjectNode o = F.objectNode();
    o.put("blockNumber", id.blockNumber());
    o.put("blockHash", id.blockHash().toString());
    o.put("txHash", id.txHash().toString());
    o.put("txIndex", id.txIndex());
    o.put("logIndex", id.logIndex());
    return o;
  }

  private static <T> ObjectNode logs(LogsResponse<T> r, Function<T, ObjectNode> log) {
    ObjectNode o = F.objectNode();
    ArrayNode a = o.putArray("logs");
    for (ExtendedLog<T> e : r.logs()) {
      ObjectNode x = a.addObject();
      x.set("id", logId(e.id()));
      x.set("log", log.apply(e.log()));
    }
    o.put("maxLogsHit", r.maxLogsHit());
    return o;
  }

  static ObjectNode publicLogs(LogsResponse<PublicLog> r) {
    return logs(r, BlockJson::toJson);
  }

  static ObjectNode contractClassLogs(LogsResponse<ContractClassLog> r) {
    return logs(r, BlockJson::toJson);
  }

  static ArrayNode scopedLogs(List<List<TxScopedL2Log>> perTag) {
    ArrayNode out = F.arrayNode(perTag.size());
    for (List<TxScopedL2Log> logs : perTag) {
      ArrayNode a = out.addArray();
      for (TxScopedL2Log l : logs) {
        ObjectNode o = a.addObject();
        o.put("txHash", l.txHash().toString());
        o.put("blockNumber", l.blockNumber());
        o.put("blockTimestamp", Long.toUnsignedString(l.blockTimestamp()));
        o.set("logData", frs(l.logData()));
        o.set("noteHashes", frs(l.noteHashes()));
        o.put("firstNullifier", l.firstNullifier().toString());
      }
    }
    return out;
  }

  static ObjectNode contractClass(ContractClassPublic c) {
    ObjectNode o = F.objectNode();
    o.put("l2BlockNumber", c.l2BlockNumber());
    o.put("version", c.version());
    o.put("artifactHash", c.artifactHash().toString());
    // individually broadcast functions are not stored (see ContractClassPublic)
    o.putArray("privateFunctions");
    o.putArray("utilityFunctions");
    o.put("packedBytecode", Base64.getEncoder().encodeToString(c.packedBytecode()));
    o.put("privateFunctionsRoot", c.privateFunctionsRoot().toString());
    o.put("id", c.id().toString());
    return o;
  }

  static ObjectNode contractInstance(ContractInstance i) {
    ObjectNode o = F.objectNode();
    o.put("version", i.version());
    o.put("salt", i.salt().toString());
    o.put("deployer", i.deployer().toString());
    o.put("currentContractClassId", i.currentContractClassId().toString());
    o.put("originalContractClassId", i.originalContractClassId().toString());
    o.put("initializationHash", i.initializationHash().toString());
    PublicKeys k = i.publicKeys();
    ObjectNode keys = o.putObject("publicKeys");
    keys.put("masterNullifierPublicKey", point(k.masterNullifierPublicKey()));
    keys.put("masterIncomingViewingPublicKey", point(k.masterIncomingViewingPublicKey()));
    keys.put("masterOutgoingViewingPublicKey", point(k.masterOutgoingViewingPublicKey()));
    keys.put("masterTaggingPublicKey", point(k.masterTaggingPublicKey()));
    o.put("address", i.address().toString());
    return o;
  }

  /** {@code Point.toString()}: {@code 0x ‖ x ‖ y} (64 bytes). */
  static String point(GrumpkinPoint p) {
    return "0x" + p.x().toString().substring(2) + p.y().toString().substring(2);
  }

  static ArrayNode frs(List<Fr> xs) {
    ArrayNode a = F.arrayNode(xs.size());
    xs.forEach(x -> a.add(x.toString()));
    return a;
  }
}
