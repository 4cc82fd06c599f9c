package io.quetzal.worldstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.PartialStateReference;
import io.quetzal.stdlib.block.StateReference;
import io.quetzal.stdlib.trees.AppendOnlyTreeSnapshot;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The official world-state oracle ({@code vectors/world-state-oracle.json}) and its decoders. */
final class Oracle {
  private static JsonNode root;

  private Oracle() {}

  static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = Oracle.class.getResourceAsStream("/vectors/world-state-oracle.json")) {
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  static Fr fr(JsonNode n) {
    return Fr.fromHexString(n.asText());
  }

  static List<Fr> frs(JsonNode n) {
    List<Fr> out = new ArrayList<>();
    n.forEach(x -> out.add(fr(x)));
    return out;
  }

  static MerkleTreeId tree(String name) {
    return MerkleTreeId.valueOf(name);
  }

  static PublicDataTreeLeaf write(JsonNode n) {
    return new PublicDataTreeLeaf(fr(n.get("slot")), fr(n.get("value")));
  }

  static List<PublicDataTreeLeaf> writes(JsonNode n) {
    List<PublicDataTreeLeaf> out = new ArrayList<>();
    n.forEach(x -> out.add(write(x)));
    return out;
  }

  static AppendOnlyTreeSnapshot snapshot(JsonNode trees, MerkleTreeId id) {
    JsonNode t = trees.get(id.name());
    return new AppendOnlyTreeSnapshot(fr(t.get("root")), t.get("size").asLong());
  }

  static StateReference state(JsonNode trees) {
    return new StateReference(
        snapshot(trees, MerkleTreeId.L1_TO_L2_MESSAGE_TREE),
        new PartialStateReference(
            snapshot(trees, MerkleTreeId.NOTE_HASH_TREE),
            snapshot(trees, MerkleTreeId.NULLIFIER_TREE),
            snapshot(trees, MerkleTreeId.PUBLIC_DATA_TREE)));
  }

  static NullifierLeafPreimage nullifierPreimage(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new NullifierLeafPreimage(
        fr(n.get("nullifier")), fr(n.get("nextNullifier")), n.get("nextIndex").asLong());
  }

  static PublicDataTreeLeafPreimage publicDataPreimage(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new PublicDataTreeLeafPreimage(
        fr(n.get("slot")), fr(n.get("value")), fr(n.get("nextSlot")), n.get("nextIndex").asLong());
  }

  /** A preimage of either indexed tree as its stdlib record (or null). */
  static Object preimage(MerkleTreeId id, JsonNode n) {
    return id == MerkleTreeId.NULLIFIER_TREE ? nullifierPreimage(n) : publicDataPreimage(n);
  }

  static BlockInput block(JsonNode b) {
    List<TxEffects> txs = new ArrayList<>();
    for (JsonNode t : b.get("txs")) {
      txs.add(
          new TxEffects(
              frs(t.get("noteHashes")),
              frs(t.get("nullifiers")),
              writes(t.get("publicDataWrites"))));
    }
    return new BlockInput(
        b.get("number").asLong(),
        fr(b.get("header").get("hash")),
        state(b.get("trees")),
        b.get("firstInCheckpoint").asBoolean(),
        frs(b.get("l1ToL2Messages")),
        txs);
  }

  static JsonNode genesis(String label) {
    for (JsonNode g : root().get("genesis")) {
      if (g.get("label").asText().equals(label)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no genesis " + label);
  }
}
