package io.quetzal.sequencerclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reverts of {@code canProposeAtTime} read back into the rollup's error names. The revert data
 * are the official encodings: viem's {@code encodeErrorResult} with the official {@code RollupAbi}
 * of {@code @aztec/l1-artifacts} 4.1.2.
 */
class L1RollupViewTest {
  @Test
  void theRollupsRefusalsAreNamedWithTheirArguments() {
    assertThat(
            L1RollupView.describeRevert(
                "0xb682a40e"
                    + "0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000002"))
        .isEqualTo(
            "Rollup__InvalidArchive(0x0000000000000000000000000000000000000000000000000000000000000001,"
                + " 0x0000000000000000000000000000000000000000000000000000000000000002)");
    assertThat(
            L1RollupView.describeRevert(
                "0xa8843a68"
                    + "000000000000000000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    + "000000000000000000000000bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
        .isEqualTo(
            "ValidatorSelection__InvalidProposer(0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
                + " 0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb)");
    assertThat(
            L1RollupView.describeRevert(
                "0x83510bd0"
                    + "0000000000000000000000000000000000000000000000000000000000000007"
                    + "0000000000000000000000000000000000000000000000000000000000000009"))
        .isEqualTo("Rollup__SlotAlreadyInChain(7, 9)");
  }

  @Test
  void anUnknownRevertIsShownRaw() {
    assertThat(L1RollupView.describeRevert("0xdeadbeef00")).isEqualTo("reverted with 0xdeadbeef00");
    assertThat(L1RollupView.describeRevert("0x")).isEqualTo("reverted with 0x");
  }
}
