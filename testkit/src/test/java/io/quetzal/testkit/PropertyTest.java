package io.quetzal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {
  @Test
  void runsEveryTrialWithReproducibleInputs() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    Property.forAll("collect", 50, r -> r.nextLong(), first::add);
    Property.forAll("collect", 50, r -> r.nextLong(), second::add);
    assertThat(first).hasSize(50).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void failureNamesPropertyTrialInputAndSeed() {
    assertThatThrownBy(
            () ->
                Property.forAll(
                    "small",
                    100,
                    r -> r.nextInt(1000),
                    v -> assertThat(v).as("value").isLessThan(10)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property 'small' failed at trial")
        .hasMessageContaining("-Dquetzal.test.seed=" + Property.seed())
        .hasMessageContaining("for input: ");
  }

  @Test
  void bytesFillsTheWholeArray() {
    Property.forAll(
        "bytes",
        200,
        r -> Property.bytes(r, 1 + r.nextInt(64)),
        b -> assertThat(b.length).isBetween(1, 64));
    byte[] big = Property.bytes(new java.util.SplittableRandom(1), 4096);
    int nonZero = 0;
    for (byte x : big) {
      nonZero += x != 0 ? 1 : 0;
    }
    assertThat(nonZero).isGreaterThan(4000);
  }
}
