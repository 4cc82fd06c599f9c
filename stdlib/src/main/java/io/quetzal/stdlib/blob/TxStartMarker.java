package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.math.BigInteger;

/**
 * The first blob field of a tx: {@code TX_START_PREFIX ‖ numNoteHashes:16 ‖ numNullifiers:16 ‖
 * numL2ToL1Msgs:16 ‖ numPublicDataWrites:16 ‖ numPrivateLogs:16 ‖ privateLogsLength:16 ‖
 * publicLogsLength:32 ‖ contractClassLogLength:16 ‖ revertCode:8 ‖ numBlobFields:32}, most
 * significant first. {@code numBlobFields} counts the tx's fields including this marker.
 *
 * @param numBlobFields fields of the tx, marker included (u32)
 * @param revertCode the revert code (u8)
 * @param numNoteHashes u16
 * @param numNullifiers u16
 * @param numL2ToL1Msgs u16
 * @param numPublicDataWrites u16
 * @param numPrivateLogs u16
 * @param privateLogsLength the emitted fields of all private logs (u16)
 * @param publicLogsLength the flattened public logs' fields (u32)
 * @param contractClassLogLength the class log's emitted fields, 0 if none (u16)
 */
public record TxStartMarker(
    long numBlobFields,
    int revertCode,
    int numNoteHashes,
    int numNullifiers,
    int numL2ToL1Msgs,
    int numPublicDataWrites,
    int numPrivateLogs,
    int privateLogsLength,
    long publicLogsLength,
    int contractClassLogLength) {

  /** The marker field; a value out of its bit range throws {@link IllegalArgumentException}. */
  public Fr encode() {
    return Bits.start(Constants.TX_START_PREFIX)
        .put(numNoteHashes, 16, "numNoteHashes")
        .put(numNullifiers, 16, "numNullifiers")
        .put(numL2ToL1Msgs, 16, "numL2ToL1Msgs")
        .put(numPublicDataWrites, 16, "numPublicDataWrites")
        .put(numPrivateLogs, 16, "numPrivateLogs")
        .put(privateLogsLength, 16, "privateLogsLength")
        .put(publicLogsLength, 32, "publicLogsLength")
        .put(contractClassLogLength, 16, "contractClassLogLength")
        .put(revertCode, 8, "revertCode")
        .put(numBlobFields, 32, "numBlobFields")
        .field();
  }

  /** Decodes a marker; a wrong prefix throws {@link BlobDecodingException}. */
  public static TxStartMarker decode(Fr field) {
    Bits b = Bits.of(field);
    long numBlobFields = b.take(32);
    int revertCode = (int) b.take(8);
    int classLogLength = (int) b.take(16);
    long publicLogsLength = b.take(32);
    int privateLogsLength = (int) b.take(16);
    int numPrivateLogs = (int) b.take(16);
    int numPublicDataWrites = (int) b.take(16);
    int numL2ToL1Msgs = (int) b.take(16);
    int numNullifiers = (int) b.take(16);
    int numNoteHashes = (int) b.take(16);
    if (!b.rest().equals(BigInteger.valueOf(Constants.TX_START_PREFIX))) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: invalid tx start marker " + field);
    }
    return new TxStartMarker(
        numBlobFields,
        revertCode,
        numNoteHashes,
        numNullifiers,
        numL2ToL1Msgs,
        numPublicDataWrites,
        numPrivateLogs,
        privateLogsLength,
        publicLogsLength,
        classLogLength);
  }
}
