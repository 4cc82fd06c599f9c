package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/**
 * One tx's blob data, decoded but not yet validated as a {@code TxEffect}.
 *
 * @param txStartMarker the start marker
 * @param txHash the tx hash
 * @param transactionFee the fee
 * @param noteHashes note hashes
 * @param nullifiers nullifiers
 * @param l2ToL1Msgs L2→L1 message hashes
 * @param publicDataWrites pairs {@code [leafSlot, value]}
 * @param privateLogs each private log's emitted fields
 * @param publicLogs the flattened public logs
 * @param contractClassLog {@code [address, ...emitted fields]}, or empty
 */
public record TxBlobData(
    TxStartMarker txStartMarker,
    Fr txHash,
    Fr transactionFee,
    List<Fr> noteHashes,
    List<Fr> nullifiers,
    List<Fr> l2ToL1Msgs,
    List<List<Fr>> publicDataWrites,
    List<List<Fr>> privateLogs,
    List<Fr> publicLogs,
    List<Fr> contractClassLog) {
  public TxBlobData {
    noteHashes = List.copyOf(noteHashes);
    nullifiers = List.copyOf(nullifiers);
    l2ToL1Msgs = List.copyOf(l2ToL1Msgs);
    publicDataWrites = publicDataWrites.stream().map(List::copyOf).toList();
    privateLogs = privateLogs.stream().map(List::copyOf).toList();
    publicLogs = List.copyOf(publicLogs);
    contractClassLog = List.copyOf(contractClassLog);
  }
}
