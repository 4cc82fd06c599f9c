package io.quetzal.foundation.secret;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value that must not appear in any output: its {@link #toString()} is {@value #REDACTED}, and
 * the value is only reachable through {@link #reveal()}.
 *
 * <p>Equality is by value ({@code byte[]} contents compared in constant time, other arrays deeply);
 * {@link #hashCode()} is consistent with it but mixed with a per-JVM random salt so that it does
 * not disclose the value.
 *
 * <p>Immutable if {@code T} is; thread-safe. Do not wrap mutable values you intend to change.
 *
 * @param <T> the type of the wrapped value
 */
public final class Secret<T> {
  /** What every text rendering of a secret shows. */
  public static final String REDACTED = "<redacted>";

  private static final int SALT = new SecureRandom().nextInt();

  private final T value;

  private Secret(T value) {
    this.value = Objects.requireNonNull(value, "secret value");
  }

  /** Wraps {@code value}, which must not be null. */
  public static <T> Secret<T> of(T value) {
    return new Secret<>(value);
  }

  /** The wrapped value. Every call site is a place where the secret leaves its wrapper. */
  public T reveal() {
    return value;
  }

  /** Applies {@code f} to the value and keeps the result secret, without revealing it here. */
  public <R> Secret<R> map(Function<? super T, ? extends R> f) {
    return new Secret<>(f.apply(value));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Secret<?> other)) {
      return false;
    }
    if (value instanceof byte[] a && other.value instanceof byte[] b) {
      return MessageDigest.isEqual(a, b);
    }
    return Objects.deepEquals(value, other.value);
  }

  @Override
  public int hashCode() {
    int h =
        value instanceof Object[] array ? Arrays.deepHashCode(array) : deepHashOfPrimitive(value);
    return mix(h ^ SALT);
  }

  /** Always {@value #REDACTED}. */
  @Override
  public String toString() {
    return REDACTED;
  }

  private static int deepHashOfPrimitive(Object v) {
    return switch (v) {
      case byte[] a -> Arrays.hashCode(a);
      case char[] a -> Arrays.hashCode(a);
      case int[] a -> Arrays.hashCode(a);
      case long[] a -> Arrays.hashCode(a);
      case short[] a -> Arrays.hashCode(a);
      case boolean[] a -> Arrays.hashCode(a);
      case float[] a -> Arrays.hashCode(a);
      case double[] a -> Arrays.hashCode(a);
      default -> v.hashCode();
    };
  }

  /** The MurmurHash3 finaliser: spreads the salted hash over all bits. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
