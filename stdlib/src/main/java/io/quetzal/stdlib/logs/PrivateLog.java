package io.quetzal.stdlib.logs;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A private log: {@link Constants#PRIVATE_LOG_SIZE_IN_FIELDS} fields of which the first {@code
 * emittedLength} were emitted (the rest zero when rebuilt from blobs). Buffer: the 16 fields then
 * the length as a 4-byte number; blob form: the emitted fields only; JSON: {@code {fields (all 16),
 * emittedLength}}.
 *
 * @param fields exactly 16 fields, the first one the tag
 * @param emittedLength 0 to 16
 */
public record PrivateLog(List<Fr> fields, int emittedLength) implements BufferSerializable {
  public PrivateLog {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    if (fields.size() != Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException(
          "a private log has "
              + Constants.PRIVATE_LOG_SIZE_IN_FIELDS
              + " fields, got "
              + fields.size());
    }
    if (emittedLength < 0 || emittedLength > Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException(
          "private log emittedLength out of range: " + emittedLength);
    }
  }

  /** A log of the given emitted fields, zero-padded to 16 (as {@code fromBlobFields}). */
  public static PrivateLog fromEmittedFields(List<Fr> emitted) {
    if (emitted.size() > Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException("private log too long: " + emitted.size() + " fields");
    }
    List<Fr> all = new ArrayList<>(Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
    all.addAll(emitted);
    while (all.size() < Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
      all.add(Fr.ZERO);
    }
    return new PrivateLog(all, emitted.size());
  }

  public boolean isEmpty() {
    return emittedLength == 0;
  }

  /** The emitted fields: the blob form. */
  public List<Fr> emittedFields() {
    return fields.subList(0, emittedLength);
  }

  @Override
  public void writeTo(BufferWriter writer) {
    fields.forEach(writer::writeFr);
    writer.writeNumber(emittedLength);
  }

  public static PrivateLog fromBuffer(BufferReader reader) {
    List<Fr> fields = new ArrayList<>(Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
    for (int i = 0; i < Constants.PRIVATE_LOG_SIZE_IN_FIELDS; i++) {
      fields.add(reader.readFr());
    }
    long len = reader.readNumber();
    if (len > Constants.PRIVATE_LOG_SIZE_IN_FIELDS) {
      throw new IllegalArgumentException("private log emittedLength out of range: " + len);
    }
    return new PrivateLog(fields, (int) len);
  }
}
