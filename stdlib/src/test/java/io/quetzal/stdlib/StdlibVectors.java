package io.quetzal.stdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The vectors of {@code scripts/vectors/stdlib.mjs}, loaded once. */
public final class StdlibVectors {
  private static final JsonNode ROOT = load();

  private StdlibVectors() {}

  public static JsonNode get(String member) {
    JsonNode n = ROOT.get(member);
    if (n == null) {
      throw new IllegalStateException("no member " + member + " in stdlib.json");
    }
    return n;
  }

  /** A field written as 0x-hex or as decimal digits. */
  public static Fr fr(JsonNode n) {
    String s = n.asText();
    return s.startsWith("0x") ? Fr.fromHexString(s) : Fr.fromBigInteger(new BigInteger(s));
  }

  public static List<Fr> frs(JsonNode array) {
    List<Fr> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(fr(n)));
    return out;
  }

  public static List<String> strings(List<Fr> fields) {
    List<String> out = new ArrayList<>(fields.size());
    fields.forEach(f -> out.add(f.toString()));
    return out;
  }

  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  public static byte[] bytes(JsonNode n) {
    return Hex.decode(n.asText());
  }

  public static String hex(byte[] b) {
    return Hex.encode(b);
  }

  private static JsonNode load() {
    try (InputStream in = StdlibVectors.class.getResourceAsStream("/vectors/stdlib.json")) {
      if (in == null) {
        throw new IllegalStateException("missing /vectors/stdlib.json");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
