package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, caching, verifying and falling back: the loader of the native Poseidon2 kernel. */
class NativePoseidon2Test {
  private static final String HASH_4_8 =
      "0x2bcaeb6d58bb38baf753d58c3c96618fea82163345295eb40e88344eeb0ce2a1";

  @TempDir Path tmp;

  @Test
  void buildsOnThisMachineAndPoseidon2RoutesToIt() {
    assumeTrue(NativePoseidon2Kernels.required(), "not Linux x86-64 with a C compiler");
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.best();
    assertThat(k).isNotNull();
    NativePoseidon2.Variant expected =
        NativePoseidon2.Variant.forCpu(System.getProperty("os.arch"), NativePoseidon2.cpuFlags());
    assertThat(k.variant()).isEqualTo(expected);
    long features = k.features();
    assertThat(features & 1).isEqualTo(expected == NativePoseidon2.Variant.PORTABLE ? 0 : 1);
    assertThat(features & 2).isEqualTo(expected == NativePoseidon2.Variant.IFMA ? 2 : 0);
    if (NativePoseidon2.Settings.fromEnvironment().enabled()) {
      // the process-wide routing must have loaded it too (no silent fallback in CI)
      assertThat(Poseidon2.implementation())
          .isEqualTo("native-" + expected.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  @SuppressWarnings("restricted")
  void embeddedConstantsAreTheJavaTables() throws Throwable {
    NativePoseidon2.Kernel k = NativePoseidon2Kernels.best();
    try (Arena arena = Arena.ofConfined()) {
      SymbolLookup lookup = SymbolLookup.libraryLookup(k.library(), arena);
      MethodHandle constants =
          Linker.nativeLinker()
              .downcallHandle(
                  lookup.find("quetzal_p2_constants").orElseThrow(),
                  FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
      MemorySegment buf = arena.allocate(ValueLayout.JAVA_LONG, 368);
      long n = (long) constants.invokeExact(buf);
      assertThat(n).isEqualTo(368);
      long[] expected = new long[368];
      int o = 0;
      for (String[] table :
          List.of(
              Poseidon2.FULL_FIRST_HEX,
              Poseidon2.PARTIAL_HEX,
              Poseidon2.FULL_LAST_HEX,
              Poseidon2.DIAG_HEX)) {
        for (String hex : table) {
          Fr.fromBigInteger(new BigInteger(hex, 16)).writeMontgomeryLimbs(expected, o);
          o += 4;
        }
      }
      assertThat(buf.toArray(ValueLayout.JAVA_LONG)).isEqualTo(expected);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration

  @Test
  void settingsFromPropertiesAndEnvironment() {
    Properties none = new Properties();
    none.setProperty("user.home", "/home/q");
    NativePoseidon2.Settings d = NativePoseidon2.Settings.from(none, Map.of());
    assertThat(d.enabled()).isTrue();
    assertThat(d.cacheRoot()).isEqualTo(Path.of("/home/q/.cache/quetzal/native"));
    assertThat(d.compiler()).isNull();

    NativePoseidon2.Settings env =
        NativePoseidon2.Settings.from(
            none,
            Map.of(
                "QUETZAL_POSEIDON2_NATIVE", "FALSE",
                "QUETZAL_NATIVE_CACHE", "/var/cache/q",
                "QUETZAL_NATIVE_CC", "clang"));
    assertThat(env.enabled()).isFalse();
    assertThat(env.cacheRoot()).isEqualTo(Path.of("/var/cache/q"));
    assertThat(env.compiler()).isEqualTo("clang");

    Properties props = new Properties();
    props.setProperty("quetzal.poseidon2.native", "false");
    props.setProperty("quetzal.native.cc", "/opt/cc");
    props.setProperty("quetzal.native.cache", "/tmp/c");
    NativePoseidon2.Settings p =
        NativePoseidon2.Settings.from(props, Map.of("QUETZAL_POSEIDON2_NATIVE", "true"));
    assertThat(p.enabled()).isFalse(); // the property wins over the environment
    assertThat(p.compiler()).isEqualTo("/opt/cc");
    assertThat(p.cacheRoot()).isEqualTo(Path.of("/tmp/c"));
    props.setProperty("quetzal.poseidon2.native", "true");
    assertThat(NativePoseidon2.Settings.from(props, Map.of()).enabled()).isTrue();
  }

  @Test
  void variantFollowsCpuFlags() {
    assertThat(NativePoseidon2.Variant.forCpu("amd64", java.util.Set.of("bmi2", "adx")))
        .isEqualTo(NativePoseidon2.Variant.ADX);
    assertThat(
            NativePoseidon2.Variant.forCpu(
                "amd64", java.util.Set.of("bmi2", "adx", "avx512f", "avx512vl", "avx512ifma")))
        .isEqualTo(NativePoseidon2.Variant.IFMA);
    assertThat(NativePoseidon2.Variant.forCpu("amd64", java.util.Set.of("bmi2")))
        .isEqualTo(NativePoseidon2.Variant.PORTABLE);
    assertThat(NativePoseidon2.Variant.forCpu("aarch64", java.util.Set.of("bmi2", "adx")))
        .isEqualTo(NativePoseidon2.Variant.PORTABLE);
    assertThat(NativePoseidon2.compilerFlags(NativePoseidon2.Variant.PORTABLE))
        .contains("-O3", "-fPIC", "-shared")
        .noneMatch(f -> f.startsWith("-m"));
    assertThat(
            NativePoseidon2.cacheKey(
                new byte[] {1}, NativePoseidon2.compilerFlags(NativePoseidon2.Variant.ADX)))
        .hasSize(64)
        .isNotEqualTo(
            NativePoseidon2.cacheKey(
                new byte[] {1}, NativePoseidon2.compilerFlags(NativePoseidon2.Variant.PORTABLE)));
  }

  // ---------------------------------------------------------------------------------------------
  // Fallback

  @Test
  void disabledMeansNoAttempt() {
    NativePoseidon2.LoadResult r =
        NativePoseidon2.load(new NativePoseidon2.Settings(false, tmp, null, null));
    assertThat(r.kernel()).isNull();
    assertThat(r.failure()).contains("disabled");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void missingCompilerFallsBack() {
    String cc = tmp.resolve("no-such-dir/quetzal-cc").toString();
    NativePoseidon2.LoadResult r =
        NativePoseidon2.load(new NativePoseidon2.Settings(true, tmp.resolve("cache"), cc, null));
    assertThat(r.kernel()).isNull();
    assertThat(r.failure()).contains(cc);
  }

  @Test
  void failingCompilerFallsBack() throws IOException {
    Path cc = tmp.resolve("bad-cc");
    Files.writeString(cc, "#!/bin/sh\necho 'bad-cc: simulated compile error' >&2\nexit 3\n");
    assumeTrue(cc.toFile().setExecutable(true), "cannot make a script executable here");
    NativePoseidon2.LoadResult r =
        NativePoseidon2.load(
            new NativePoseidon2.Settings(true, tmp.resolve("cache"), cc.toString(), null));
    assertThat(r.kernel()).isNull();
    assertThat(r.failure()).contains("exited with 3").contains("simulated compile error");
  }

  @Test
  void forcedJavaInAFreshJvm() throws Exception {
    Result r = probe(List.of("-Dquetzal.poseidon2.native=false"));
    assertThat(r.out()).contains("implementation=java", "hash=" + HASH_4_8, "pair=" + HASH_4_8);
    assertThat(r.err()).doesNotContain("WARNING");
  }

  @Test
  void failedCompileInAFreshJvmWarnsOnceAndUsesJava() throws Exception {
    Result r =
        probe(
            List.of(
                "-Dquetzal.native.cc=" + tmp.resolve("missing/cc"),
                "-Dquetzal.native.cache=" + tmp.resolve("cache")));
    assertThat(r.out()).contains("implementation=java", "hash=" + HASH_4_8, "pair=" + HASH_4_8);
    assertThat(r.err()).containsOnlyOnce("Poseidon2 native kernel unavailable");
    assertThat(r.err()).contains("WARNING");
  }

  @Test
  void freshJvmCompilesIntoAnEmptyCache() throws Exception {
    assumeTrue(NativePoseidon2Kernels.required(), "not Linux x86-64 with a C compiler");
    Result r = probe(List.of("-Dquetzal.native.cache=" + tmp.resolve("cache")));
    assertThat(r.out()).contains("implementation=native-", "hash=" + HASH_4_8, "pair=" + HASH_4_8);
    try (var files = Files.walk(tmp.resolve("cache"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(System.mapLibraryName(NativePoseidon2.LIBRARY_BASENAME), "build.log")
          .noneMatch(n -> n.contains(".tmp-"));
    }
  }

  private record Result(String out, String err) {}

  private Result probe(List<String> jvmArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NativePoseidon2Probe.class.getName());
    Path out = tmp.resolve("probe.out");
    Path err = tmp.resolve("probe.err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("QUETZAL_POSEIDON2_NATIVE");
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("probe JVM finished").isTrue();
    Result r =
        new Result(
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    assertThat(p.exitValue()).as("probe exit, stderr: %s", r.err()).isZero();
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Cache

  @Test
  void cachedLibraryIsReusedAndADamagedOneRebuilt() throws IOException {
    assumeTrue(NativePoseidon2Kernels.required(), "not Linux x86-64 with a C compiler");
    NativePoseidon2.Settings s =
        new NativePoseidon2.Settings(true, tmp, null, NativePoseidon2.Variant.PORTABLE);
    NativePoseidon2.LoadResult first = NativePoseidon2.load(s);
    assertThat(first.failure()).isNull();
    assertThat(first.compiled()).isTrue();
    NativePoseidon2.LoadResult second = NativePoseidon2.load(s);
    assertThat(second.failure()).isNull();
    assertThat(second.compiled()).isFalse();
    assertThat(second.kernel().library()).isEqualTo(first.kernel().library());
    assertThat(first.kernel().library().getParent().getFileName().toString())
        .isEqualTo(
            NativePoseidon2.cacheKey(
                NativePoseidon2.source(),
                NativePoseidon2.compilerFlags(NativePoseidon2.Variant.PORTABLE)));

    // a truncated library in a new cache root: rebuilt, then verified
    Path other = tmp.resolve("other");
    Path lib =
        other
            .resolve(first.kernel().library().getParent().getFileName())
            .resolve(first.kernel().library().getFileName());
    Files.createDirectories(lib.getParent());
    Files.writeString(lib, "not a shared library");
    NativePoseidon2.LoadResult rebuilt =
        NativePoseidon2.load(
            new NativePoseidon2.Settings(true, other, null, NativePoseidon2.Variant.PORTABLE));
    assertThat(rebuilt.failure()).isNull();
    assertThat(rebuilt.compiled()).isTrue();
  }

  @Test
  void racingLoadersIntoOneFreshCacheAllSucceed() throws Exception {
    assumeTrue(NativePoseidon2Kernels.required(), "not Linux x86-64 with a C compiler");
    NativePoseidon2.Settings s =
        new NativePoseidon2.Settings(true, tmp, null, NativePoseidon2.Variant.PORTABLE);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<NativePoseidon2.LoadResult>> fs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        fs.add(pool.submit(() -> NativePoseidon2.load(s)));
      }
      for (Future<NativePoseidon2.LoadResult> f : fs) {
        NativePoseidon2.LoadResult r = f.get(5, TimeUnit.MINUTES);
        assertThat(r.failure()).isNull();
        long[] state = new long[16];
        long[] expected = new long[16];
        r.kernel().permute(state);
        Poseidon2.permuteJava(expected);
        assertThat(state).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    try (var files = Files.walk(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrency and arguments

  @Test
  void severalThreadsHashingAtOnce() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = Property.seed() + t;
        tasks.add(
            () -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              int checks = 0;
              for (int it = 0; it < 150; it++) {
                int n = rnd.nextInt(40);
                long[] in = NativePoseidon2DifferentialTest.limbs(rnd, 2 * n);
                long[] a = new long[4 * n];
                long[] b = new long[4 * n];
                Poseidon2.hashPairs(in, a, n);
                Poseidon2.hashPairsJava(in, 0, b, 0, n);
                assertThat(a).isEqualTo(b);
                long[] state = NativePoseidon2DifferentialTest.limbs(rnd, 4);
                long[] s2 = state.clone();
                Poseidon2.permute(state);
                Poseidon2.permuteJava(s2);
                assertThat(state).isEqualTo(s2);
                List<Fr> fields = new ArrayList<>();
                for (int i = rnd.nextInt(10); i > 0; i--) {
                  fields.add(NativePoseidon2DifferentialTest.field(rnd));
                }
                assertThat(Poseidon2.hash(fields)).isEqualTo(Poseidon2.hashJava(fields));
                checks++;
              }
              return checks;
            });
      }
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(150);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hashPairsRejectsBadArgumentsInBothModes() {
    long[] in = new long[16];
    long[] out = new long[8];
    for (boolean java : new boolean[] {false, true}) {
      HashPairs f =
          java
              ? Poseidon2::hashPairsJava
              : (i, io, o, oo, n) -> Poseidon2.hashPairs(i, io, o, oo, n);
      assertThatThrownBy(() -> f.run(in, 0, out, 0, -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> f.run(in, 0, out, 0, 3))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> f.run(in, 1, out, 0, 2))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> f.run(in, 0, out, 1, 2))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> f.run(in, -8, out, 0, 1))
          .isInstanceOf(IllegalArgumentException.class);
      f.run(in, 0, out, 0, 0); // nothing to do
      f.run(in, 0, out, 0, 2);
    }
    assertThatThrownBy(() -> Poseidon2.permute(new long[15]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Poseidon2.permuteJava(new long[15]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @FunctionalInterface
  private interface HashPairs {
    void run(long[] in, int inOffset, long[] out, int outOffset, int n);
  }
}
