package io.quetzal.foundation.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
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

  @Property
  void neverRendersTheValue(@ForAll @StringLength(min = 1, max = 80) String value) {
    Secret<String> secret = Secret.of(value);
    assertThat(secret.toString()).isEqualTo(Secret.REDACTED);
    assertThat(secret).isEqualTo(Secret.of(value)).hasSameHashCodeAs(Secret.of(value));
  }

  @Property
  void equalExactlyWhenTheValuesAreEqual(@ForAll String a, @ForAll String b) {
    assertThat(Secret.of(a).equals(Secret.of(b))).isEqualTo(a.equals(b));
  }
}
