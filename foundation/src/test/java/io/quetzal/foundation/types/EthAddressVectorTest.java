package io.quetzal.foundation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.serialize.BufferReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
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

  @Property(tries = 200, seed = "4120412")
  void stringFormsRoundTrip(@ForAll @Size(20) byte[] bytes) {
    EthAddress a = EthAddress.fromBytes(bytes);
    assertThat(EthAddress.fromString(a.toString())).isEqualTo(a);
    assertThat(EthAddress.fromString(a.toChecksumString())).isEqualTo(a);
    assertThat(EthAddress.fromString(a.toString().substring(2).toUpperCase(Locale.ROOT)))
        .isEqualTo(a);
    assertThat(EthAddress.fromBuffer(new BufferReader(a.toBuffer()))).isEqualTo(a);
    assertThat(a.toString()).matches("0x[0-9a-f]{40}");
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
