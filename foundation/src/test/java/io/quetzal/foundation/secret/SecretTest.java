package io.quetzal.foundation.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.testkit.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String KEY =
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

  record Holder(String name, Secret<String> key) {}

  @Test
  void rendersRedactedEverywhereTextIsProduced() {
    Secret<String> secret = Secret.of(KEY);

    assertThat(secret.toString()).isEqualTo("<redacted>");
    assertThat("key=" + secret).isEqualTo("key=<redacted>");
    assertThat(String.format("%s", secret)).isEqualTo("<redacted>");
    assertThat(new Holder("validator", secret).toString())
        .isEqualTo("Holder[name=validator, key=<redacted>]");
    assertThat(List.of(secret).toString()).isEqualTo("[<redacted>]");
  }

  @Test
  void revealReturnsTheWrappedValue() {
    assertThat(Secret.of(KEY).reveal()).isSameAs(KEY);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void equalityIsByValue() {
    assertThat(Secret.of(KEY)).isEqualTo(Secret.of(new String(KEY.toCharArray())));
    assertThat(Secret.of(KEY)).hasSameHashCodeAs(Secret.of(new String(KEY.toCharArray())));
    assertThat(Secret.of(KEY)).isNotEqualTo(Secret.of(KEY.replace('4', '5')));
    assertThat(Secret.of(KEY)).isNotEqualTo(KEY);
  }

  @Test
  void byteArraysCompareByContent() {
    byte[] a = {1, 2, 3};
    byte[] b = {1, 2, 3};
    assertThat(Secret.of(a)).isEqualTo(Secret.of(b)).hasSameHashCodeAs(Secret.of(b));
    assertThat(Secret.of(a)).isNotEqualTo(Secret.of(new byte[] {1, 2, 4}));
    assertThat(Secret.of(a).toString()).isEqualTo("<redacted>");
  }

  @Test
  void hashCodeDoesNotDiscloseASmallValue() {
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      hashes.add(Secret.of(i).hashCode());
    }
    assertThat(hashes).hasSize(1000);
    long identical =
        java.util.stream.IntStream.range(0, 1000).filter(i -> Secret.of(i).hashCode() == i).count();
    assertThat(identical).isLessThan(3);
  }

  @Test
  void mapKeepsTheResultSecret() {
    Secret<Integer> length = Secret.of(KEY).map(String::length);
    assertThat(length.toString()).isEqualTo("<redacted>");
    assertThat(length.reveal()).isEqualTo(66);
  }

  /** A copy that is equal but not the same instance. */
  private static String copy(String s) {
    return new String(s.toCharArray());
  }

  @Test
  void neverRendersTheValue() {
    List<String> edges =
        List.of(
            "\0",
            " ",
            "\n",
            "a",
            "null",
            Secret.REDACTED,
            "\uffff",
            "\ud83d\ude00",
            "x".repeat(80),
            "\u00e9".repeat(80),
            KEY);
    Property.forAll(
        "a secret never renders its value",
        edges.size() + 1000,
        Property.edgesThen(edges, r -> Property.text(r, 1, 80)),
        value -> {
          Secret<String> secret = Secret.of(value);
          assertThat(secret.toString()).isEqualTo(Secret.REDACTED);
          assertThat(secret).isEqualTo(Secret.of(value)).hasSameHashCodeAs(Secret.of(value));
        });
  }

  record Pair(String a, String b) {}

  private static Pair pair(SplittableRandom r) {
    String a = Property.text(r, 0, 255);
    String b =
        switch (r.nextInt(8)) {
          case 0, 1 -> copy(a);
          case 2 -> {
            if (a.isEmpty()) {
              yield "a";
            }
            char[] c = a.toCharArray();
            int i = r.nextInt(c.length);
            c[i] = (char) (c[i] ^ (1 + r.nextInt(0x7f)));
            yield new String(c);
          }
          case 3 -> r.nextBoolean() ? a + Property.text(r, 1, 4) : a.substring(0, a.length() / 2);
          default -> Property.text(r, 0, 255);
        };
    return new Pair(a, b);
  }

  @Test
  void equalExactlyWhenTheValuesAreEqual() {
    // "Aa" and "BB" share a String hash code.
    List<String> values = List.of("", "\0", " ", "a", "A", "Aa", "BB", Secret.REDACTED, KEY);
    List<Pair> edges = new ArrayList<>();
    for (String a : values) {
      for (String b : values) {
        edges.add(new Pair(a, copy(b)));
      }
    }
    Property.forAll(
        "secrets are equal exactly when the values are",
        edges.size() + 1000,
        Property.edgesThen(edges, SecretTest::pair),
        p -> assertThat(Secret.of(p.a()).equals(Secret.of(p.b()))).isEqualTo(p.a().equals(p.b())));
  }
}
