package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * The blob-field layout of a checkpoint ({@code @aztec/blob-lib/src/encoding}), both directions.
 *
 * <pre>
 * checkpoint = block_0 ‖ … ‖ block_m ‖ checkpointEndMarker            (then zeros up to the blob end)
 * block      = tx_0 ‖ … ‖ tx_k ‖ blockEndMarker ‖ blockEndStateField ‖ lastArchiveRoot
 *              ‖ noteHashRoot ‖ nullifierRoot ‖ publicDataRoot [‖ l1ToL2MessageRoot, first block only]
 * tx         = txStartMarker ‖ txHash ‖ transactionFee ‖ noteHashes ‖ nullifiers ‖ l2ToL1Msgs
 *              ‖ (leafSlot, value)* ‖ (len ‖ fields)* per private log ‖ flat public logs
 *              ‖ [classLogAddress ‖ classLogFields]
 * </pre>
 *
 * Decoding follows the official checks (marker prefixes, counts against remaining fields, tx count,
 * total field count, zeros after the end marker) and throws {@link BlobDecodingException} — never
 * an index error — on anything malformed. Stateless, thread-safe.
 */
public final class BlobFieldCodec {
  public static final int NUM_BLOCK_END_BLOB_FIELDS = 6;
  public static final int NUM_FIRST_BLOCK_END_BLOB_FIELDS = 7;

  private BlobFieldCodec() {}

  // ---- encoding

  public static List<Fr> encodeTx(TxBlobData tx) {
    List<Fr> out = new ArrayList<>();
    out.add(tx.txStartMarker().encode());
    out.add(tx.txHash());
    out.add(tx.transactionFee());
    out.addAll(tx.noteHashes());
    out.addAll(tx.nullifiers());
    out.addAll(tx.l2ToL1Msgs());
    tx.publicDataWrites().forEach(out::addAll);
    for (List<Fr> log : tx.privateLogs()) {
      out.add(Fr.ofLong(log.size()));
      out.addAll(log);
    }
    out.addAll(tx.publicLogs());
    out.addAll(tx.contractClassLog());
    return out;
  }

  public static List<Fr> encodeBlock(BlockBlobData block) {
    List<Fr> out = new ArrayList<>();
    block.txs().forEach(tx -> out.addAll(encodeTx(tx)));
    out.add(block.blockEndMarker().encode());
    out.add(block.blockEndStateField().encode());
    out.add(block.lastArchiveRoot());
    out.add(block.noteHashRoot());
    out.add(block.nullifierRoot());
    out.add(block.publicDataRoot());
    if (block.l1ToL2MessageRoot() != null) {
      out.add(block.l1ToL2MessageRoot());
    }
    return out;
  }

  /**
   * The checkpoint's fields, with the end marker computed ({@code
   * encodeCheckpointBlobDataFromBlocks}).
   */
  public static List<Fr> encodeCheckpoint(List<BlockBlobData> blocks) {
    List<Fr> out = new ArrayList<>();
    blocks.forEach(b -> out.addAll(encodeBlock(b)));
    out.add(new CheckpointEndMarker(out.size() + 1L).encode());
    return out;
  }

  // ---- decoding

  public static TxBlobData decodeTx(FieldCursor r) {
    if (r.isFinished()) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: not enough fields for tx blob data.");
    }
    TxStartMarker m = TxStartMarker.decode(r.read());
    r.require(m.numBlobFields() - 1, "tx effect");
    Fr txHash = r.read();
    Fr fee = r.read();
    r.require(m.numNoteHashes(), "note hashes");
    List<Fr> noteHashes = r.readArray(m.numNoteHashes());
    r.require(m.numNullifiers(), "nullifiers");
    List<Fr> nullifiers = r.readArray(m.numNullifiers());
    r.require(m.numL2ToL1Msgs(), "l2-to-l1 messages");
    List<Fr> msgs = r.readArray(m.numL2ToL1Msgs());
    r.require(2L * m.numPublicDataWrites(), "public data writes");
    List<List<Fr>> writes = new ArrayList<>(m.numPublicDataWrites());
    for (int i = 0; i < m.numPublicDataWrites(); i++) {
      writes.add(r.readArray(2));
    }
    List<List<Fr>> privateLogs = new ArrayList<>(m.numPrivateLogs());
    for (int i = 0; i < m.numPrivateLogs(); i++) {
      r.require(1, "private log length");
      long len = r.readU32("private log length");
      r.require(len, "private log");
      privateLogs.add(r.readArray((int) len));
    }
    r.require(m.publicLogsLength(), "public logs");
    List<Fr> publicLogs = r.readArray((int) m.publicLogsLength());
    int classLen = m.contractClassLogLength() > 0 ? m.contractClassLogLength() + 1 : 0;
    r.require(classLen, "contract class logs");
    List<Fr> classLog = r.readArray(classLen);
    return new TxBlobData(
        m, txHash, fee, noteHashes, nullifiers, msgs, writes, privateLogs, publicLogs, classLog);
  }

  public static BlockBlobData decodeBlock(FieldCursor r, boolean isFirstBlock) {
    List<TxBlobData> txs = new ArrayList<>();
    while (true) {
      if (r.isFinished()) {
        throw new BlobDecodingException(
            "Incorrect encoding of blob fields: not enough fields for block end marker.");
      }
      if (BlockEndMarker.isBlockEndMarker(r.peek())) {
        break;
      }
      txs.add(decodeTx(r));
    }
    int n = isFirstBlock ? NUM_FIRST_BLOCK_END_BLOB_FIELDS : NUM_BLOCK_END_BLOB_FIELDS;
    r.require(n, "block end data");
    BlockEndMarker marker = BlockEndMarker.decode(r.read());
    BlockEndStateField state = BlockEndStateField.decode(r.read());
    Fr lastArchiveRoot = r.read();
    Fr noteHashRoot = r.read();
    Fr nullifierRoot = r.read();
    Fr publicDataRoot = r.read();
    Fr l1ToL2 = isFirstBlock ? r.read() : null;
    if (marker.numTxs() != txs.size()) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: expected "
              + marker.numTxs()
              + " txs, but got "
              + txs.size()
              + ".");
    }
    return new BlockBlobData(
        txs, marker, state, lastArchiveRoot, noteHashRoot, nullifierRoot, publicDataRoot, l1ToL2);
  }

  /**
   * Decodes a checkpoint's fields (all blobs' fields concatenated, trailing zeros allowed) into its
   * blocks ({@code decodeCheckpointBlobData}).
   */
  public static CheckpointBlobData decodeCheckpoint(List<Fr> fields) {
    FieldCursor r = new FieldCursor(fields);
    if (r.isFinished()) {
      throw new BlobDecodingException("Cannot decode empty blob data.");
    }
    List<BlockBlobData> blocks = new ArrayList<>();
    CheckpointEndMarker end = null;
    while (!r.isFinished() && end == null) {
      blocks.add(decodeBlock(r, blocks.isEmpty()));
      if (!r.isFinished() && CheckpointEndMarker.isCheckpointEndMarker(r.peek())) {
        end = CheckpointEndMarker.decode(r.read());
        if (r.cursor() != end.numBlobFields()) {
          throw new BlobDecodingException(
              "Incorrect encoding of blob fields: mismatch number of blob fields. Expected "
                  + end.numBlobFields()
                  + " fields, got "
                  + r.cursor()
                  + ".");
        }
      }
    }
    if (end == null) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: checkpoint end marker does not exist.");
    }
    while (!r.isFinished()) {
      if (!r.read().isZero()) {
        throw new BlobDecodingException(
            "Incorrect encoding of blob fields: unexpected non-zero field after checkpoint end"
                + " marker.");
      }
    }
    return new CheckpointBlobData(end, blocks);
  }

  /**
   * A forward-only cursor over fields whose reads past the end throw {@link BlobDecodingException}.
   */
  public static final class FieldCursor {
    private final List<Fr> fields;
    private int pos;

    public FieldCursor(List<Fr> fields) {
      this.fields = fields;
    }

    public boolean isFinished() {
      return pos >= fields.size();
    }

    public int cursor() {
      return pos;
    }

    public int remaining() {
      return fields.size() - pos;
    }

    void require(long n, String what) {
      if (n > remaining()) {
        throw new BlobDecodingException(
            "Incorrect encoding of blob fields: not enough fields for "
                + what
                + ". Expected "
                + n
                + " fields, only "
                + remaining()
                + " remaining.");
      }
    }

    Fr peek() {
      require(1, "the next field");
      return fields.get(pos);
    }

    Fr read() {
      require(1, "the next field");
      return fields.get(pos++);
    }

    long readU32(String what) {
      Fr f = read();
      if (f.toBigInteger().bitLength() > 32) {
        throw new BlobDecodingException(
            "Incorrect encoding of blob fields: " + what + " is not a u32: " + f);
      }
      return f.toLongExact();
    }

    List<Fr> readArray(int n) {
      require(n, "an array");
      List<Fr> out = new ArrayList<>(fields.subList(pos, pos + n));
      pos += n;
      return out;
    }
  }
}
