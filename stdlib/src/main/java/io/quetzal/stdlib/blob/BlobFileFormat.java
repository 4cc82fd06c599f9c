package io.quetzal.stdlib.blob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xerial.snappy.Snappy;

/**
 * The blob file-store format ({@code @aztec/blob-client} file stores, {@code
 * BLOB_FILE_STORE_URLS}): a blob lives at {@code <base>/blobs/<0x versioned hash>.data} as
 * <b>raw</b> (unframed) snappy of the JSON {@code {"blob":"0x…","kzg_commitment":"0x…"}} (lowercase
 * hex, 131072 and 48 bytes).
 *
 * <p>Pure codec: fetching the file is the caller's job. The official reader also recomputes the KZG
 * commitment from the data; here the caller checks the versioned hash against L1 with {@link
 * #decode(byte[], byte[])} (binding data to commitment needs KZG, done elsewhere if at all).
 * Stateless, thread-safe.
 */
public final class BlobFileFormat {
  /** Refuse files claiming more than this once decompressed (the JSON of one blob is ~262 KB). */
  private static final int MAX_UNCOMPRESSED = 1 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BlobFileFormat() {}

  /** The file's path below the store's base: {@code blobs/0x<versioned hash>.data}. */
  public static String path(byte[] versionedHash) {
    return "blobs/" + Hex.encode(versionedHash) + ".data";
  }

  /** The file content of {@code blob}. */
  public static byte[] encode(Blob blob) {
    String json =
        "{\"blob\":\""
            + Hex.encode(blob.data())
            + "\",\"kzg_commitment\":\""
            + Hex.encode(blob.commitment())
            + "\"}";
    try {
      return Snappy.compress(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("snappy compression failed", e);
    }
  }

  /** The blob in a file; anything malformed throws {@link BlobDecodingException}. */
  public static Blob decode(byte[] file) {
    byte[] json;
    try {
      if (!Snappy.isValidCompressedBuffer(file)) {
        throw new BlobDecodingException("blob file is not raw snappy data");
      }
      int len = Snappy.uncompressedLength(file);
      if (len < 0 || len > MAX_UNCOMPRESSED) {
        throw new BlobDecodingException("blob file too large once decompressed: " + len + " bytes");
      }
      json = Snappy.uncompress(file);
    } catch (IOException e) {
      throw new BlobDecodingException("blob file is not raw snappy data: " + e.getMessage(), e);
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BlobDecodingException("blob file is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BlobDecodingException("blob file is not JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new BlobDecodingException("blob file JSON is not an object");
    }
    return new Blob(hex(n, "blob"), hex(n, "kzg_commitment"));
  }

  /**
   * The blob in a file, checked to have {@code expectedVersionedHash}; a mismatch throws {@link
   * BlobDecodingException}.
   */
  public static Blob decode(byte[] file, byte[] expectedVersionedHash) {
    Blob blob = decode(file);
    if (!Arrays.equals(blob.versionedHash(), expectedVersionedHash)) {
      throw new BlobDecodingException(
          "blob file commitment has versioned hash "
              + Hex.encode(blob.versionedHash())
              + ", expected "
              + Hex.encode(expectedVersionedHash));
    }
    return blob;
  }

  private static byte[] hex(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual() || !Hex.isPrefixedHex(v.asText())) {
      throw new BlobDecodingException("blob file JSON lacks a 0x-hex \"" + name + "\"");
    }
    try {
      return Hex.decode(v.asText());
    } catch (IllegalArgumentException e) {
      throw new BlobDecodingException(
          "blob file \"" + name + "\" is not hex: " + e.getMessage(), e);
    }
  }
}
