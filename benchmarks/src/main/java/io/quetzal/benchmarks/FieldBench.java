package io.quetzal.benchmarks;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.field.FrLimbs;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BN254 Fr arithmetic: the immutable {@link Fr} API (allocates its result) and the allocation-free
 * {@link FrLimbs} kernels Poseidon2 is built from. Operands are fixed pseudo-random elements.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldBench {
  private Fr a;
  private Fr b;
  private final long[] limbs = new long[8];
  private long[] table;

  @Setup
  public void setup() {
    a = Fr.fromBytes(Poseidon2Bench.field(1, 0));
    b = Fr.fromBytes(Poseidon2Bench.field(1, 1));
    a.writeMontgomeryLimbs(limbs, 0);
    b.writeMontgomeryLimbs(limbs, 4);
    table = FrLimbs.constantTable(Fr.fromBigInteger(BigInteger.valueOf(7).pow(90).mod(Fr.MODULUS)));
  }

  @Benchmark
  public Fr frMul() {
    return a.mul(b);
  }

  @Benchmark
  public Fr frSquare() {
    return a.square();
  }

  @Benchmark
  public Fr frAdd() {
    return a.add(b);
  }

  @Benchmark
  public Fr frInverse() {
    return a.inverse();
  }

  /** Montgomery product in place on limbs (the chained latency of one multiplication). */
  @Benchmark
  public long[] limbsMulLazy() {
    FrLimbs.mulLazy(limbs, 0, limbs, 0, limbs, 4);
    return limbs;
  }

  @Benchmark
  public long[] limbsSquareLazy() {
    FrLimbs.squareLazy(limbs, 0, limbs, 0);
    return limbs;
  }

  @Benchmark
  public long[] limbsMulConstLazy() {
    FrLimbs.mulConstLazy(limbs, 0, limbs, 0, table, 0);
    return limbs;
  }
}
