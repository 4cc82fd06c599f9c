package io.quetzal.foundation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TypedNumbersTest {
  @Test
  void zeroAndNext() {
    assertThat(BlockNumber.ZERO.value()).isZero();
    assertThat(BlockNumber.ZERO.next()).isEqualTo(BlockNumber.of(1));
    assertThat(SlotNumber.ZERO.next().next()).isEqualTo(new SlotNumber(2));
    assertThat(CheckpointNumber.ZERO.next()).isEqualTo(new CheckpointNumber(1));
    assertThat(EpochNumber.of(7).next()).isEqualTo(EpochNumber.of(8));
    assertThat(L1BlockNumber.of(41).next()).isEqualTo(L1BlockNumber.of(42));
    assertThat(BlockNumber.of(42).toString()).isEqualTo("42");
  }

  @Test
  void negativeValuesAreRejected() {
    assertThatThrownBy(() -> new BlockNumber(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BlockNumber must be non-negative, got -1");
    assertThatThrownBy(() -> SlotNumber.of(-5))
        .hasMessage("SlotNumber must be non-negative, got -5");
    assertThatThrownBy(() -> CheckpointNumber.of(-1))
        .hasMessage("CheckpointNumber must be non-negative, got -1");
    assertThatThrownBy(() -> EpochNumber.of(Long.MIN_VALUE))
        .hasMessageStartingWith("EpochNumber must be non-negative");
    assertThatThrownBy(() -> L1BlockNumber.of(-1))
        .hasMessage("L1BlockNumber must be non-negative, got -1");
    assertThatThrownBy(() -> BlockNumber.of(3).add(-4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BlockNumber.of(Long.MAX_VALUE).next())
        .isInstanceOf(ArithmeticException.class);
  }

  @Property(seed = "4120412")
  void orderFollowsValue(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long a,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long b) {
    assertThat(BlockNumber.of(a).compareTo(BlockNumber.of(b))).isEqualTo(Long.compare(a, b));
    assertThat(BlockNumber.of(a).next().value()).isEqualTo(a + 1);
    assertThat(SlotNumber.of(a)).isEqualTo(SlotNumber.of(a)).hasSameHashCodeAs(SlotNumber.of(a));
  }
}
