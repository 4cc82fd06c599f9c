package io.quetzal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
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

  @Test
  void edgesThenYieldsEveryEdgeInOrderThenRandomValues() {
    List<Integer> edges = List.of(7, -1, 7, 0);
    Function<SplittableRandom, Integer> generator =
        Property.edgesThen(edges, r -> 1000 + r.nextInt(1000));
    List<Integer> seen = new ArrayList<>();
    Property.forAll("edges then random", edges.size() + 20, generator, seen::add);
    assertThat(seen).hasSize(24).startsWith(7, -1, 7, 0);
    assertThat(seen.subList(4, 24)).allSatisfy(v -> assertThat(v).isBetween(1000, 1999));
    // Once the edges are used up the generator only draws random values.
    assertThat(generator.apply(new SplittableRandom(1))).isBetween(1000, 1999);
  }

  @Test
  void edgesThenWithNoEdgesIsTheRandomGenerator() {
    Function<SplittableRandom, Long> generator = Property.edgesThen(List.of(), r -> r.nextLong());
    assertThat(generator.apply(new SplittableRandom(5)))
        .isEqualTo(new SplittableRandom(5).nextLong());
  }

  @Test
  void uniformBelowStaysBelowTheBoundAndCoversItEvenly() {
    SplittableRandom random = new SplittableRandom(42);
    BigInteger bound = BigInteger.valueOf(10);
    int[] counts = new int[10];
    int draws = 20_000;
    for (int i = 0; i < draws; i++) {
      BigInteger v = Property.uniformBelow(random, bound);
      assertThat(v).isNotNegative().isLessThan(bound);
      counts[v.intValueExact()]++;
    }
    // Expected 2000 per value; a fair draw stays well within +-15%.
    for (int c : counts) {
      assertThat(c).isBetween(1700, 2300);
    }
    assertThat(Property.uniformBelow(random, BigInteger.ONE)).isZero();
    BigInteger wide = BigInteger.ONE.shiftLeft(255).add(BigInteger.ONE);
    Property.forAll(
        "uniformBelow wide",
        500,
        r -> Property.uniformBelow(r, wide),
        v -> assertThat(v).isNotNegative().isLessThan(wide));
    assertThatThrownBy(() -> Property.uniformBelow(random, BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textRespectsLengthBoundsAndIsWellFormed() {
    int[][] bounds = {{0, 0}, {0, 255}, {1, 4}, {1, 80}, {8, 80}, {2, 2}, {40, 300}};
    for (int[] b : bounds) {
      int min = b[0];
      int max = b[1];
      Property.forAll(
          "text " + min + ".." + max,
          500,
          r -> Property.text(r, min, max),
          s -> {
            assertThat(s.length()).isBetween(min, max);
            for (int i = 0; i < s.length(); i++) {
              char c = s.charAt(i);
              if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    .as("high surrogate at %d is followed by a low one", i)
                    .isTrue();
                i++;
              } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
              }
            }
          });
    }
  }

  @Test
  void textReachesBothLengthBoundsAndSupplementaryCharacters() {
    SplittableRandom random = new SplittableRandom(7);
    boolean sawMin = false;
    boolean sawMax = false;
    boolean sawPair = false;
    for (int i = 0; i < 5000; i++) {
      String s = Property.text(random, 3, 40);
      sawMin |= s.length() == 3;
      sawMax |= s.length() == 40;
      sawPair |= s.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
    assertThat(sawMin).isTrue();
    assertThat(sawMax).isTrue();
    assertThat(sawPair).isTrue();
    assertThatThrownBy(() -> Property.text(random, 5, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Property.text(random, -1, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
