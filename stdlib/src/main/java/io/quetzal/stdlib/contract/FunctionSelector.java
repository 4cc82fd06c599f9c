package io.quetzal.stdlib.contract;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import java.nio.charset.StandardCharsets;

/**
 * A 4-byte function selector: the last four bytes (big-endian) of {@code
 * poseidon2HashBytes(signature)}, e.g. {@code constructor(Field,Field)}.
 *
 * @param value the selector, 0 to 2^32-1
 */
public record FunctionSelector(long value) {
  public FunctionSelector {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException("selector out of range: " + value);
    }
  }

  public static FunctionSelector fromSignature(String signature) {
    for (int i = 0; i < signature.length(); i++) {
      if (Character.isWhitespace(signature.charAt(i))) {
        throw new IllegalArgumentException("Signature cannot contain whitespace");
      }
    }
    byte[] h = Poseidon2.hashBytes(signature.getBytes(StandardCharsets.UTF_8)).toBytes();
    long v =
        ((h[28] & 0xffL) << 24)
            | ((h[29] & 0xffL) << 16)
            | ((h[30] & 0xffL) << 8)
            | (h[31] & 0xffL);
    return new FunctionSelector(v);
  }

  public Fr toField() {
    return Fr.ofLong(value);
  }

  /** {@code 0x} and 8 hex digits. */
  @Override
  public String toString() {
    return String.format("0x%08x", value);
  }
}
