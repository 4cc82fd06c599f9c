package io.quetzal.archiver.store;

import io.quetzal.ethereum.archive.Bytes16;
import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.ethereum.archive.InboxMessage;
import io.quetzal.ethereum.archive.L1EventRef;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.keys.GrumpkinPoint;
import io.quetzal.stdlib.keys.PublicKeys;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Key and value encodings of the store (big-endian numbers, so keys sort by number). */
final class Codec {
  private Codec() {}

  static byte[] u32(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a u32: " + v);
    }
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  static byte[] u64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  static long readU32(byte[] b, int at) {
    return ((b[at] & 0xFFL) << 24)
        | ((b[at + 1] & 0xFFL) << 16)
        | ((b[at + 2] & 0xFFL) << 8)
        | (b[at + 3] & 0xFFL);
  }

  static long readU64(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xFFL);
    }
    return v;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** The smallest key greater than every key starting with {@code prefix} (null: none). */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return java.util.Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  static long readU64(BufferReader r) {
    return readU64(r.readBytes(8), 0);
  }

  // ---- checkpoints

  static byte[] checkpointValue(PublishedCheckpoint pc, long startBlock, int blockCount) {
    BufferWriter w = new BufferWriter(512);
    pc.checkpoint().header().writeTo(w);
    pc.checkpoint().archive().writeTo(w);
    w.writeSignedBigInt(pc.checkpoint().feeAssetPriceModifier(), 32);
    w.writeNumber(startBlock).writeNumber(blockCount);
    writeL1(w, pc.l1());
    w.writeNumber(pc.attestations().size());
    for (CommitteeAttestation a : pc.attestations()) {
      w.writeBytes(a.address().toBytes());
      a.signature().writeTo(w);
    }
    return w.toByteArray();
  }

  static CheckpointData checkpointData(long number, byte[] value) {
    BufferReader r = new BufferReader(value);
    CheckpointHeader header = CheckpointHeader.fromBuffer(r);
    AppendOnlyTreeSnapshot archive = AppendOnlyTreeSnapshot.fromBuffer(r);
    var modifier = r.readInt256();
    long start = r.readNumber();
    int count = (int) r.readNumber();
    L1PublishedData l1 = readL1(r);
    int n = (int) r.readNumber();
    List<CommitteeAttestation> atts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EthAddress addr = EthAddress.fromBytes(r.readBytes(EthAddress.SIZE_IN_BYTES));
      atts.add(new CommitteeAttestation(addr, EthSignature.fromBuffer(r)));
    }
    return new CheckpointData(number, header, archive, modifier, start, count, l1, atts);
  }

  static void writeL1(BufferWriter w, L1PublishedData l1) {
    w.writeBytes(u64(l1.blockNumber())).writeBytes(u64(l1.timestamp()));
    w.writeBytes(l1.blockHash().toBytes());
  }

  static L1PublishedData readL1(BufferReader r) {
    long bn = readU64(r);
    long ts = readU64(r);
    return new L1PublishedData(bn, ts, Bytes32.wrap(r.readBytes(32)));
  }

  // ---- messages

  static byte[] messageValue(InboxMessage m) {
    BufferWriter w = new BufferWriter(160);
    w.writeBytes(u64(m.index()));
    w.writeFr(m.leaf());
    w.writeBytes(m.rollingHash().toBytes());
    w.writeBytes(u64(m.checkpointNumber()));
    w.writeBytes(u64(m.l1BlockNumber()));
    L1EventRef e = m.l1();
    w.writeBytes(u64(e.blockNumber()));
    w.writeBytes(e.blockHash().toBytes());
    w.writeBytes(e.txHash().toBytes());
    w.writeBytes(u64(e.logIndex()));
    w.writeBoolean(e.removed());
    return w.toByteArray();
  }

  static InboxMessage message(byte[] value) {
    BufferReader r = new BufferReader(value);
    long index = readU64(r);
    Fr leaf = r.readFr();
    Bytes16 rolling = Bytes16.wrap(r.readBytes(16));
    long cp = readU64(r);
    long l1Block = readU64(r);
    long eventBlock = readU64(r);
    Bytes32 blockHash = Bytes32.wrap(r.readBytes(32));
    Bytes32 txHash = Bytes32.wrap(r.readBytes(32));
    long logIndex = readU64(r);
    boolean removed = r.readBoolean();
    return new InboxMessage(
        index,
        leaf,
        rolling,
        cp,
        l1Block,
        new L1EventRef(eventBlock, blockHash, txHash, logIndex, removed));
  }

  // ---- logs

  static byte[] scopedLogValue(TxScopedL2Log l) {
    BufferWriter w = new BufferWriter(64 + 32 * (l.logData().size() + l.noteHashes().size()));
    w.writeFr(l.txHash()).writeNumber(l.blockNumber()).writeBytes(u64(l.blockTimestamp()));
    w.writeVector(l.logData(), BufferWriter::writeFr);
    w.writeVector(l.noteHashes(), BufferWriter::writeFr);
    w.writeFr(l.firstNullifier());
    return w.toByteArray();
  }

  static TxScopedL2Log scopedLog(byte[] value) {
    BufferReader r = new BufferReader(value);
    Fr tx = r.readFr();
    long bn = r.readNumber();
    long ts = readU64(r);
    List<Fr> data = r.readVector(BufferReader::readFr);
    List<Fr> notes = r.readVector(BufferReader::readFr);
    return new TxScopedL2Log(tx, bn, ts, data, notes, r.readFr());
  }

  // ---- contracts

  static byte[] classValue(ContractClassPublic c) {
    BufferWriter w = new BufferWriter(128 + c.packedBytecode().length);
    w.writeNumber(c.version());
    w.writeFr(c.artifactHash()).writeFr(c.privateFunctionsRoot());
    w.writeFr(c.publicBytecodeCommitment());
    w.writeNumber(c.l2BlockNumber());
    w.writeBuffer(c.packedBytecode());
    return w.toByteArray();
  }

  static ContractClassPublic contractClass(Fr id, byte[] value) {
    BufferReader r = new BufferReader(value);
    int version = (int) r.readNumber();
    Fr artifact = r.readFr();
    Fr root = r.readFr();
    Fr commitment = r.readFr();
    long block = r.readNumber();
    return new ContractClassPublic(id, version, artifact, root, r.readBuffer(), commitment, block);
  }

  static byte[] instanceValue(ContractInstance i, long blockNumber) {
    BufferWriter w = new BufferWriter(512);
    w.writeNumber(blockNumber).writeNumber(i.version());
    w.writeFr(i.salt()).writeFr(i.deployer().toField());
    w.writeFr(i.originalContractClassId()).writeFr(i.initializationHash());
    for (Fr f : i.publicKeys().toFields()) {
      w.writeFr(f);
    }
    return w.toByteArray();
  }

  /** The stored instance (current class = original) and its publication block. */
  static ContractInstance instance(AztecAddress address, byte[] value) {
    BufferReader r = new BufferReader(value);
    r.readNumber();
    int version = (int) r.readNumber();
    Fr salt = r.readFr();
    AztecAddress deployer = AztecAddress.fromField(r.readFr());
    Fr classId = r.readFr();
    Fr init = r.readFr();
    GrumpkinPoint[] p = new GrumpkinPoint[4];
    for (int k = 0; k < 4; k++) {
      Fr x = r.readFr();
      Fr y = r.readFr();
      boolean inf = !r.readFr().isZero();
      p[k] = new GrumpkinPoint(x, y, inf);
    }
    return new ContractInstance(
        address,
        version,
        salt,
        deployer,
        classId,
        classId,
        init,
        new PublicKeys(p[0], p[1], p[2], p[3]));
  }

  static long instanceBlock(byte[] value) {
    return readU32(value, 0);
  }

  static byte[] updateValue(ContractInstanceUpdate u) {
    BufferWriter w = new BufferWriter(104);
    w.writeFr(u.prevContractClassId()).writeFr(u.newContractClassId());
    w.writeBytes(u64(u.timestampOfChange()));
    return w.toByteArray();
  }

  static ContractInstanceUpdate update(AztecAddress address, byte[] value) {
    BufferReader r = new BufferReader(value);
    Fr prev = r.readFr();
    Fr next = r.readFr();
    return new ContractInstanceUpdate(address, prev, next, readU64(r));
  }
}
