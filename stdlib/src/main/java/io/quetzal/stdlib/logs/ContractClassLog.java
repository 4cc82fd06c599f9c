package io.quetzal.stdlib.logs;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A contract class log (a class registration's bytecode): the emitting contract, {@link
 * Constants#CONTRACT_CLASS_LOG_SIZE_IN_FIELDS} fields of which the first {@code emittedLength} were
 * emitted. Buffer: address, the 3023 fields, the length as a 4-byte number; blob form: {@code
 * [address, ...emitted fields]}; JSON: {@code {contractAddress, fields: {fields: [all 3023]},
 * emittedLength}} (the padding makes a class registration's JSON about 200 KB).
 *
 * @param contractAddress the emitting contract
 * @param fields exactly 3023 fields
 * @param emittedLength 0 to 3023
 */
public record ContractClassLog(AztecAddress contractAddress, List<Fr> fields, int emittedLength)
    implements BufferSerializable {
  public ContractClassLog {
    Objects.requireNonNull(contractAddress, "contractAddress");
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    if (fields.size() != Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException(
          "Invalid number of fields for ContractClassLog. Expected "
              + Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS
              + ", got "
              + fields.size());
    }
    if (emittedLength < 0 || emittedLength > Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException(
          "contract class log emittedLength out of range: " + emittedLength);
    }
  }

  /** A log of the given emitted fields, zero-padded to 3023 (as {@code fromBlobFields}). */
  public static ContractClassLog fromEmittedFields(AztecAddress address, List<Fr> emitted) {
    if (emitted.size() > Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException(
          "contract class log too long: " + emitted.size() + " fields");
    }
    List<Fr> all = new ArrayList<>(Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS);
    all.addAll(emitted);
    while (all.size() < Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
      all.add(Fr.ZERO);
    }
    return new ContractClassLog(address, all, emitted.size());
  }

  public List<Fr> emittedFields() {
    return fields.subList(0, emittedLength);
  }

  /** {@code [contractAddress, ...emitted fields]}. */
  public List<Fr> toBlobFields() {
    List<Fr> out = new ArrayList<>(emittedLength + 1);
    out.add(contractAddress.toField());
    out.addAll(emittedFields());
    return out;
  }

  @Override
  public void writeTo(BufferWriter writer) {
    contractAddress.writeTo(writer);
    fields.forEach(writer::writeFr);
    writer.writeNumber(emittedLength);
  }

  public static ContractClassLog fromBuffer(BufferReader reader) {
    AztecAddress address = AztecAddress.fromBuffer(reader);
    List<Fr> fields = new ArrayList<>(Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS);
    for (int i = 0; i < Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS; i++) {
      fields.add(reader.readFr());
    }
    long len = reader.readNumber();
    if (len > Constants.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException("contract class log emittedLength out of range: " + len);
    }
    return new ContractClassLog(address, fields, (int) len);
  }
}
