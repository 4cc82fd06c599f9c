package io.quetzal.stdlib.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BlockHeadersHash} against the official {@code computeUnbalancedPoseidonRoot}. */
class BlockHeadersHashTest {
  @Test
  void equalsTheOfficialUnbalancedRootForOneToFortyLeaves() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/vectors/block-headers-hash.json")) {
      cases = new ObjectMapper().readTree(in).get("cases");
    }
    assertThat(cases.size()).isEqualTo(40);
    for (JsonNode c : cases) {
      List<Fr> leaves = new ArrayList<>();
      c.get("leaves").forEach(l -> leaves.add(Fr.fromHexString(l.asText())));
      assertThat(BlockHeadersHash.root(leaves))
          .as("%d leaves", leaves.size())
          .isEqualTo(Fr.fromHexString(c.get("root").asText()));
    }
  }

  @Test
  void noLeavesIsZero() {
    assertThat(BlockHeadersHash.root(List.of())).isEqualTo(Fr.ZERO);
  }
}
