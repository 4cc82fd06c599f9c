package io.quetzal.foundation.crypto;

import static io.quetzal.foundation.field.ReferenceVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.ReferenceVectors;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** sha256 and sha256ToField against the official {@code @aztec/foundation/crypto/sha256}. */
class Sha256VectorsTest {
  @Test
  void sha256ToField() {
    JsonNode vs = ReferenceVectors.poseidon2().get("sha256ToField");
    assertThat(vs.size()).isGreaterThanOrEqualTo(200);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      byte[] in = bytes(v.get("input"));
      assertThat(Sha256.sha256(in))
          .as("sha256ToField[%d] digest", i)
          .isEqualTo(bytes(v.get("sha256")));
      assertThat(Sha256.sha256ToField(in).toString())
          .as("sha256ToField[%d] (%d bytes)", i, in.length)
          .isEqualTo(v.get("field").asText());
    }
  }

  @Test
  void truncationKeepsTheFirst31DigestBytes() {
    byte[] in = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] digest = Sha256.sha256(in);
    BigInteger expected = new BigInteger(1, digest).shiftRight(8);
    assertThat(Sha256.sha256ToField(in).toBigInteger()).isEqualTo(expected);
    assertThat(Sha256.sha256Truncated(in)[0]).isZero();
  }
}
