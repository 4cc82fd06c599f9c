package io.quetzal.foundation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.testkit.Property;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EthAddress checks from vectors/ethsign.json ("addresses", "addressParse"). */
class EthAddressVectorTest {
  private static JsonNode vectors;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = EthAddressVectorTest.class.getResourceAsStream("/vectors/ethsign.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void checksumRoundTrips() {
    JsonNode list = vectors.get("addresses");
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      String at = "addresses[" + i + "]";
      EthAddress a = EthAddress.fromBytes(Hex.decode(v.get("address").asText()));
      assertThat(a.toString()).as(at).isEqualTo(v.get("address").asText());
      assertThat(a.toChecksumString()).as(at).isEqualTo(v.get("checksum").asText());
      assertThat(a.toField().toString()).as(at).isEqualTo(v.get("field").asText());
      assertThat(EthAddress.fromString(v.get("checksum").asText())).as(at).isEqualTo(a);
      assertThat(EthAddress.fromField(a.toField())).as(at).isEqualTo(a);
      assertThat(EthAddress.checkAddressChecksum(v.get("checksum").asText())).as(at).isTrue();
    }
  }

  @Test
  void parsing() {
    JsonNode list = vectors.get("addressParse");
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      String input = v.get("input").asText();
      String at = "addressParse[" + i + "] " + input;
      assertThat(EthAddress.isAddress(input)).as(at).isEqualTo(v.get("isAddress").asBoolean());
      if (v.has("error")) {
        assertThatThrownBy(() -> EthAddress.fromString(input))
            .as(at)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(v.get("error").asText());
      } else {
        assertThat(EthAddress.fromString(input).toString())
            .as(at)
            .isEqualTo(v.get("address").asText());
      }
    }
  }

  /**
   * Edge addresses: every byte equal (0x00, 0x01, 0x02, 0x11, 0x7e, 0x7f, 0x80, 0x81, 0xaa, 0xfe,
   * 0xff: all digits, all letters, sign-bit boundaries), a single set byte at either end, and
   * 0x00..0x13.
   */
  private static List<byte[]> edgeAddresses() {
    List<byte[]> edges = new ArrayList<>();
    for (int v : new int[] {0x00, 0x01, 0x02, 0x11, 0x7e, 0x7f, 0x80, 0x81, 0xaa, 0xfe, 0xff}) {
      byte[] b = new byte[20];
      Arrays.fill(b, (byte) v);
      edges.add(b);
    }
    byte[] last = new byte[20];
    last[19] = 1;
    edges.add(last);
    byte[] first = new byte[20];
    first[0] = (byte) 0x80;
    edges.add(first);
    byte[] ascending = new byte[20];
    for (int i = 0; i < 20; i++) {
      ascending[i] = (byte) i;
    }
    edges.add(ascending);
    return edges;
  }

  @Test
  void stringFormsRoundTrip() {
    List<byte[]> edges = edgeAddresses();
    Iterator<byte[]> next = edges.iterator();
    Property.forAll(
        "address string forms round-trip",
        edges.size() + 200,
        r -> next.hasNext() ? next.next() : Property.bytes(r, 20),
        bytes -> {
          EthAddress a = EthAddress.fromBytes(bytes);
          assertThat(EthAddress.fromString(a.toString())).isEqualTo(a);
          assertThat(EthAddress.fromString(a.toChecksumString())).isEqualTo(a);
          assertThat(EthAddress.fromString(a.toString().substring(2).toUpperCase(Locale.ROOT)))
              .isEqualTo(a);
          assertThat(EthAddress.fromBuffer(new BufferReader(a.toBuffer()))).isEqualTo(a);
          assertThat(a.toString()).matches("0x[0-9a-f]{40}");
        });
  }

  @Test
  void zeroAndNumbers() {
    assertThat(EthAddress.ZERO.isZero()).isTrue();
    assertThat(EthAddress.ZERO.toString()).isEqualTo("0x" + "0".repeat(40));
    assertThat(EthAddress.fromNumber(0x1234).toString()).isEqualTo("0x" + "0".repeat(36) + "1234");
    assertThat(EthAddress.fromNumber(1).compareTo(EthAddress.fromNumber(2))).isNegative();
    assertThatThrownBy(() -> EthAddress.fromBytes(new byte[19]))
        .hasMessage("Expect buffer size to be 20. Got 19.");
  }
}
