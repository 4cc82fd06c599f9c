package io.quetzal.stdlib.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** {@link InHash} against the official local network's checkpoint headers. */
class InHashTest {
  /** The demo's L1→L2 message, consumed by checkpoint 6 of the reference chain. */
  private static final Fr DEMO_MESSAGE =
      Fr.fromHexString("0x0021865b60b434531ae2b826712037c1b5bd01f0e79bf146b466d9ab6b64b0a0");

  @Test
  void equalsTheInHashOfEveryReferenceCheckpoint() throws IOException {
    JsonNode published;
    try (InputStream in =
        getClass().getResourceAsStream("/reference-4.1.2/node/node_getCheckpoints_1_50.json.gz")) {
      published =
          new ObjectMapper().readTree(new GZIPInputStream(in)).get("response").get("result");
    }
    assertThat(published.size()).isEqualTo(9);
    for (JsonNode p : published) {
      long n = p.get("checkpoint").get("number").asLong();
      Fr expected = Fr.fromHexString(p.get("checkpoint").get("header").get("inHash").asText());
      List<Fr> messages = n == 6 ? List.of(DEMO_MESSAGE) : List.of();
      assertThat(InHash.of(messages)).as("checkpoint %d", n).isEqualTo(expected);
    }
    assertThat(InHash.of(List.of())).isEqualTo(InHash.empty());
  }

  @Test
  void equalsAFullBalancedTreeComputedNaively() {
    List<Fr> msgs = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      msgs.add(Fr.ofLong(1000 + i * 7919L));
    }
    List<Fr> level = new ArrayList<>(msgs);
    level.addAll(Collections.nCopies(1024 - msgs.size(), Fr.ZERO));
    while (level.size() > 1) {
      List<Fr> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        byte[] b = new byte[64];
        System.arraycopy(level.get(i).toBytes(), 0, b, 0, 32);
        System.arraycopy(level.get(i + 1).toBytes(), 0, b, 32, 32);
        up.add(Sha256.sha256ToField(b));
      }
      level = up;
    }
    assertThat(InHash.of(msgs)).isEqualTo(level.get(0));
    assertThatThrownBy(() -> InHash.of(Collections.nCopies(1025, Fr.ONE)))
        .hasMessageContaining("at most 1024");
  }
}
