package io.quetzal.blockbuilder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.block.L2Block;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The official structural and limit checks, on the recorded checkpoint 4 (one block, 2 txs). */
class CheckpointValidatorTest {
  private static final Checkpoint CP = ReferenceCheckpointBuildTest.officialCheckpoints().get(3);
  private static final CheckpointValidator.Limits NONE = CheckpointValidator.Limits.NONE;

  @Test
  void theRecordedCheckpointsAreValid() {
    for (Checkpoint cp : ReferenceCheckpointBuildTest.officialCheckpoints()) {
      assertThatCode(() -> CheckpointValidator.validate(cp, NONE)).doesNotThrowAnyException();
    }
  }

  @Test
  void structuralFaultsAreRefused() {
    L2Block b = CP.blocks().get(0);
    refused(withBlocks(List.of()), NONE, "Checkpoint has no blocks");
    refused(
        withHeader(h -> header(h, Fr.ONE, h.timestamp())), NONE, "lastArchiveRoot does not match");
    refused(
        withBlocks(
            List.of(new L2Block(b.archive(), b.header(), b.body(), b.checkpointNumber(), 1))),
        NONE,
        "has indexWithinCheckpoint 1, expected 0");
    refused(
        withHeader(h -> header(h, h.lastArchiveRoot(), h.timestamp() + 1)),
        NONE,
        "do not match checkpoint header");
    // A second block that neither follows in number nor chains its archive.
    L2Block again = new L2Block(b.archive(), b.header(), b.body(), b.checkpointNumber(), 1);
    refused(withBlocks(List.of(b, again)), NONE, "Block numbers are not sequential");
  }

  @Test
  void limitsAreEnforced() {
    long mana = CP.header().totalManaUsed().toLongExact();
    long txs = CP.blocks().get(0).txEffects().size();
    assertThatCode(
            () ->
                CheckpointValidator.validate(
                    CP, new CheckpointValidator.Limits(mana, mana, 786_432, txs, txs)))
        .doesNotThrowAnyException();
    refused(CP, new CheckpointValidator.Limits(mana - 1, -1, -1, -1, -1), "exceeds rollup limit");
    refused(CP, new CheckpointValidator.Limits(-1, mana - 1, -1, -1, -1), "L2 gas used");
    refused(CP, new CheckpointValidator.Limits(-1, -1, 0, -1, -1), "DA gas used");
    refused(CP, new CheckpointValidator.Limits(-1, -1, -1, txs - 1, -1), "Checkpoint tx count");
    refused(CP, new CheckpointValidator.Limits(-1, -1, -1, -1, txs - 1), "txs exceeding limit");
  }

  private static void refused(Checkpoint cp, CheckpointValidator.Limits limits, String message) {
    assertThatThrownBy(() -> CheckpointValidator.validate(cp, limits))
        .isInstanceOf(CheckpointValidationException.class)
        .hasMessageContaining(message);
  }

  private static Checkpoint withBlocks(List<L2Block> blocks) {
    return new Checkpoint(
        CP.archive(), CP.header(), blocks, CP.number(), CP.feeAssetPriceModifier());
  }

  private static Checkpoint withHeader(UnaryOperator<CheckpointHeader> f) {
    return new Checkpoint(
        CP.archive(), f.apply(CP.header()), CP.blocks(), CP.number(), CP.feeAssetPriceModifier());
  }

  private static CheckpointHeader header(CheckpointHeader h, Fr lastArchiveRoot, long timestamp) {
    return new CheckpointHeader(
        lastArchiveRoot,
        h.blockHeadersHash(),
        h.blobsHash(),
        h.inHash(),
        h.epochOutHash(),
        h.slotNumber(),
        timestamp,
        h.coinbase(),
        h.feeRecipient(),
        h.gasFees(),
        h.totalManaUsed());
  }
}
