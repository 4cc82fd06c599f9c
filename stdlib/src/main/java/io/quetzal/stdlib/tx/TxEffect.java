package io.quetzal.stdlib.tx;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.blob.BlobDecodingException;
import io.quetzal.stdlib.blob.BlobFieldCodec;
import io.quetzal.stdlib.blob.TxBlobData;
import io.quetzal.stdlib.blob.TxStartMarker;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The effects of one mined tx, as stored per block and served by {@code node_getTxEffect}.
 *
 * <p>Buffer (the official {@code toBuffer}): revert code (1 byte), txHash, transactionFee, then
 * note hashes, nullifiers, L2→L1 messages, public data writes, private logs with a 1-byte count
 * each, public logs with a 4-byte count, contract class logs with a 1-byte count. Blob form: see
 * {@link BlobFieldCodec}. The constructor enforces the official invariants (per-tx maxima, no zero
 * note hash / nullifier / message, no empty public data write or private log, at most one contract
 * class log) and throws {@link IllegalArgumentException} otherwise.
 *
 * @param revertCode how the public phases ended
 * @param txHash the tx hash
 * @param transactionFee the fee paid, in fee juice
 * @param noteHashes the (unique, siloed) note hashes
 * @param nullifiers the siloed nullifiers; the first is the tx's nonce nullifier
 * @param l2ToL1Msgs the hashes of the L2→L1 messages
 * @param publicDataWrites the public data writes
 * @param privateLogs the private logs
 * @param publicLogs the public logs
 * @param contractClassLogs at most one contract class log
 */
public record TxEffect(
    RevertCode revertCode,
    Fr txHash,
    Fr transactionFee,
    List<Fr> noteHashes,
    List<Fr> nullifiers,
    List<Fr> l2ToL1Msgs,
    List<PublicDataWrite> publicDataWrites,
    List<PrivateLog> privateLogs,
    List<PublicLog> publicLogs,
    List<ContractClassLog> contractClassLogs)
    implements BufferSerializable {

  public TxEffect {
    Objects.requireNonNull(revertCode, "revertCode");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(transactionFee, "transactionFee");
    noteHashes = List.copyOf(noteHashes);
    nullifiers = List.copyOf(nullifiers);
    l2ToL1Msgs = List.copyOf(l2ToL1Msgs);
    publicDataWrites = List.copyOf(publicDataWrites);
    privateLogs = List.copyOf(privateLogs);
    publicLogs = List.copyOf(publicLogs);
    contractClassLogs = List.copyOf(contractClassLogs);
    checkMax("note hashes", noteHashes.size(), Constants.MAX_NOTE_HASHES_PER_TX);
    checkMax("nullifiers", nullifiers.size(), Constants.MAX_NULLIFIERS_PER_TX);
    checkMax("L2 to L1 messages", l2ToL1Msgs.size(), Constants.MAX_L2_TO_L1_MSGS_PER_TX);
    checkMax(
        "public data writes",
        publicDataWrites.size(),
        Constants.MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX);
    checkMax("private logs", privateLogs.size(), Constants.MAX_PRIVATE_LOGS_PER_TX);
    checkMax(
        "contract class logs", contractClassLogs.size(), Constants.MAX_CONTRACT_CLASS_LOGS_PER_TX);
    if (noteHashes.stream().anyMatch(Fr::isZero)) {
      throw new IllegalArgumentException("Note hash is zero");
    }
    if (nullifiers.stream().anyMatch(Fr::isZero)) {
      throw new IllegalArgumentException("Nullifier is zero");
    }
    if (l2ToL1Msgs.stream().anyMatch(Fr::isZero)) {
      throw new IllegalArgumentException("L2 to L1 message is zero");
    }
    if (publicDataWrites.stream().anyMatch(PublicDataWrite::isEmpty)) {
      throw new IllegalArgumentException("Public data write is empty");
    }
    if (privateLogs.stream().anyMatch(PrivateLog::isEmpty)) {
      throw new IllegalArgumentException("Private log is empty");
    }
  }

  private static void checkMax(String what, int n, int max) {
    if (n > max) {
      throw new IllegalArgumentException("Too many " + what + ": " + n + ", max: " + max);
    }
  }

  /** The empty effect (zero hash, no effects), as {@code TxEffect.empty()}. */
  public static TxEffect empty() {
    return new TxEffect(
        RevertCode.OK,
        Fr.ZERO,
        Fr.ZERO,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  // ---- buffer

  @Override
  public void writeTo(BufferWriter w) {
    w.writeUInt8(revertCode.code()).writeFr(txHash).writeFr(transactionFee);
    w.writeVectorUint8Prefix(noteHashes, BufferWriter::writeFr);
    w.writeVectorUint8Prefix(nullifiers, BufferWriter::writeFr);
    w.writeVectorUint8Prefix(l2ToL1Msgs, BufferWriter::writeFr);
    w.writeVectorUint8Prefix(publicDataWrites, (x, v) -> v.writeTo(x));
    w.writeVectorUint8Prefix(privateLogs, (x, v) -> v.writeTo(x));
    w.writeVector(publicLogs, (x, v) -> v.writeTo(x));
    w.writeVectorUint8Prefix(contractClassLogs, (x, v) -> v.writeTo(x));
  }

  public static TxEffect fromBuffer(BufferReader r) {
    RevertCode code = RevertCode.fromCode(r.readUInt8());
    Fr txHash = r.readFr();
    Fr fee = r.readFr();
    List<Fr> noteHashes = r.readVectorUint8Prefix(BufferReader::readFr);
    List<Fr> nullifiers = r.readVectorUint8Prefix(BufferReader::readFr);
    List<Fr> msgs = r.readVectorUint8Prefix(BufferReader::readFr);
    List<PublicDataWrite> writes = r.readVectorUint8Prefix(PublicDataWrite::fromBuffer);
    List<PrivateLog> privateLogs = r.readVectorUint8Prefix(PrivateLog::fromBuffer);
    List<PublicLog> publicLogs = r.readVector(PublicLog::fromBuffer);
    List<ContractClassLog> classLogs = r.readVectorUint8Prefix(ContractClassLog::fromBuffer);
    return new TxEffect(
        code,
        txHash,
        fee,
        noteHashes,
        nullifiers,
        msgs,
        writes,
        privateLogs,
        publicLogs,
        classLogs);
  }

  public static TxEffect fromBuffer(byte[] bytes) {
    return fromBuffer(new BufferReader(bytes));
  }

  // ---- blob form

  /** The flattened public logs ({@code FlatPublicLogs.fromLogs(...).toBlobFields()}). */
  public List<Fr> flatPublicLogs() {
    List<Fr> out = new ArrayList<>();
    publicLogs.forEach(l -> out.addAll(l.toFields()));
    return out;
  }

  /** The start marker of this effect's blob form (counts, lengths, revert code, field count). */
  public TxStartMarker txStartMarker() {
    int privateLogsLength = privateLogs.stream().mapToInt(PrivateLog::emittedLength).sum();
    int publicLogsLength = publicLogs.stream().mapToInt(PublicLog::sizeInFields).sum();
    int classLogLength = contractClassLogs.isEmpty() ? 0 : contractClassLogs.get(0).emittedLength();
    long numBlobFields =
        3L
            + noteHashes.size()
            + nullifiers.size()
            + l2ToL1Msgs.size()
            + 2L * publicDataWrites.size()
            + privateLogs.size()
            + privateLogsLength
            + publicLogsLength
            + classLogLength
            + (classLogLength > 0 ? 1 : 0);
    return new TxStartMarker(
        numBlobFields,
        revertCode.code(),
        noteHashes.size(),
        nullifiers.size(),
        l2ToL1Msgs.size(),
        publicDataWrites.size(),
        privateLogs.size(),
        privateLogsLength,
        publicLogsLength,
        classLogLength);
  }

  /** The number of blob fields this effect takes (start marker included). */
  public long numBlobFields() {
    return txStartMarker().numBlobFields();
  }

  /** The effect's blob data ({@code toTxBlobData}). */
  public TxBlobData toBlobData() {
    List<List<Fr>> pdw = new ArrayList<>(publicDataWrites.size());
    publicDataWrites.forEach(w -> pdw.add(List.of(w.leafSlot(), w.value())));
    List<List<Fr>> logs = new ArrayList<>(privateLogs.size());
    privateLogs.forEach(l -> logs.add(l.emittedFields()));
    List<Fr> classLog = new ArrayList<>();
    contractClassLogs.forEach(l -> classLog.addAll(l.toBlobFields()));
    return new TxBlobData(
        txStartMarker(),
        txHash,
        transactionFee,
        noteHashes,
        nullifiers,
        l2ToL1Msgs,
        pdw,
        logs,
        flatPublicLogs(),
        classLog);
  }

  /** The effect's blob fields ({@code toBlobFields}). */
  public List<Fr> toBlobFields() {
    return BlobFieldCodec.encodeTx(toBlobData());
  }

  /**
   * The effect encoded by {@code data} ({@code TxEffect.fromTxBlobData}); an invalid effect (bad
   * revert code, zero nullifier, inconsistent public logs, ...) throws {@link
   * BlobDecodingException}.
   */
  public static TxEffect fromBlobData(TxBlobData data) {
    TxStartMarker m = data.txStartMarker();
    try {
      RevertCode code = RevertCode.fromCode(m.revertCode());
      List<PublicDataWrite> writes = new ArrayList<>(data.publicDataWrites().size());
      data.publicDataWrites().forEach(p -> writes.add(new PublicDataWrite(p.get(0), p.get(1))));
      List<PrivateLog> privateLogs = new ArrayList<>(data.privateLogs().size());
      for (List<Fr> log : data.privateLogs()) {
        if (log.size() > Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
          throw new BlobDecodingException(
              "private log of "
                  + log.size()
                  + " fields exceeds "
                  + Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
        }
        privateLogs.add(PrivateLog.fromEmittedFields(log));
      }
      List<PublicLog> publicLogs = unflattenPublicLogs(m.publicLogsLength(), data.publicLogs());
      List<ContractClassLog> classLogs = new ArrayList<>(1);
      if (m.contractClassLogLength() > 0) {
        List<Fr> f = data.contractClassLog();
        if (m.contractClassLogLength() > Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
          throw new BlobDecodingException(
              "contract class log of "
                  + m.contractClassLogLength()
                  + " fields exceeds "
                  + Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS);
        }
        classLogs.add(
            ContractClassLog.fromEmittedFields(
                AztecAddress.fromField(f.get(0)), f.subList(1, f.size())));
      }
      return new TxEffect(
          code,
          data.txHash(),
          data.transactionFee(),
          data.noteHashes(),
          data.nullifiers(),
          data.l2ToL1Msgs(),
          writes,
          privateLogs,
          publicLogs,
          classLogs);
    } catch (IllegalArgumentException e) {
      throw new BlobDecodingException("invalid tx effect in blob data: " + e.getMessage(), e);
    }
  }

  /** {@code FlatPublicLogs.fromBlobFields(length, fields).toLogs()}. */
  private static List<PublicLog> unflattenPublicLogs(long length, List<Fr> flat) {
    if (length > Constants.FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH) {
      throw new BlobDecodingException(
          "public logs length " + length + " exceeds " + Constants.FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH);
    }
    // The official reader walks the flat payload zero-padded to FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH.
    int payload = Constants.FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH;
    List<PublicLog> logs = new ArrayList<>();
    int pos = 0;
    while (pos < length) {
      if (pos + Constants.PUBLIC_LOG_HEADER_LENGTH > payload) {
        throw new BlobDecodingException("public log header beyond the flat public logs payload");
      }
      Fr lenField = at(flat, pos);
      if (lenField.toBigInteger().bitLength() > 31
          || pos + Constants.PUBLIC_LOG_HEADER_LENGTH + lenField.toLongExact() > payload) {
        throw new BlobDecodingException("public log length " + lenField + " exceeds the payload");
      }
      int n = (int) lenField.toLongExact();
      AztecAddress address = AztecAddress.fromField(at(flat, pos + 1));
      List<Fr> fields = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        fields.add(at(flat, pos + 2 + i));
      }
      logs.add(new PublicLog(address, fields));
      pos += Constants.PUBLIC_LOG_HEADER_LENGTH + n;
    }
    if (pos != length) {
      throw new BlobDecodingException("Wrong length in FlatPublicLogs");
    }
    return logs;
  }

  private static Fr at(List<Fr> flat, int i) {
    return i < flat.size() ? flat.get(i) : Fr.ZERO;
  }
}
