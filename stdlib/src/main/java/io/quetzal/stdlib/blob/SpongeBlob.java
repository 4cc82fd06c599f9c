package io.quetzal.stdlib.blob;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import java.math.BigInteger;
import java.util.List;

/**
 * The Poseidon2 sponge over a checkpoint's blob fields ({@code SpongeBlob} of blob-lib, itself
 * noir's stdlib sponge): rate 3, capacity 1, initialised with {@code IV = MAX_FIELDS * 2^64} in the
 * capacity element where {@code MAX_FIELDS = BLOBS_PER_CHECKPOINT * FIELDS_PER_BLOB}. A block's
 * {@code spongeBlobHash} is the squeeze of a copy of the sponge after absorbing every block of the
 * checkpoint up to and including it.
 *
 * <p>Mutable and not thread-safe; {@link #copy()} before {@link #squeeze()} to keep absorbing.
 */
public final class SpongeBlob {
  public static final int MAX_FIELDS = Constants.BLOBS_PER_CHECKPOINT * Constants.FIELDS_PER_BLOB;
  private static final Fr IV = Fr.fromBigInteger(BigInteger.valueOf(MAX_FIELDS).shiftLeft(64));

  private final Fr[] cache = new Fr[3];
  private Fr[] state = new Fr[4];
  private int cacheSize;
  private boolean squeezed;
  private int numAbsorbedFields;

  private SpongeBlob() {}

  /** A fresh sponge ({@code SpongeBlob.init()}). */
  public static SpongeBlob init() {
    SpongeBlob s = new SpongeBlob();
    java.util.Arrays.fill(s.cache, Fr.ZERO);
    java.util.Arrays.fill(s.state, Fr.ZERO);
    s.state[3] = IV;
    return s;
  }

  public SpongeBlob copy() {
    SpongeBlob s = new SpongeBlob();
    System.arraycopy(cache, 0, s.cache, 0, 3);
    s.state = state.clone();
    s.cacheSize = cacheSize;
    s.squeezed = squeezed;
    s.numAbsorbedFields = numAbsorbedFields;
    return s;
  }

  public int numAbsorbedFields() {
    return numAbsorbedFields;
  }

  /**
   * Absorbs {@code fields}; more than {@link #MAX_FIELDS} in total, or absorbing after a squeeze,
   * throws {@link IllegalStateException}.
   */
  public void absorb(List<Fr> fields) {
    if ((long) numAbsorbedFields + fields.size() > MAX_FIELDS) {
      throw new IllegalStateException(
          "Attempted to fill spongeBlob with "
              + ((long) numAbsorbedFields + fields.size())
              + ", but it has a max of "
              + MAX_FIELDS);
    }
    if (squeezed) {
      throw new IllegalStateException("Poseidon sponge is not able to absorb more inputs.");
    }
    for (Fr f : fields) {
      if (cacheSize == cache.length) {
        duplex();
        cache[0] = f;
        cacheSize = 1;
      } else {
        cache[cacheSize++] = f;
      }
    }
    numAbsorbedFields += fields.size();
  }

  /** The hash; the sponge cannot be used afterwards. */
  public Fr squeeze() {
    if (squeezed) {
      throw new IllegalStateException("Poseidon sponge has already been squeezed.");
    }
    duplex();
    squeezed = true;
    return state[0];
  }

  private void duplex() {
    for (int i = 0; i < cacheSize; i++) {
      state[i] = state[i].add(cache[i]);
    }
    state = Poseidon2.permutation(state);
  }

  /** {@code computeBlobFieldsHash}: a fresh sponge absorbing {@code fields}, squeezed. */
  public static Fr blobFieldsHash(List<Fr> fields) {
    SpongeBlob s = init();
    s.absorb(fields);
    return s.squeeze();
  }
}
