package io.quetzal.archiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.archive.Bytes16;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.ethereum.archive.L1EventRef;
import io.quetzal.foundation.field.Fr;
import io.quetzal.kvstore.KvStore;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's contract, run on LMDB and in memory. */
abstract class ArchiverStoreContract {
  static final Fr GENESIS = Constants.GENESIS_BLOCK_HEADER_HASH;
  static final List<String> DEMO_TXS =
      List.of(
          "0x0b32a24674660eb0cc0a391f25101785372c7db483e7a5dcf1f99e5af445fda3",
          "0x10d0b0bc27157021283a3f9454e6fc6047343225724400429d365dd89a826e9d",
          "0x1e901613783afdf08f3c76d9f932d300369b8bc86ba9035b159410b7659257a3",
          "0x10f7fccefbc3dbbff69d402fdc0c51dd67d67d7085e486c4c211cc0655937f29",
          "0x2145a5752c0417eb2d0a9f640fa5a203950ff679aa1b687e44e6681f45cb6204");

  private final List<KvStore> opened = new ArrayList<>();

  abstract KvStore newKv();

  KvStore kv() {
    KvStore kv = newKv();
    opened.add(kv);
    return kv;
  }

  ArchiverStore store(KvStore kv) {
    return new ArchiverStore(kv, GENESIS);
  }

  @BeforeEach
  void clear() {
    opened.clear();
  }

  @AfterEach
  void close() {
    opened.forEach(KvStore::close);
  }

  @Test
  void emptyStore() {
    ArchiverStore s = store(kv());
    assertThat(s.latestBlockNumber()).isZero();
    assertThat(s.latestCheckpointNumber()).isZero();
    assertThat(s.block(1)).isNull();
    assertThat(s.checkpoints(1, 50)).isEmpty();
    assertThat(s.blocksSynchedTo()).isNull();
    L2Tips t = s.tips();
    assertThat(t.proposed()).isEqualTo(new L2Tips.BlockId(0, GENESIS));
    assertThat(t.finalized().checkpoint().hash())
        .isEqualTo(
            Fr.fromHexString("0x007802c95d2f1ade746d97350a18ddbfdb9f5bee2803436917a3cf3d6a685a3a"));
  }

  @Test
  void referenceChainAnswersAsTheRecordedNode() {
    ArchiverStore s = store(kv());
    List<PublishedCheckpoint> ref = Chains.reference();
    s.addCheckpoints(ref.subList(0, 4));
    s.addCheckpoints(ref.subList(4, 9));
    s.setProvenCheckpointNumber(9);
    assertThat(s.blocksSynchedTo()).isEqualTo(57);
    assertThat(s.latestCheckpointNumber()).isEqualTo(9);
    assertThat(s.latestBlockNumber()).isEqualTo(9);
    assertThat(s.checkpointedBlockNumber()).isEqualTo(9);

    // node_getCheckpoints(1, 50)
    JsonNode expected = Chains.referenceJson();
    List<PublishedCheckpoint> got = s.checkpoints(1, 50);
    assertThat(got).hasSize(9);
    for (int i = 0; i < 9; i++) {
      JsonNode e = expected.get(i);
      PublishedCheckpoint pc = got.get(i);
      assertThat(BlockJson.toJson(pc.checkpoint()).toString())
          .isEqualTo(e.get("checkpoint").toString());
      assertThat(Long.toString(pc.l1().blockNumber()))
          .isEqualTo(e.get("l1").get("blockNumber").asText());
      assertThat(Long.toString(pc.l1().timestamp()))
          .isEqualTo(e.get("l1").get("timestamp").asText());
      assertThat(pc.l1().blockHash())
          .isEqualTo(Bytes32.fromHex(e.get("l1").get("blockHash").asText()));
      assertThat(pc.attestations()).isEmpty();
      assertThat(pc).isEqualTo(ref.get(i));
    }
    assertThat(s.checkpoints(3, 2))
        .extracting(p -> p.checkpoint().number().value())
        .containsExactly(3L, 4L);
    assertThat(s.checkpoints(9, 50)).hasSize(1);
    assertThat(s.checkpoints(10, 50)).isEmpty();

    // node_getBlock / getBlockByHash / getBlockByArchive / getBlockHeader
    for (int n = 1; n <= 9; n++) {
      JsonNode block = Chains.read("node_getBlock_" + n + ".json.gz").get("response").get("result");
      L2Block b = s.block(n);
      assertThat(BlockJson.toJson(b).toString()).as("block %d", n).isEqualTo(block.toString());
      assertThat(s.blockByHash(b.hash())).isEqualTo(b);
      assertThat(s.blockByArchive(b.archive().root())).isEqualTo(b);
      assertThat(s.blockHeader(n)).isEqualTo(b.header());
      assertThat(s.blockHeaderByHash(b.hash())).isEqualTo(b.header());
      assertThat(s.blockHeaderByArchive(b.archive().root())).isEqualTo(b.header());
      assertThat(s.blockNumberByHash(b.hash())).isEqualTo(n);
    }
    assertThat(s.blocks(2, 3)).extracting(b -> b.number().value()).containsExactly(2L, 3L, 4L);
    assertThat(s.blockHeaders(8, 50)).hasSize(2);
    assertThat(s.blockByHash(Fr.ONE)).isNull();
    assertThat(s.blocksForCheckpoint(5)).containsExactly(s.block(5));

    // node_getTxEffect and node_getTxReceipt
    for (int k = 0; k < DEMO_TXS.size(); k++) {
      String h = DEMO_TXS.get(k);
      Fr hash = Fr.fromHexString(h);
      JsonNode eff =
          Chains.read("node_getTxEffect_" + (k + 1) + "_" + h + ".json")
              .get("response")
              .get("result");
      IndexedTxEffect e = s.txEffect(hash);
      assertThat(
              BlockJson.txEffectInBlock(
                      e.data(),
                      e.blockHash(),
                      io.quetzal.foundation.types.BlockNumber.of(e.blockNumber()),
                      e.txIndexInBlock())
                  .toString())
          .isEqualTo(eff.toString());
      JsonNode rc =
          Chains.read("node_getTxReceipt_" + (k + 1) + "_" + h + ".json")
              .get("response")
              .get("result");
      TxReceipt r = s.txReceipt(hash, 2);
      assertThat(r.txHash()).isEqualTo(Fr.fromHexString(rc.get("txHash").asText()));
      assertThat(r.status().json()).isEqualTo(rc.get("status").asText());
      assertThat(r.executionResult()).isEqualTo(rc.get("executionResult").asText());
      assertThat(r.transactionFee().toString()).isEqualTo(rc.get("transactionFee").asText());
      assertThat(r.blockHash()).isEqualTo(Fr.fromHexString(rc.get("blockHash").asText()));
      assertThat(r.blockNumber()).isEqualTo(rc.get("blockNumber").asLong());
      assertThat(r.epochNumber()).isEqualTo(rc.get("epochNumber").asLong());
    }
    assertThat(s.txEffect(Fr.ONE)).isNull();
    assertThat(s.txReceipt(Fr.ONE, 2)).isNull();

    // node_getL2Tips (recorded with proven 9, finalized 0)
    JsonNode tips = Chains.read("node_getL2Tips.json").get("response").get("result");
    L2Tips t = s.tips();
    assertThat(t.proposed().number()).isEqualTo(tips.get("proposed").get("number").asLong());
    assertThat(t.proposed().hash().toString()).isEqualTo(tips.get("proposed").get("hash").asText());
    for (var tip :
        Map.of("checkpointed", t.checkpointed(), "proven", t.proven(), "finalized", t.finalized())
            .entrySet()) {
      JsonNode e = tips.get(tip.getKey());
      assertThat(tip.getValue().block().number()).isEqualTo(e.get("block").get("number").asLong());
      assertThat(tip.getValue().block().hash().toString())
          .as(tip.getKey())
          .isEqualTo(e.get("block").get("hash").asText());
      assertThat(tip.getValue().checkpoint().number())
          .isEqualTo(e.get("checkpoint").get("number").asLong());
      assertThat(tip.getValue().checkpoint().hash().toString())
          .as(tip.getKey())
          .isEqualTo(e.get("checkpoint").get("hash").asText());
    }

    // finalized at 5: receipts of blocks <= 5 are finalized
    s.setFinalizedCheckpointNumber(5);
    assertThat(s.txReceipt(Fr.fromHexString(DEMO_TXS.get(0)), 2).status())
        .isEqualTo(TxReceipt.TxStatus.FINALIZED);
    assertThat(s.finalizedBlockNumber()).isEqualTo(5);

    // the Token contract deployed by the demo (block 5): instance and class
    AztecAddress token =
        AztecAddress.fromString(
            "0x255b5ae1b67c81af76cb9718ba4068b6f7e7836d535da684dbaffbbecf27e8c7");
    ContractInstance inst = s.contractInstance(token, Long.MAX_VALUE - 1);
    assertThat(inst).isNotNull();
    assertThat(s.contractInstanceDeploymentBlock(token)).isEqualTo(5);
    assertThat(s.contractClassIds()).isNotEmpty();
    ContractClassPublic cls = s.contractClass(inst.originalContractClassId());
    assertThat(cls).as("token class published").isNotNull();
    assertThat(cls.packedBytecode()).isNotEmpty();
    assertThat(s.bytecodeCommitment(cls.id())).isEqualTo(cls.publicBytecodeCommitment());

    // private logs by tag, public logs, class logs: every stored log is found
    int privateLogs = 0;
    int publicLogs = 0;
    int classLogs = 0;
    for (int n = 1; n <= 9; n++) {
      L2Block b = s.block(n);
      for (TxEffect e : b.txEffects()) {
        for (PrivateLog l : e.privateLogs()) {
          privateLogs++;
          List<TxScopedL2Log> found = s.privateLogsByTags(List.of(l.fields().get(0)), 0).get(0);
          assertThat(found)
              .anySatisfy(
                  x -> {
                    assertThat(x.txHash()).isEqualTo(e.txHash());
                    assertThat(x.logData()).isEqualTo(l.emittedFields());
                    assertThat(x.blockNumber()).isEqualTo(b.number().value());
                    assertThat(x.noteHashes()).isEqualTo(e.noteHashes());
                    assertThat(x.firstNullifier()).isEqualTo(e.nullifiers().get(0));
                  });
        }
        publicLogs += e.publicLogs().size();
        classLogs += e.contractClassLogs().size();
      }
    }
    assertThat(privateLogs).isPositive();
    assertThat(s.publicLogs(LogFilter.ALL).logs()).hasSize(publicLogs);
    assertThat(s.contractClassLogs(LogFilter.ALL).logs()).hasSize(classLogs);
    assertThat(classLogs).isPositive();
  }

  @Test
  void unwindRoundTripRestoresTheSameStore() {
    KvStore a = kv();
    ArchiverStore s = store(a);
    List<PublishedCheckpoint> ref = Chains.reference();
    s.addCheckpoints(ref);
    s.setProvenCheckpointNumber(9);
    Map<String, List<String>> full = Chains.dump(a);
    List<L2Block> removed = s.unwindCheckpoints(9, 4);
    assertThat(removed).extracting(b -> b.number().value()).containsExactly(6L, 7L, 8L, 9L);
    assertThat(s.latestCheckpointNumber()).isEqualTo(5);
    assertThat(s.latestBlockNumber()).isEqualTo(5);
    assertThat(s.provenCheckpointNumber()).isEqualTo(5);
    assertThat(s.block(6)).isNull();
    assertThat(s.txEffect(Fr.fromHexString(DEMO_TXS.get(1)))).isNull();
    assertThat(s.txEffect(Fr.fromHexString(DEMO_TXS.get(0)))).isNotNull();
    assertThat(s.publicLogs(new LogFilter(null, 6L, null, null, null, null)).logs()).isEmpty();
    assertThat(s.tips().proposed().number()).isEqualTo(5);

    // a fresh store with 5 checkpoints is identical (but for the sync point)
    KvStore b = kv();
    ArchiverStore s5 = store(b);
    s5.addCheckpoints(ref.subList(0, 5));
    s5.setProvenCheckpointNumber(5);
    s5.setBlocksSynchedTo(57);
    assertThat(Chains.dump(a)).isEqualTo(Chains.dump(b));

    s.addCheckpoints(ref.subList(5, 9));
    s.setProvenCheckpointNumber(9);
    assertThat(Chains.dump(a)).isEqualTo(full);

    // unwinding everything, then the token deployment is gone too
    s.removeCheckpointsAfter(0);
    assertThat(s.contractClassIds()).isEmpty();
    assertThat(s.latestBlockNumber()).isZero();
    Map<String, List<String>> empty = Chains.dump(a);
    empty.forEach(
        (name, entries) -> {
          if (!name.equals("archiver_meta")) {
            assertThat(entries).as(name).isEmpty();
          }
        });
  }

  @Test
  void refusesOutOfOrderCheckpointsAtomically() {
    KvStore kv = kv();
    ArchiverStore s = store(kv);
    List<PublishedCheckpoint> ref = Chains.reference();
    assertThatThrownBy(() -> s.addCheckpoints(ref.subList(1, 3)))
        .isInstanceOf(ArchiverStoreException.class);
    s.addCheckpoints(ref.subList(0, 2));
    Map<String, List<String>> before = Chains.dump(kv);
    assertThatThrownBy(() -> s.addCheckpoints(List.of(ref.get(2), ref.get(4))))
        .isInstanceOf(ArchiverStoreException.class);
    assertThatThrownBy(() -> s.addCheckpoints(List.of(ref.get(3))))
        .isInstanceOf(ArchiverStoreException.class);
    // a synthetic checkpoint 3 that does not build on block 2's archive
    List<PublishedCheckpoint> other = Chains.synthetic(1, null, 3, 1, 0);
    assertThatThrownBy(() -> s.addCheckpoints(List.of(other.get(2))))
        .isInstanceOf(ArchiverStoreException.class)
        .hasMessageContaining("archive");
    assertThat(Chains.dump(kv)).isEqualTo(before);
    assertThatThrownBy(() -> s.unwindCheckpoints(1, 1)).isInstanceOf(ArchiverStoreException.class);
  }

  static List<InboxMessage> messages(int perCheckpoint, int checkpoints) {
    List<InboxMessage> out = new ArrayList<>();
    Bytes16 h = Bytes16.ZERO;
    long l1 = 10;
    for (int c = 1; c <= checkpoints; c++) {
      for (int i = 0; i < perCheckpoint; i++) {
        Fr leaf = Fr.ofLong(c * 10_000L + i + 1);
        h = InboxMessage.nextRollingHash(h, leaf);
        l1++;
        out.add(
            new InboxMessage(
                (c - 1) * 1024L + i,
                leaf,
                h,
                c,
                l1,
                new L1EventRef(l1, Bytes32.of(Fr.ofLong(l1)), Bytes32.of(leaf), i, false)));
      }
    }
    return out;
  }

  @Test
  void l1ToL2MessagesAddReadAndRollback() {
    KvStore kv = kv();
    ArchiverStore s = store(kv);
    List<InboxMessage> msgs = messages(3, 4);
    s.addL1ToL2Messages(msgs.subList(0, 5));
    s.addL1ToL2Messages(msgs.subList(5, 12));
    assertThat(s.totalL1ToL2MessageCount()).isEqualTo(12);
    assertThat(s.l1ToL2Messages(2))
        .containsExactly(Fr.ofLong(20001), Fr.ofLong(20002), Fr.ofLong(20003));
    assertThat(s.l1ToL2Messages(5)).isEmpty();
    assertThat(s.l1ToL2MessageIndex(Fr.ofLong(30002))).isEqualTo(2049);
    assertThat(s.l1ToL2Message(Fr.ofLong(30002))).isEqualTo(msgs.get(7));
    assertThat(s.lastL1ToL2Message()).isEqualTo(msgs.get(11));
    assertThat(s.messagesSynchedTo())
        .isEqualTo(new L1BlockId(msgs.get(11).l1BlockNumber(), msgs.get(11).l1().blockHash()));
    // re-inserting an existing message with the same rolling hash is fine
    s.addL1ToL2Messages(msgs.subList(10, 12));
    assertThat(s.totalL1ToL2MessageCount()).isEqualTo(12);

    Map<String, List<String>> full = Chains.dump(kv);
    assertThat(s.rollbackL1ToL2MessagesToCheckpoint(2)).isEqualTo(6);
    assertThat(s.totalL1ToL2MessageCount()).isEqualTo(6);
    assertThat(s.l1ToL2MessageIndex(Fr.ofLong(30002))).isNull();
    assertThat(s.l1ToL2Messages(3)).isEmpty();
    assertThat(s.lastL1ToL2Message()).isEqualTo(msgs.get(5));
    s.addL1ToL2Messages(msgs.subList(6, 12));
    assertThat(Chains.dump(kv)).isEqualTo(full);
    assertThat(s.removeL1ToL2Messages(1025)).isEqualTo(8);
    assertThat(s.l1ToL2Messages(2)).containsExactly(Fr.ofLong(20001));
    assertThat(s.totalL1ToL2MessageCount()).isEqualTo(4);
  }

  @Test
  void refusesBadMessagesAtomically() {
    KvStore kv = kv();
    ArchiverStore s = store(kv);
    List<InboxMessage> msgs = messages(3, 2);
    s.addL1ToL2Messages(msgs.subList(0, 2));
    Map<String, List<String>> before = Chains.dump(kv);
    InboxMessage m = msgs.get(2);
    InboxMessage badHash =
        new InboxMessage(
            m.index(), m.leaf(), Bytes16.ZERO, m.checkpointNumber(), m.l1BlockNumber(), m.l1());
    assertThatThrownBy(() -> s.addL1ToL2Messages(List.of(msgs.get(2), msgs.get(3), badHash)))
        .isInstanceOf(ArchiverStoreException.class);
    // skipping a message
    assertThatThrownBy(() -> s.addL1ToL2Messages(List.of(msgs.get(3))))
        .isInstanceOf(ArchiverStoreException.class);
    // an earlier index with another rolling hash
    InboxMessage m0 = msgs.get(0);
    assertThatThrownBy(
            () ->
                s.addL1ToL2Messages(
                    List.of(
                        new InboxMessage(
                            0, m0.leaf(), Bytes16.ZERO, 1, m0.l1BlockNumber(), m0.l1()))))
        .isInstanceOf(ArchiverStoreException.class);
    assertThat(Chains.dump(kv)).isEqualTo(before);
  }

  @Test
  void taggedLogsArePagedInChainOrder() {
    ArchiverStore s = store(kv());
    List<PublishedCheckpoint> chain = Chains.synthetic(7, null, 12, 2, 4);
    s.addCheckpoints(chain);
    Map<Fr, List<TxScopedL2Log>> privateByTag = new java.util.LinkedHashMap<>();
    Map<String, List<TxScopedL2Log>> publicByKey = new java.util.LinkedHashMap<>();
    for (PublishedCheckpoint pc : chain) {
      for (L2Block b : pc.checkpoint().blocks()) {
        long ts = b.header().globalVariables().timestamp();
        for (TxEffect e : b.txEffects()) {
          for (PrivateLog l : e.privateLogs()) {
            privateByTag
                .computeIfAbsent(l.fields().get(0), k -> new ArrayList<>())
                .add(
                    new TxScopedL2Log(
                        e.txHash(),
                        b.number().value(),
                        ts,
                        l.emittedFields(),
                        e.noteHashes(),
                        e.nullifiers().get(0)));
          }
          for (PublicLog l : e.publicLogs()) {
            publicByKey
                .computeIfAbsent(
                    l.contractAddress() + "_" + l.fields().get(0), k -> new ArrayList<>())
                .add(
                    new TxScopedL2Log(
                        e.txHash(),
                        b.number().value(),
                        ts,
                        l.fields(),
                        e.noteHashes(),
                        e.nullifiers().get(0)));
          }
        }
      }
    }
    for (var e : privateByTag.entrySet()) {
      List<TxScopedL2Log> all = new ArrayList<>();
      for (int page = 0; ; page++) {
        List<TxScopedL2Log> got = s.privateLogsByTags(List.of(e.getKey()), page).get(0);
        assertThat(got.size()).isLessThanOrEqualTo(ArchiverStore.MAX_LOGS_PER_TAG);
        if (got.isEmpty()) {
          break;
        }
        all.addAll(got);
      }
      assertThat(all).isEqualTo(e.getValue());
    }
    for (AztecAddress c : Chains.CONTRACTS) {
      for (long tag = 1; tag < 4; tag++) {
        List<TxScopedL2Log> expected =
            publicByKey.getOrDefault(c + "_" + Fr.ofLong(tag), List.of());
        List<TxScopedL2Log> page0 =
            s.publicLogsByTagsFromContract(c, List.of(Fr.ofLong(tag)), 0).get(0);
        assertThat(page0).isEqualTo(expected.subList(0, Math.min(10, expected.size())));
      }
    }
    assertThat(s.privateLogsByTags(List.of(Fr.ofLong(999)), 0)).containsExactly(List.of());
  }

  /** A direct model of the official public-log filter over the chain. */
  static List<ExtendedLog<PublicLog>> model(
      List<PublishedCheckpoint> chain, LogFilter f, int max, boolean[] hit) {
    List<ExtendedLog<PublicLog>> out = new ArrayList<>();
    long start =
        f.afterLog() != null
            ? f.afterLog().blockNumber()
            : Math.max(f.fromBlock() == null ? 1 : f.fromBlock(), 1);
    if (f.toBlock() != null && f.toBlock() < start) {
      hit[0] = true;
      return out;
    }
    for (PublishedCheckpoint pc : chain) {
      for (L2Block b : pc.checkpoint().blocks()) {
        long bn = b.number().value();
        if (bn < start || (f.toBlock() != null && bn >= f.toBlock())) {
          continue;
        }
        if (f.fromBlock() != null && f.fromBlock() != 0 && bn < f.fromBlock()) {
          continue;
        }
        for (int t = f.afterLog() != null ? f.afterLog().txIndex() : 0;
            t < b.txEffects().size();
            t++) {
          TxEffect e = b.txEffects().get(t);
          if (f.txHash() != null && !f.txHash().equals(e.txHash())) {
            continue;
          }
          for (int l = f.afterLog() != null ? f.afterLog().logIndex() + 1 : 0;
              l < e.publicLogs().size();
              l++) {
            PublicLog log = e.publicLogs().get(l);
            if (f.contractAddress() != null && !f.contractAddress().equals(log.contractAddress())) {
              continue;
            }
            if (f.tag() != null && !f.tag().equals(log.fields().get(0))) {
              continue;
            }
            out.add(new ExtendedLog<>(new LogId(bn, b.hash(), e.txHash(), t, l), log));
            if (out.size() >= max) {
              hit[0] = true;
              return out;
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void publicLogFilterMatchesTheOfficialSemantics() {
    KvStore kv = kv();
    ArchiverStore s = new ArchiverStore(kv, GENESIS, 7);
    List<PublishedCheckpoint> chain = Chains.synthetic(11, null, 10, 2, 3);
    s.addCheckpoints(chain);
    List<Fr> txHashes = new ArrayList<>();
    chain.forEach(
        pc ->
            pc.checkpoint()
                .blocks()
                .forEach(b -> b.txEffects().forEach(e -> txHashes.add(e.txHash()))));
    Property.forAll(
        "public log filter",
        200,
        (SplittableRandom r) -> {
          Fr tx = r.nextInt(4) == 0 ? txHashes.get(r.nextInt(txHashes.size())) : null;
          Long from = r.nextBoolean() ? (long) r.nextInt(0, 22) : null;
          Long to = r.nextBoolean() ? (long) r.nextInt(0, 22) : null;
          LogId after =
              r.nextInt(3) == 0
                  ? new LogId(r.nextInt(1, 21), null, null, r.nextInt(0, 3), r.nextInt(-1, 3))
                  : null;
          AztecAddress c = r.nextBoolean() ? Chains.CONTRACTS.get(r.nextInt(2)) : null;
          Fr tag = r.nextInt(3) == 0 ? Fr.ofLong(r.nextInt(1, 4)) : null;
          return new LogFilter(tx, from, to, after, c, tag);
        },
        f -> {
          LogsResponse<PublicLog> got = s.publicLogs(f);
          boolean[] hit = {false};
          List<ExtendedLog<PublicLog>> expected;
          if (f.afterLog() == null && f.txHash() != null) {
            expected =
                model(
                    chain,
                    new LogFilter(
                        f.txHash(), f.fromBlock(), f.toBlock(), null, f.contractAddress(), f.tag()),
                    7,
                    hit);
            if (f.toBlock() != null
                && f.toBlock() < Math.max(f.fromBlock() == null ? 1 : f.fromBlock(), 1)) {
              // the tx path ignores the range check of the block scan
              hit[0] = false;
              expected = modelTx(chain, f, 7, hit);
            }
          } else {
            expected = model(chain, f, 7, hit);
          }
          assertThat(got.logs()).isEqualTo(expected);
          assertThat(got.maxLogsHit()).isEqualTo(hit[0]);
        });
  }

  static List<ExtendedLog<PublicLog>> modelTx(
      List<PublishedCheckpoint> chain, LogFilter f, int max, boolean[] hit) {
    return model(
            chain,
            new LogFilter(f.txHash(), f.fromBlock(), null, null, f.contractAddress(), f.tag()),
            max,
            hit)
        .stream()
        .filter(x -> f.toBlock() == 0 || x.id().blockNumber() < f.toBlock())
        .toList();
  }

  @Test
  void randomUnwindsAndReplaysEqualALinearBuild() {
    List<PublishedCheckpoint> chain = Chains.synthetic(3, null, 14, 2, 2);
    KvStore linearKv = kv();
    store(linearKv).addCheckpoints(chain);
    Map<String, List<String>> linear = Chains.dump(linearKv);
    Property.forAll(
        "unwind and replay",
        8,
        (SplittableRandom r) -> r.split(),
        r -> {
          KvStore kv = kv();
          ArchiverStore s = store(kv);
          int at = 0;
          for (int step = 0; step < 6; step++) {
            int add = r.nextInt(0, chain.size() - at + 1);
            if (add > 0) {
              s.addCheckpoints(chain.subList(at, at + add));
              at += add;
            }
            int back = r.nextInt(0, at + 1);
            s.removeCheckpointsAfter(at - back);
            at -= back;
            assertThat(s.latestCheckpointNumber()).isEqualTo(at);
          }
          if (at < chain.size()) {
            s.addCheckpoints(chain.subList(at, chain.size()));
          }
          s.setBlocksSynchedTo(chain.getLast().l1().blockNumber());
          assertThat(Chains.dump(kv)).isEqualTo(linear);
        });
  }
}
