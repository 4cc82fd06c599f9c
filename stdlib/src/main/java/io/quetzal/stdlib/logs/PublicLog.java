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
 * A public log: the emitting contract and its fields (any number). Fields form (also its part of
 * the flattened blob form): {@code [fields.length, contractAddress, ...fields]}; buffer: the length
 * as a 4-byte number, the address, the fields; JSON: {@code {contractAddress, fields}}.
 *
 * @param contractAddress the emitting contract
 * @param fields the log's fields
 */
public record PublicLog(AztecAddress contractAddress, List<Fr> fields)
    implements BufferSerializable {
  public PublicLog {
    Objects.requireNonNull(contractAddress, "contractAddress");
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
  }

  /** The number of fields this log takes in the flattened form: header plus fields. */
  public int sizeInFields() {
    return fields.size() + Constants.PUBLIC_LOG_HEADER_LENGTH;
  }

  /** {@code [fields.length, contractAddress, ...fields]}. */
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(sizeInFields());
    out.add(Fr.ofLong(fields.size()));
    out.add(contractAddress.toField());
    out.addAll(fields);
    return out;
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeNumber(fields.size());
    contractAddress.writeTo(writer);
    fields.forEach(writer::writeFr);
  }

  public static PublicLog fromBuffer(BufferReader reader) {
    long n = reader.readNumber();
    AztecAddress address = AztecAddress.fromBuffer(reader);
    if (n * Fr.SIZE_IN_BYTES > reader.remainingBytes()) {
      throw new IllegalArgumentException("public log length " + n + " exceeds the buffer");
    }
    List<Fr> fields = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      fields.add(reader.readFr());
    }
    return new PublicLog(address, fields);
  }
}
