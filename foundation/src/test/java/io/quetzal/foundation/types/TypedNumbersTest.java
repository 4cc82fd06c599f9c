package io.quetzal.foundation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

  /** Edge values of [0, Long.MAX_VALUE - 1]: the bounds, their neighbours and the middle. */
  private static final List<Long> EDGES =
      List.of(0L, 1L, 2L, Long.MAX_VALUE / 2, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);

  record Pair(long a, long b) {}

  /** A value in [0, Long.MAX_VALUE - 1]: edge, small, or uniform. */
  private static long value(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> EDGES.get(r.nextInt(EDGES.size()));
      case 1, 2 -> r.nextLong(1_000);
      default -> r.nextLong(Long.MAX_VALUE);
    };
  }

  private static Pair pair(SplittableRandom r) {
    long a = value(r);
    long b =
        switch (r.nextInt(8)) {
          case 0 -> a; // equal
          case 1 -> a == 0 ? 1 : a - 1; // adjacent
          case 2 -> a == Long.MAX_VALUE - 1 ? a - 1 : a + 1;
          default -> value(r);
        };
    return new Pair(a, b);
  }

  @Test
  void orderFollowsValue() {
    List<Pair> edges = new ArrayList<>();
    for (long a : EDGES) {
      for (long b : EDGES) {
        edges.add(new Pair(a, b));
      }
    }
    Property.forAll(
        "typed numbers order by value",
        edges.size() + 1000,
        Property.edgesThen(edges, TypedNumbersTest::pair),
        p -> {
          long a = p.a();
          long b = p.b();
          assertThat(BlockNumber.of(a).compareTo(BlockNumber.of(b))).isEqualTo(Long.compare(a, b));
          assertThat(BlockNumber.of(a).next().value()).isEqualTo(a + 1);
          assertThat(SlotNumber.of(a))
              .isEqualTo(SlotNumber.of(a))
              .hasSameHashCodeAs(SlotNumber.of(a));
        });
  }
}
