package io.quetzal.ethereum.blobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.xerial.snappy.Snappy;

/**
 * The JSON form of a blob, {@code {"blob": "0x…", "kzg_commitment": "0x…"}}, as beacon nodes return
 * it (inside {@code data[]}) and as blob file stores keep it. File stores keep it <b>raw-snappy</b>
 * compressed (snappy's block format, not the framed stream format: the official client uses {@code
 * snappy.compressSync}).
 */
public final class BlobJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BlobJson() {}

  /** Parses one blob object; {@code source} names where it came from in the error. */
  public static Blob parse(JsonNode node, String source) {
    if (node == null || !node.isObject()) {
      throw new BlobSourceException(source + ": expected a blob object, got " + brief(node));
    }
    JsonNode b = node.get("blob");
    JsonNode c = node.get("kzg_commitment");
    if (b == null || !b.isTextual() || c == null || !c.isTextual()) {
      throw new BlobSourceException(
          source + ": blob object without text fields 'blob' and 'kzg_commitment'");
    }
    byte[] data;
    byte[] commitment;
    try {
      data = Hex.decode(b.asText());
      commitment = Hex.decode(c.asText());
    } catch (RuntimeException e) {
      throw new BlobSourceException(source + ": blob or kzg_commitment is not 0x-hex", e);
    }
    try {
      return new Blob(data, commitment);
    } catch (IllegalArgumentException e) {
      throw new BlobSourceException(source + ": " + e.getMessage(), e);
    }
  }

  /** Parses a JSON document. */
  public static JsonNode readTree(byte[] json, String source) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new BlobSourceException(source + ": not valid JSON (" + firstLine(e) + ")", e);
    }
  }

  /** Decodes a file store's {@code <versionedHash>.data}: raw snappy of the blob JSON. */
  public static Blob fromFileBytes(byte[] file, String source) {
    byte[] json;
    try {
      if (!Snappy.isValidCompressedBuffer(file)) {
        throw new BlobSourceException(source + ": not a raw-snappy compressed blob file");
      }
      json = Snappy.uncompress(file);
    } catch (IOException e) {
      throw new BlobSourceException(source + ": cannot snappy-decompress the blob file", e);
    }
    return parse(readTree(json, source), source);
  }

  /** Encodes a blob for a file store (raw snappy of the JSON). */
  public static byte[] toFileBytes(Blob blob) {
    String json =
        "{\"blob\":\""
            + Hex.encode(blob.data())
            + "\",\"kzg_commitment\":\""
            + Hex.encode(blob.commitment())
            + "\"}";
    try {
      return Snappy.compress(json.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new BlobSourceException("cannot snappy-compress a blob", e);
    }
  }

  private static String brief(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
