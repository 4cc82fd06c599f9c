package io.quetzal.benchmarks;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Poseidon2 (BN254) costs with the inputs of /work/shared/bench/poseidon2-bench.mjs, so the figures
 * compare directly with barretenberg's: input j of hash k is {@code field(k, j) =
 * SHA-256("p2-bench/v1" || u32be(k) || u32be(j))} with the top 3 bits cleared; 64 input vectors are
 * cycled through; the raw permutation uses {@code field(999, 0..3)}.
 *
 * <p>{@code impl=native} runs the routed API ({@link Poseidon2#permute}, {@link Poseidon2#hash},
 * {@link Poseidon2#hashPairs}: the native kernel, setup fails if it is not loaded), {@code
 * impl=java} the pure-Java reference ({@code permuteJava}, {@code hashJava}, {@code
 * hashPairsJava}). {@code hashPairs} hashes {@value #BATCH} pairs per call (a tree level's worth)
 * and reports the time per hash.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Poseidon2Bench {
  private static final int POOL = 64;
  static final int BATCH = 1024;

  @Param({"native", "java"})
  public String impl;

  private boolean java;
  private long[] pairs;
  private long[] pairHashes;

  private List<List<Fr>> pool2;
  private List<List<Fr>> pool16;
  private long[] permInput;
  private final long[] state = new long[Poseidon2.STATE_LONGS];
  private int next;

  static byte[] field(int k, int j) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("p2-bench/v1".getBytes(StandardCharsets.US_ASCII));
      sha.update(ByteBuffer.allocate(8).putInt(k).putInt(j).array());
      byte[] out = sha.digest();
      out[0] &= 0x1f;
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<List<Fr>> pool(int size) {
    List<List<Fr>> out = new ArrayList<>();
    for (int k = 0; k < POOL; k++) {
      List<Fr> in = new ArrayList<>();
      for (int j = 0; j < size; j++) {
        in.add(Fr.fromBytes(field(k, j)));
      }
      out.add(List.copyOf(in));
    }
    return out;
  }

  @Setup
  public void setup() {
    pool2 = pool(2);
    pool16 = pool(16);
    permInput = new long[Poseidon2.STATE_LONGS];
    for (int j = 0; j < 4; j++) {
      Fr.fromBytes(field(999, j)).writeMontgomeryLimbs(permInput, 4 * j);
    }
    // cross-check vector printed by poseidon2-bench.mjs
    String expected = "0x08711169f8e8bfb975b0fa233730c2f3cf03703b12ac9d2e7dd7fa1bb973067a";
    java = impl.equals("java");
    if (!java && !Poseidon2.implementation().startsWith("native")) {
      throw new IllegalStateException("native kernel not loaded: " + Poseidon2.implementation());
    }
    String got = hash(pool2.get(0)).toString();
    if (!got.equals(expected)) {
      throw new IllegalStateException("hash2 cross-check failed: " + got);
    }
    pairs = new long[8 * BATCH];
    pairHashes = new long[4 * BATCH];
    for (int i = 0; i < BATCH; i++) {
      Fr.fromBytes(field(i % POOL, 0)).writeMontgomeryLimbs(pairs, 8 * i);
      Fr.fromBytes(field(i % POOL, 1)).writeMontgomeryLimbs(pairs, 8 * i + 4);
    }
    hashPairs();
    if (!Fr.fromMontgomeryLimbs(pairHashes, 0).toString().equals(expected)) {
      throw new IllegalStateException("hashPairs cross-check failed");
    }
  }

  private Fr hash(List<Fr> in) {
    return java ? Poseidon2.hashJava(in) : Poseidon2.hash(in);
  }

  /** One raw permutation of a 4-element state (allocation-free). */
  @Benchmark
  public long[] permutation() {
    System.arraycopy(permInput, 0, state, 0, Poseidon2.STATE_LONGS);
    if (java) {
      Poseidon2.permuteJava(state);
    } else {
      Poseidon2.permute(state);
    }
    return state;
  }

  /** poseidon2Hash of 2 fields (one permutation). */
  @Benchmark
  public Fr hash2() {
    return hash(pool2.get(next++ & (POOL - 1)));
  }

  /** poseidon2Hash of 16 fields (six permutations). */
  @Benchmark
  public Fr hash16() {
    return hash(pool16.get(next++ & (POOL - 1)));
  }

  /** {@value #BATCH} 2-to-1 hashes in one batch call; the score is per hash. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long[] hashPairs() {
    if (java) {
      Poseidon2.hashPairsJava(pairs, 0, pairHashes, 0, BATCH);
    } else {
      Poseidon2.hashPairs(pairs, pairHashes, BATCH);
    }
    return pairHashes;
  }
}
