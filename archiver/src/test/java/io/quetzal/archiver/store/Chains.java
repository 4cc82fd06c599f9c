package io.quetzal.archiver.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.BlockNumber;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.KvDatabase;
import io.quetzal.kvstore.KvStore;
import io.quetzal.kvstore.ReadSnapshot;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.block.Body;
import io.quetzal.stdlib.block.GlobalVariables;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.tx.RevertCode;
import io.quetzal.stdlib.tx.TxEffect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/** Test chains: the 9 reference checkpoints and deterministic synthetic ones; store dumps. */
final class Chains {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String DIR = "/reference-4.1.2/node/";

  private Chains() {}

  static byte[] resource(String name) {
    try (InputStream in = Chains.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String name) {
    try {
      return MAPPER.readTree(resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node_getCheckpoints_1_50 answer (9 items). */
  static JsonNode referenceJson() {
    return read("node_getCheckpoints_1_50.json.gz").get("response").get("result");
  }

  /** The 9 reference checkpoints, rebuilt from the recorded node answer. */
  static List<PublishedCheckpoint> reference() {
    List<PublishedCheckpoint> out = new ArrayList<>();
    for (JsonNode p : referenceJson()) {
      Checkpoint cp = BlockJson.parseCheckpoint(p.get("checkpoint"));
      JsonNode l1 = p.get("l1");
      out.add(
          new PublishedCheckpoint(
              cp,
              new L1PublishedData(
                  Long.parseLong(l1.get("blockNumber").asText()),
                  Long.parseLong(l1.get("timestamp").asText()),
                  Bytes32.fromHex(l1.get("blockHash").asText())),
              List.of()));
    }
    return out;
  }

  /**
   * Synthetic checkpoints {@code from..from+count-1} continuing {@code prev} (null: genesis), with
   * {@code blocksPerCheckpoint} blocks of {@code txsPerBlock} random txs (private and public logs
   * with few distinct tags, so tags repeat). Deterministic in {@code seed}.
   */
  static List<PublishedCheckpoint> synthetic(
      long seed, PublishedCheckpoint prev, int count, int blocksPerCheckpoint, int txsPerBlock) {
    PublishedCheckpoint template = reference().get(0);
    BlockHeader th = template.checkpoint().blocks().get(0).header();
    CheckpointHeader tch = template.checkpoint().header();
    long cpNumber = prev == null ? 1 : prev.checkpoint().number().value() + 1;
    L2Block last = prev == null ? null : prev.checkpoint().blocks().getLast();
    long bn = last == null ? 1 : last.number().value() + 1;
    Fr archive = last == null ? Fr.ofLong(12345) : last.archive().root();
    List<PublishedCheckpoint> out = new ArrayList<>();
    for (int c = 0; c < count; c++, cpNumber++) {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + cpNumber);
      long slot = cpNumber * 2;
      long ts = 1_700_000_000L + slot * 72;
      List<L2Block> blocks = new ArrayList<>();
      Fr cpLastArchive = archive;
      for (int i = 0; i < blocksPerCheckpoint; i++, bn++) {
        List<TxEffect> txs = new ArrayList<>();
        for (int t = 0; t < txsPerBlock; t++) {
          txs.add(randomTx(r));
        }
        GlobalVariables g = th.globalVariables();
        GlobalVariables gv =
            new GlobalVariables(
                g.chainId(),
                g.version(),
                BlockNumber.of(bn),
                SlotNumber.of(slot),
                ts,
                g.coinbase(),
                g.feeRecipient(),
                g.gasFees());
        BlockHeader h =
            new BlockHeader(
                new AppendOnlyTreeSnapshot(archive, bn),
                th.state(),
                randomFr(r),
                gv,
                th.totalFees(),
                th.totalManaUsed());
        Fr next = randomFr(r);
        blocks.add(
            new L2Block(
                new AppendOnlyTreeSnapshot(next, bn + 1),
                h,
                new Body(txs),
                CheckpointNumber.of(cpNumber),
                i));
        archive = next;
      }
      CheckpointHeader ch =
          new CheckpointHeader(
              cpLastArchive,
              randomFr(r),
              tch.blobsHash(),
              tch.inHash(),
              tch.epochOutHash(),
              SlotNumber.of(slot),
              ts,
              tch.coinbase(),
              tch.feeRecipient(),
              tch.gasFees(),
              tch.totalManaUsed());
      Checkpoint cp =
          new Checkpoint(
              blocks.getLast().archive(),
              ch,
              blocks,
              CheckpointNumber.of(cpNumber),
              BigInteger.valueOf(r.nextInt(-5, 5)));
      byte[] l1Hash = new byte[32];
      r.nextBytes(l1Hash);
      out.add(
          new PublishedCheckpoint(
              cp, new L1PublishedData(100 + cpNumber * 3, ts, Bytes32.wrap(l1Hash)), List.of()));
    }
    return out;
  }

  static final List<AztecAddress> CONTRACTS =
      List.of(AztecAddress.fromLong(1001), AztecAddress.fromLong(1002));

  static TxEffect randomTx(SplittableRandom r) {
    List<PrivateLog> priv = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      priv.add(PrivateLog.fromEmittedFields(List.of(Fr.ofLong(r.nextInt(1, 6)), randomFr(r))));
    }
    List<PublicLog> pub = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      pub.add(
          new PublicLog(
              CONTRACTS.get(r.nextInt(CONTRACTS.size())),
              List.of(Fr.ofLong(r.nextInt(1, 4)), randomFr(r))));
    }
    return new TxEffect(
        RevertCode.fromCode(r.nextInt(4)),
        randomFr(r),
        Fr.ofLong(r.nextInt(1, 1_000_000)),
        List.of(randomFr(r)),
        List.of(randomFr(r)),
        List.of(),
        List.of(),
        priv,
        pub,
        List.of());
  }

  static Fr randomFr(SplittableRandom r) {
    return Fr.ofLong(r.nextLong(1, Long.MAX_VALUE));
  }

  /** Every entry of every store database, hex-encoded, for equality checks. */
  static Map<String, List<String>> dump(KvStore kv) {
    Map<String, KvDatabase> dbs = new LinkedHashMap<>();
    for (String name : ArchiverStore.databaseNames()) {
      dbs.put(name, kv.database(name));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    HexFormat hex = HexFormat.of();
    try (ReadSnapshot s = kv.snapshot()) {
      for (var e : dbs.entrySet()) {
        List<String> entries = new ArrayList<>();
        s.forEach(
            e.getValue(),
            new byte[] {0},
            null,
            (k, v) -> {
              entries.add(hex.formatHex(k) + "=" + hex.formatHex(v));
              return true;
            });
        out.put(e.getKey(), entries);
      }
    }
    return out;
  }
}
