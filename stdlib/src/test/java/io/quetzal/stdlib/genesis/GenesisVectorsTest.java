package io.quetzal.stdlib.genesis;

import static io.quetzal.stdlib.StdlibVectors.bytes;
import static io.quetzal.stdlib.StdlibVectors.fr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.StdlibVectors;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeaf;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FeeJuice balance slots, getGenesisValues and the native world state's initial leaves. */
class GenesisVectorsTest {
  @Test
  void feeJuiceAddressAndSlot() {
    JsonNode fj = StdlibVectors.get("feeJuice");
    assertThat(FeeJuice.ADDRESS.toString()).isEqualTo(fj.get("address").asText());
    assertThat(FeeJuice.BALANCES_SLOT.toString()).isEqualTo(fj.get("balancesMapSlot").asText());
  }

  @Test
  void balanceLeafSlots() {
    JsonNode vs = StdlibVectors.get("balanceLeafSlots");
    assertThat(vs.size()).isGreaterThanOrEqualTo(30);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      AztecAddress a = AztecAddress.fromString(v.get("address").asText());
      assertThat(FeeJuice.balanceStorageSlot(a).toString())
          .as("storage slot " + i)
          .isEqualTo(v.get("storageSlot").asText());
      assertThat(FeeJuice.balanceLeafSlot(a).toString())
          .as("leaf slot " + i)
          .isEqualTo(v.get("leafSlot").asText());
    }
  }

  @Test
  void genesisValues() {
    JsonNode vs = StdlibVectors.get("genesis");
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      String at = "genesis case " + v.get("label").asText();
      List<AztecAddress> accounts = new ArrayList<>();
      v.get("accounts").forEach(a -> accounts.add(AztecAddress.fromString(a.asText())));
      GenesisValues g =
          GenesisValues.compute(accounts, fr(v.get("initialBalance")), leaves(v.get("extra")));
      assertThat(g.prefilledPublicData()).as(at).isEqualTo(leaves(v.get("prefilledPublicData")));
      assertThat(g.fundingNeeded())
          .as(at)
          .isEqualTo(new BigInteger(v.get("fundingNeeded").asText()));
      assertThat(GenesisState.genesisArchiveRoot(g.prefilledPublicData()).toString())
          .as(at + " genesis archive root")
          .isEqualTo(v.get("genesisArchiveRoot").asText());
    }
  }

  @Test
  void genesisArchiveRootWithoutPrefillIsTheConstant() {
    assertThat(GenesisState.genesisArchiveRoot(List.of()))
        .isEqualTo(Constants.GENESIS_ARCHIVE_ROOT);
    assertThat(GenesisState.initialHeader(List.of()).hash())
        .isEqualTo(Constants.GENESIS_BLOCK_HEADER_HASH);
  }

  @Test
  void defaultBalanceIsTenToThe22() {
    assertThat(GenesisValues.DEFAULT_INITIAL_ACCOUNT_FEE_JUICE.toBigInteger())
        .isEqualTo(BigInteger.TEN.pow(22));
    GenesisValues g = GenesisValues.compute(List.of(AztecAddress.fromLong(7)));
    assertThat(g.fundingNeeded()).isEqualTo(BigInteger.TEN.pow(22));
    assertThat(g.prefilledPublicData()).hasSize(1);
  }

  @Test
  void initialIndexedTreeLeaves() {
    JsonNode vs = StdlibVectors.get("initialLeaves");
    assertThat(vs.size()).isGreaterThanOrEqualTo(3);
    List<NullifierLeafPreimage> nullifiers = IndexedTreeGenesis.nullifierLeaves();
    for (int c = 0; c < vs.size(); c++) {
      JsonNode v = vs.get(c);
      String at = "initial leaves " + v.get("label").asText();
      List<PublicDataTreeLeaf> prefill = leaves(v.get("prefilledPublicData"));
      List<PublicDataTreeLeafPreimage> pub = IndexedTreeGenesis.publicDataLeaves(prefill);
      for (int i = 0; i < IndexedTreeGenesis.INITIAL_SIZE; i++) {
        JsonNode n = v.get("NULLIFIER_TREE").get(i);
        assertThat(nullifiers.get(i))
            .as(at + " nullifier " + i)
            .isEqualTo(new NullifierLeafPreimage(fr(n.get(0)), fr(n.get(1)), n.get(2).asLong()));
        JsonNode p = v.get("PUBLIC_DATA_TREE").get(i);
        assertThat(pub.get(i))
            .as(at + " public data " + i)
            .isEqualTo(
                new PublicDataTreeLeafPreimage(
                    fr(p.get(0)), fr(p.get(1)), fr(p.get(2)), p.get(3).asLong()));
      }
      BlockHeader official = BlockHeader.fromBuffer(bytes(v.get("initialHeader")));
      BlockHeader mine = GenesisState.initialHeader(prefill);
      assertThat(mine).as(at + " initial header").isEqualTo(official);
      assertThat(mine.hash().toString()).as(at).isEqualTo(v.get("initialHeaderHash").asText());
      assertThat(mine.state().partial().nullifierTree().root().toString())
          .isEqualTo(v.get("roots").get("NULLIFIER_TREE").asText());
      assertThat(mine.state().partial().publicDataTree().root().toString())
          .isEqualTo(v.get("roots").get("PUBLIC_DATA_TREE").asText());
    }
  }

  @Test
  void prefillRulesOfTheNativeWorldState() {
    PublicDataTreeLeaf low = new PublicDataTreeLeaf(Fr.ofLong(5), Fr.ONE);
    assertThat(IndexedTreeGenesis.checkPrefill(List.of(low)))
        .contains("Prefilled values must not be the same as the default values");
    PublicDataTreeLeaf a = new PublicDataTreeLeaf(Fr.ofLong(500), Fr.ONE);
    PublicDataTreeLeaf b = new PublicDataTreeLeaf(Fr.ofLong(300), Fr.ONE);
    assertThat(IndexedTreeGenesis.checkPrefill(List.of(a, b)))
        .contains("Prefilled values must be unique and sorted");
    assertThat(IndexedTreeGenesis.checkPrefill(List.of(a, a)))
        .contains("Prefilled values must be unique and sorted");
    assertThat(IndexedTreeGenesis.checkPrefill(List.of(b, a))).isEmpty();
    // with one prefilled leaf the padding keys are 0..126, so 127 is allowed
    assertThat(
            IndexedTreeGenesis.checkPrefill(
                List.of(new PublicDataTreeLeaf(Fr.ofLong(127), Fr.ONE))))
        .isEmpty();
    List<PublicDataTreeLeaf> tooMany = new ArrayList<>();
    for (int i = 0; i < 129; i++) {
      tooMany.add(new PublicDataTreeLeaf(Fr.ofLong(1000 + i), Fr.ONE));
    }
    assertThat(IndexedTreeGenesis.checkPrefill(tooMany))
        .contains("Number of prefilled values can't be more than initial size");
  }

  static List<PublicDataTreeLeaf> leaves(JsonNode array) {
    List<PublicDataTreeLeaf> out = new ArrayList<>();
    array.forEach(l -> out.add(new PublicDataTreeLeaf(fr(l.get("slot")), fr(l.get("value")))));
    return out;
  }
}
