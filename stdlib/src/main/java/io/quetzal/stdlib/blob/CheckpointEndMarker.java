package io.quetzal.stdlib.blob;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.math.BigInteger;

/**
 * The field closing a checkpoint's blob data: {@code CHECKPOINT_END_PREFIX ‖ numBlobFields:32},
 * where {@code numBlobFields} counts every field of the checkpoint including this marker.
 *
 * @param numBlobFields u32
 */
public record CheckpointEndMarker(long numBlobFields) {
  public Fr encode() {
    return Bits.start(Constants.CHECKPOINT_END_PREFIX)
        .put(numBlobFields, 32, "numBlobFields")
        .field();
  }

  /** Decodes a marker; a wrong prefix throws {@link BlobDecodingException}. */
  public static CheckpointEndMarker decode(Fr field) {
    Bits b = Bits.of(field);
    long n = b.take(32);
    if (!b.rest().equals(BigInteger.valueOf(Constants.CHECKPOINT_END_PREFIX))) {
      throw new BlobDecodingException(
          "Incorrect encoding of blob fields: invalid checkpoint end marker " + field);
    }
    return new CheckpointEndMarker(n);
  }

  public static boolean isCheckpointEndMarker(Fr field) {
    return field
        .toBigInteger()
        .shiftRight(32)
        .equals(BigInteger.valueOf(Constants.CHECKPOINT_END_PREFIX));
  }
}
