package io.quetzal.worldstate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import io.quetzal.worldstate.tree.IndexedLeaf;
import io.quetzal.worldstate.tree.LeafKind;
import io.quetzal.worldstate.tree.NodeHash;
import io.quetzal.worldstate.tree.ZeroHashes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unrolled tree hashes equal barretenberg's sponge as implemented by {@link Poseidon2}. */
class NodeHashTest {
  @Test
  void unrolledHashesEqualTheSponge() {
    Property.forAll(
        "pair, three and four inputs hash as Poseidon2.hash",
        200,
        r ->
            List.of(
                RandomBlocks.randomField(r),
                RandomBlocks.randomField(r),
                RandomBlocks.randomField(r),
                Fr.ofLong(r.nextLong() & Long.MAX_VALUE)),
        in -> {
          assertThat(NodeHash.pair(in.get(0), in.get(1)))
              .isEqualTo(Poseidon2.hash(in.get(0), in.get(1)));
          long[] out = new long[4];
          NodeHash.three(in.get(0), in.get(1), in.get(2), out, 0);
          assertThat(Fr.fromMontgomeryLimbs(out, 0))
              .isEqualTo(Poseidon2.hash(in.get(0), in.get(1), in.get(2)));
          NodeHash.four(in.get(0), in.get(1), in.get(2), in.get(3), out, 0);
          assertThat(Fr.fromMontgomeryLimbs(out, 0))
              .isEqualTo(Poseidon2.hash(in.get(0), in.get(1), in.get(2), in.get(3)));
        });
  }

  @Test
  void leafHashesFollowTheOfficialInputsAndTheEmptyRule() {
    IndexedLeaf nullifier = new IndexedLeaf(Fr.ofLong(5), Fr.ZERO, Fr.ofLong(9), 3);
    assertThat(LeafKind.NULLIFIER.leafValue(nullifier))
        .isEqualTo(Poseidon2.hash(Fr.ofLong(5), Fr.ofLong(9), Fr.ofLong(3)));
    IndexedLeaf data = new IndexedLeaf(Fr.ofLong(5), Fr.ofLong(7), Fr.ofLong(9), 3);
    assertThat(LeafKind.PUBLIC_DATA.leafValue(data))
        .isEqualTo(Poseidon2.hash(Fr.ofLong(5), Fr.ofLong(7), Fr.ofLong(9), Fr.ofLong(3)));
    // an empty leaf written after genesis is zero, even if it links somewhere
    IndexedLeaf emptyLinked = new IndexedLeaf(Fr.ZERO, Fr.ZERO, Fr.ofLong(9), 3);
    assertThat(LeafKind.PUBLIC_DATA.leafValue(emptyLinked)).isEqualTo(Fr.ZERO);
    assertThat(LeafKind.NULLIFIER.leafValue(emptyLinked)).isEqualTo(Fr.ZERO);
    assertThat(LeafKind.PUBLIC_DATA.decode(LeafKind.PUBLIC_DATA.encode(data))).isEqualTo(data);
    assertThat(LeafKind.NULLIFIER.decode(LeafKind.NULLIFIER.encode(nullifier)))
        .isEqualTo(nullifier);
  }

  @Test
  void zeroHashesChainUpFromZero() {
    ZeroHashes z = ZeroHashes.of(4);
    assertThat(z.at(4)).isEqualTo(Fr.ZERO);
    for (int level = 3; level >= 0; level--) {
      assertThat(z.at(level)).isEqualTo(Poseidon2.hash(z.at(level + 1), z.at(level + 1)));
    }
    assertThat(ZeroHashes.of(4)).isSameAs(z);
  }
}
