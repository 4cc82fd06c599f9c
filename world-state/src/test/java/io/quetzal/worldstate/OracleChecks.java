package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.MerkleTreeId;
import java.util.Map;
import java.util.Optional;

/** Comparisons of a state against the oracle's recorded reads. */
final class OracleChecks {
  private OracleChecks() {}

  static void trees(MerkleTreeReadOps ops, JsonNode trees, String where) {
    for (Map.Entry<String, JsonNode> e : trees.properties()) {
      MerkleTreeId id = Oracle.tree(e.getKey());
      TreeInfo info = ops.treeInfo(id);
      assertThat(info.root())
          .as("%s %s root", where, id)
          .isEqualTo(Oracle.fr(e.getValue().get("root")));
      assertThat(info.size())
          .as("%s %s size", where, id)
          .isEqualTo(e.getValue().get("size").asLong());
    }
  }

  /** siblingPaths, leafPreimages, lowLeaf and findLeafIndices of a block or historical entry. */
  static int reads(MerkleTreeReadOps ops, JsonNode entry, String where) {
    int checks = 0;
    for (Map.Entry<String, JsonNode> e : entry.get("siblingPaths").properties()) {
      MerkleTreeId id = Oracle.tree(e.getKey());
      for (JsonNode p : e.getValue()) {
        long index = p.get("index").asLong();
        assertThat(ops.siblingPath(id, index))
            .as("%s %s sibling path of %d", where, id, index)
            .isEqualTo(Oracle.frs(p.get("path")));
        checks++;
      }
    }
    for (Map.Entry<String, JsonNode> e : entry.get("leafPreimages").properties()) {
      MerkleTreeId id = Oracle.tree(e.getKey());
      for (JsonNode p : e.getValue()) {
        long index = p.get("index").asLong();
        Object expected = Oracle.preimage(id, p.get("preimage"));
        Object actual =
            id == MerkleTreeId.NULLIFIER_TREE
                ? ops.nullifierPreimage(index).orElse(null)
                : ops.publicDataPreimage(index).orElse(null);
        assertThat(actual).as("%s %s preimage %d", where, id, index).isEqualTo(expected);
        checks++;
      }
    }
    for (Map.Entry<String, JsonNode> e : entry.get("lowLeaf").properties()) {
      MerkleTreeId id = Oracle.tree(e.getKey());
      for (JsonNode p : e.getValue()) {
        Fr key = Oracle.fr(p.get("key"));
        LowLeaf low = ops.lowLeaf(id, key);
        assertThat(low.index())
            .as("%s %s low leaf of %s", where, id, key)
            .isEqualTo(p.get("index").asLong());
        assertThat(low.alreadyPresent())
            .as("%s %s present %s", where, id, key)
            .isEqualTo(p.get("alreadyPresent").asBoolean());
        Object actual =
            id == MerkleTreeId.NULLIFIER_TREE
                ? ops.nullifierPreimage(low.index()).orElse(null)
                : ops.publicDataPreimage(low.index()).orElse(null);
        assertThat(actual)
            .as("%s %s low preimage", where, id)
            .isEqualTo(Oracle.preimage(id, p.get("preimage")));
        assertThat(ops.siblingPath(id, low.index()))
            .as("%s %s low leaf path", where, id)
            .isEqualTo(Oracle.frs(p.get("siblingPath")));
        checks++;
      }
    }
    for (Map.Entry<String, JsonNode> e : entry.get("findLeafIndices").properties()) {
      MerkleTreeId id = Oracle.tree(e.getKey());
      for (JsonNode p : e.getValue()) {
        String hex = p.get("leaf").asText();
        // public data: slot || value; the lookup is by slot
        Fr leaf = Fr.fromHexString(hex.length() > 66 ? hex.substring(0, 66) : hex);
        JsonNode idx = p.get("index");
        Optional<Long> expected = idx.isNull() ? Optional.empty() : Optional.of(idx.asLong());
        assertThat(ops.findLeafIndex(id, leaf))
            .as("%s %s find %s", where, id, hex)
            .isEqualTo(expected);
        checks++;
      }
    }
    return checks;
  }
}
