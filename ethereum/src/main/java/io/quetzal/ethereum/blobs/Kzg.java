package io.quetzal.ethereum.blobs;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.util.Arrays;

/**
 * KZG through c-kzg ({@code io.consensys.protocols:jc-kzg-4844}, JNI): the Ethereum mainnet trusted
 * setup is loaded once per process, on first use, from {@code trusted_setup.txt} on the class path
 * (the copy inside web3j's {@code crypto} jar). c-kzg holds one setup per process: if another
 * component (web3j's {@code BlobUtils}) loaded it first, that one is used.
 *
 * <p>Thread-safe. Cost (measured, see the report of the blob client): the first call loads the
 * setup (about a second); a commitment is then tens of milliseconds per blob.
 */
public final class Kzg {
  private static final Object LOCK = new Object();
  private static volatile boolean loaded;

  private Kzg() {}

  /** Loads the native library and the trusted setup if not done yet. */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (LOCK) {
      if (loaded) {
        return;
      }
      CKZG4844JNI.loadNativeLibrary();
      try {
        CKZG4844JNI.loadTrustedSetupFromResource("/trusted_setup.txt", Kzg.class, 0);
      } catch (CKZGException e) {
        if (!String.valueOf(e.getMessage())
            .toLowerCase(java.util.Locale.ROOT)
            .contains("already")) {
          throw new IllegalStateException(
              "cannot load the KZG trusted setup: " + e.getMessage(), e);
        }
      }
      loaded = true;
    }
  }

  /** The KZG commitment of a blob. */
  public static byte[] commitment(byte[] blob) {
    ensureLoaded();
    try {
      return CKZG4844JNI.blobToKzgCommitment(blob);
    } catch (CKZGException e) {
      throw new BlobSourceException("invalid blob: " + e.getMessage(), e);
    }
  }

  /** True when {@code blob.commitment()} is the commitment of {@code blob.data()}. */
  public static boolean verifyCommitment(Blob blob) {
    return Arrays.equals(commitment(blob.data()), blob.commitment());
  }
}
