package io.quetzal.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.keys.GrumpkinPoint;
import io.quetzal.stdlib.keys.PublicKeys;
import io.quetzal.stdlib.trees.MerkleTreeId;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every constant the generator recorded equals the Java one of the same name. */
class ConstantsVectorTest {
  @Test
  void everyRecordedConstantMatches() throws ReflectiveOperationException {
    JsonNode constants = StdlibVectors.get("constants");
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = constants.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      BigInteger expected = StdlibVectors.fr(e.getValue()).toBigInteger();
      if (name.startsWith("DEFAULT_")) {
        assertThat(defaultKeyCoordinate(name)).as(name).isEqualTo(expected);
      } else {
        Class<?> owner = Constants.class;
        String field = name;
        if (name.startsWith("DomainSeparator.")) {
          owner = Constants.DomainSeparator.class;
          field = name.substring("DomainSeparator.".length());
        }
        Field f = owner.getField(field);
        Object v = f.get(null);
        BigInteger actual =
            v instanceof Fr fr ? fr.toBigInteger() : BigInteger.valueOf(((Number) v).longValue());
        assertThat(actual).as(name).isEqualTo(expected);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void treeIdsAndHeights() {
    assertThat(MerkleTreeId.values()).hasSize(5);
    for (MerkleTreeId t : MerkleTreeId.values()) {
      assertThat(MerkleTreeId.fromId(t.id())).isEqualTo(t);
      assertThat(t.id()).isEqualTo(t.ordinal());
    }
    assertThat(MerkleTreeId.NULLIFIER_TREE.height()).isEqualTo(42);
    assertThat(MerkleTreeId.NOTE_HASH_TREE.height()).isEqualTo(42);
    assertThat(MerkleTreeId.PUBLIC_DATA_TREE.height()).isEqualTo(40);
    assertThat(MerkleTreeId.L1_TO_L2_MESSAGE_TREE.height()).isEqualTo(36);
    assertThat(MerkleTreeId.ARCHIVE.height()).isEqualTo(30);
  }

  private static BigInteger defaultKeyCoordinate(String name) {
    PublicKeys d = PublicKeys.DEFAULT;
    GrumpkinPoint p =
        switch (name.substring("DEFAULT_".length(), name.length() - 2)) {
          case "NPK_M" -> d.masterNullifierPublicKey();
          case "IVPK_M" -> d.masterIncomingViewingPublicKey();
          case "OVPK_M" -> d.masterOutgoingViewingPublicKey();
          case "TPK_M" -> d.masterTaggingPublicKey();
          default -> throw new IllegalArgumentException(name);
        };
    return (name.endsWith("_X") ? p.x() : p.y()).toBigInteger();
  }
}
