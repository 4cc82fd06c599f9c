package io.quetzal.sequencerclient.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The nine proposal transactions the official 4.1.2 local network sent. */
final class Fixtures {
  static final List<String> PROPOSALS =
      List.of(
          "32_0x713b1b476c21906222e89562fcd728d09cc5ff7fb64b8e1c7f5898c4cab9c8bc",
          "35_0x58300d194437b8394a1b286c07a1f428d02052d37271a5b405230332511b1495",
          "38_0x8d8b9c4b3433836cf3f263bf34d28c4582cc57b4c3ad0afba58f76a85ef712df",
          "41_0x6b73848e5e8aa8466b45d086b28ec3cfb040a3980dad58306f2aa253bf55505b",
          "45_0xd7a33901c652f3a39e8af55a6742b525ea1f8ba5434e800f9fe95683961d9e9f",
          "48_0xe8e6ea49c9a92aaccdd2d902cb356f47ce69e7f644134a72216b2652dbe57d0b",
          "51_0xd390192c930c4f9abeb016cf56460743d14eb6373b76dcf13e7d4e9f3b6aca3f",
          "54_0x7fc57fc52d60bbc8877338c2500585f22d88ee265ecf21fd940366f6d3802cf0",
          "57_0xc65f720a939ce8960062d77340fcc63baf41e598132ab1957142656c755e93f9");

  /** The official local network's rollup. */
  static final String ROLLUP = "0x322813fd9a801c5507c9de605d63cea4f2ce6c44";

  /** anvil's (public, well-known) dev account 0, the official local network's publisher. */
  static final String ANVIL_KEY_0 =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** The {@code eth_getTransactionByHash} result of a proposal. */
  static JsonNode tx(String name) {
    try (InputStream raw =
        Fixtures.class.getResourceAsStream("proposals/" + name + ".tx.json.gz")) {
      if (raw == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      try (InputStream in = new GZIPInputStream(raw)) {
        return MAPPER.readTree(in).path("response").path("result");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
