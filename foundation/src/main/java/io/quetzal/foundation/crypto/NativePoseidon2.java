package io.quetzal.foundation.crypto;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.quetzal.foundation.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The native Poseidon2 kernel: {@code native/poseidon2_bn254.c} (a resource next to this class, our
 * own C), compiled on first use with the system C compiler, cached, loaded through the FFM API and
 * checked against the Java implementation before {@link Poseidon2} routes to it.
 *
 * <p>Steps, each of which falls back to Java with one WARN line (System.Logger) on failure:
 *
 * <ol>
 *   <li>Variant: on x86-64 the CPU flags ({@code /proc/cpuinfo}) pick {@code -mbmi2 -madx} (BMI2
 *       and ADX present) plus {@code -mavx512f -mavx512vl -mavx512ifma} (AVX-512 IFMA present);
 *       anywhere else, and on x86-64 without them, the portable {@code __int128} build.
 *   <li>Cache: {@code $QUETZAL_NATIVE_CACHE} (or {@code -Dquetzal.native.cache}), default {@code
 *       ~/.cache/quetzal/native}, subdirectory named by the SHA-256 of the source and the compiler
 *       flags. A library already there is reused; otherwise the source is compiled there into a
 *       temporary file that is then renamed into place (atomic, so JVMs racing on a fresh cache
 *       each produce a complete library and the last rename wins).
 *   <li>Compiler: {@code -Dquetzal.native.cc} (or {@code $QUETZAL_NATIVE_CC}) when set, else the
 *       first of {@code cc}, {@code gcc}, {@code clang} found on {@code PATH}.
 *   <li>Load: {@link SymbolLookup#libraryLookup(Path, Arena)}; downcalls are bound with {@link
 *       Linker.Option#critical(boolean) critical(true)} so {@code long[]} heap arrays are passed in
 *       place (the kernel is short and never calls back).
 *   <li>Self-test: fixed states, pair batches and sponge lengths through the kernel and through the
 *       Java code must agree bit for bit.
 * </ol>
 *
 * <p>{@code -Dquetzal.poseidon2.native=false} (or {@code QUETZAL_POSEIDON2_NATIVE=false}) keeps the
 * Java implementation without trying.
 */
final class NativePoseidon2 {
  private static final System.Logger LOG = System.getLogger(NativePoseidon2.class.getName());

  static final String RESOURCE = "native/poseidon2_bn254.c";
  static final String LIBRARY_BASENAME = "quetzal_poseidon2";

  /** Longest batch handed to one critical downcall (about 3 ms), so GC is never held up long. */
  static final int MAX_PAIRS_PER_CALL = 1024;

  private NativePoseidon2() {}

  /** The build to produce. */
  enum Variant {
    /** unsigned __int128 arithmetic; any 64-bit target. */
    PORTABLE(List.of()),
    /** MULX/ADC intrinsics. */
    ADX(List.of("-mbmi2", "-madx")),
    /** MULX/ADC plus AVX-512 IFMA vector kernels. */
    IFMA(List.of("-mbmi2", "-madx", "-mavx512f", "-mavx512vl", "-mavx512ifma"));

    final List<String> flags;

    Variant(List<String> flags) {
      this.flags = flags;
    }

    /** The best variant for the CPU flags of this machine's {@code /proc/cpuinfo}. */
    static Variant forCpu(String osArch, Set<String> cpuFlags) {
      boolean x86 = osArch.equals("amd64") || osArch.equals("x86_64");
      if (!x86 || !cpuFlags.contains("bmi2") || !cpuFlags.contains("adx")) {
        return PORTABLE;
      }
      if (cpuFlags.containsAll(List.of("avx512f", "avx512vl", "avx512ifma"))) {
        return IFMA;
      }
      return ADX;
    }
  }

  /**
   * Where and how to build. {@code compiler} null means search {@code PATH}; {@code variant} null
   * means pick from the CPU.
   */
  record Settings(boolean enabled, Path cacheRoot, String compiler, Variant variant) {

    /** From system properties and the environment. */
    static Settings fromEnvironment() {
      return from(System.getProperties(), System.getenv());
    }

    static Settings from(Map<?, ?> props, Map<String, String> env) {
      String flag = value(props, "quetzal.poseidon2.native", env, "QUETZAL_POSEIDON2_NATIVE");
      boolean enabled = flag == null || !flag.trim().equalsIgnoreCase("false");
      String cache = value(props, "quetzal.native.cache", env, "QUETZAL_NATIVE_CACHE");
      Path root;
      if (cache != null && !cache.isBlank()) {
        root = Path.of(cache.trim());
      } else {
        Object home = props.get("user.home");
        root = Path.of(home == null ? "." : home.toString(), ".cache", "quetzal", "native");
      }
      String cc = value(props, "quetzal.native.cc", env, "QUETZAL_NATIVE_CC");
      return new Settings(enabled, root, cc == null || cc.isBlank() ? null : cc.trim(), null);
    }

    private static String value(Map<?, ?> props, String prop, Map<String, String> env, String var) {
      Object p = props.get(prop);
      return p != null ? p.toString() : env.get(var);
    }
  }

  /** Outcome of {@link #load}: a kernel, or the reason there is none. */
  record LoadResult(Kernel kernel, String failure, boolean compiled) {}

  // ---------------------------------------------------------------------------------------------
  // The process-wide kernel

  private static final class Holder {
    static final Kernel KERNEL = loadDefault();
  }

  /** The kernel {@link Poseidon2} routes to, or null (then Java is used). */
  static Kernel kernel() {
    return Holder.KERNEL;
  }

  private static Kernel loadDefault() {
    Settings settings = Settings.fromEnvironment();
    if (!settings.enabled()) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "Poseidon2 native kernel disabled by configuration; using the Java implementation");
      return null;
    }
    LoadResult r = load(settings);
    if (r.kernel() == null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Poseidon2 native kernel unavailable ({0}); using the pure-Java implementation",
          r.failure());
    } else {
      LOG.log(
          System.Logger.Level.DEBUG,
          "Poseidon2 native kernel {0} loaded from {1}",
          r.kernel().variant(),
          r.kernel().library());
    }
    return r.kernel();
  }

  // ---------------------------------------------------------------------------------------------
  // Building and loading

  /** Builds (or reuses) and loads a kernel; never throws. */
  static LoadResult load(Settings settings) {
    if (!settings.enabled()) {
      return new LoadResult(null, "disabled by configuration", false);
    }
    try {
      return build(settings);
    } catch (IOException | RuntimeException | LinkageError e) {
      return new LoadResult(null, e.toString(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LoadResult(null, "interrupted while compiling", false);
    }
  }

  private static LoadResult build(Settings settings) throws IOException, InterruptedException {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    Variant variant =
        settings.variant() != null ? settings.variant() : Variant.forCpu(arch, cpuFlags());
    byte[] source = source();
    List<String> flags = compilerFlags(variant);
    Path dir = settings.cacheRoot().resolve(cacheKey(source, flags));
    Path lib = dir.resolve(System.mapLibraryName(LIBRARY_BASENAME));
    boolean compiled = false;
    if (!looksLikeLibrary(lib)) {
      String failure = compile(settings, source, flags, dir, lib);
      if (failure != null) {
        return new LoadResult(null, failure, false);
      }
      compiled = true;
    }
    Kernel kernel;
    try {
      kernel = Kernel.bind(lib, variant);
    } catch (RuntimeException | LinkageError e) {
      if (compiled) {
        throw e;
      }
      // a damaged cache entry: rebuild it once
      String failure = compile(settings, source, flags, dir, lib);
      if (failure != null) {
        return new LoadResult(null, failure, false);
      }
      compiled = true;
      kernel = Kernel.bind(lib, variant);
    }
    String mismatch = selfTest(kernel);
    if (mismatch != null) {
      return new LoadResult(
          null, "self-test against the Java implementation failed: " + mismatch, compiled);
    }
    return new LoadResult(kernel, null, compiled);
  }

  /**
   * Whether a cached file is plausibly a complete shared library (on Linux: an ELF file of some
   * size); anything else is rebuilt without being handed to the dynamic loader.
   */
  static boolean looksLikeLibrary(Path lib) {
    try {
      if (!Files.isRegularFile(lib) || Files.size(lib) < 1024) {
        return false;
      }
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
        return true;
      }
      try (InputStream in = Files.newInputStream(lib)) {
        byte[] magic = in.readNBytes(4);
        return Arrays.equals(magic, new byte[] {0x7f, 'E', 'L', 'F'});
      }
    } catch (IOException e) {
      return false;
    }
  }

  static byte[] source() throws IOException {
    try (InputStream in = NativePoseidon2.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " missing");
      }
      return in.readAllBytes();
    }
  }

  static List<String> compilerFlags(Variant variant) {
    List<String> flags = new ArrayList<>(List.of("-O3", "-fPIC", "-shared", "-std=gnu11"));
    flags.addAll(variant.flags);
    return List.copyOf(flags);
  }

  static String cacheKey(byte[] source, List<String> flags) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(source);
      for (String f : flags) {
        sha.update((byte) 0);
        sha.update(f.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code flags} of the first CPU in {@code /proc/cpuinfo} (empty where there is none). */
  static Set<String> cpuFlags() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return Set.of();
    }
    try {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith("flags")) {
          int colon = line.indexOf(':');
          return Set.of(line.substring(colon + 1).trim().split("\\s+"));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
    return Set.of();
  }

  /** The compiler command to run, or null when none is found. */
  static String findCompiler(Settings settings) {
    if (settings.compiler() != null) {
      return settings.compiler();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : List.of("cc", "gcc", "clang")) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
          return Path.of(d, name).toString();
        }
      }
    }
    return null;
  }

  /** Compiles into {@code lib} through a temporary file; returns null or the failure. */
  private static String compile(
      Settings settings, byte[] source, List<String> flags, Path dir, Path lib)
      throws IOException, InterruptedException {
    String cc = findCompiler(settings);
    if (cc == null) {
      return "no C compiler (cc, gcc, clang) on PATH";
    }
    Files.createDirectories(dir);
    String unique = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    Path src = dir.resolve("poseidon2_bn254.c");
    Path srcTmp = dir.resolve("poseidon2_bn254.c.tmp-" + unique);
    Files.write(srcTmp, source);
    moveAtomically(srcTmp, src);
    Path libTmp = dir.resolve(lib.getFileName() + ".tmp-" + unique);
    Path log = dir.resolve("build.log.tmp-" + unique);
    List<String> command = new ArrayList<>();
    command.add(cc);
    command.addAll(flags);
    command.add("-o");
    command.add(libTmp.toString());
    // compile the private temporary copy of the source, in case another JVM replaces the shared one
    Path privateSrc = dir.resolve("poseidon2_bn254-" + unique + ".c");
    Files.write(privateSrc, source);
    command.add(privateSrc.toString());
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      Files.deleteIfExists(privateSrc);
      Files.deleteIfExists(log);
      return "cannot run the C compiler " + cc + ": " + e.getMessage();
    }
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return "the C compiler " + cc + " timed out";
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(libTmp)) {
        String out = Files.readString(log, StandardCharsets.UTF_8).strip();
        String first = out.isEmpty() ? "" : ": " + out.lines().limit(3).toList();
        return String.join(" ", command) + " exited with " + p.exitValue() + first;
      }
      moveAtomically(libTmp, lib);
      moveAtomically(log, dir.resolve("build.log"));
      return null;
    } finally {
      Files.deleteIfExists(privateSrc);
      Files.deleteIfExists(libTmp);
      Files.deleteIfExists(log);
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Self-test

  /** Null when the kernel agrees with Java on a fixed set of inputs, else what differed. */
  static String selfTest(Kernel k) {
    List<long[]> states = new ArrayList<>();
    states.add(new long[16]);
    long[] counting = new long[16];
    long[] max = new long[16];
    for (int i = 0; i < 4; i++) {
      Fr.ofLong(i).writeMontgomeryLimbs(counting, 4 * i);
      Fr.MAX_FIELD_VALUE.writeMontgomeryLimbs(max, 4 * i);
    }
    states.add(counting);
    states.add(max);
    SplittableRandom rnd = new SplittableRandom(0x5eed_9052_ed0eL);
    for (int t = 0; t < 4; t++) {
      states.add(randomLimbs(rnd, 4));
    }
    for (long[] s : states) {
      long[] a = s.clone();
      long[] b = s.clone();
      k.permute(a);
      Poseidon2.permuteJava(b);
      if (!Arrays.equals(a, b)) {
        return "permute(" + Arrays.toString(s) + ")";
      }
    }
    // 9 pairs: two 4-lane groups and a remainder
    long[] pairs = randomLimbs(rnd, 18);
    System.arraycopy(max, 0, pairs, 0, 8);
    long[] outNative = new long[36];
    long[] outJava = new long[36];
    k.hashPairs(pairs, 0, outNative, 0, 9);
    Poseidon2.hashPairsJava(pairs, 0, outJava, 0, 9);
    if (!Arrays.equals(outNative, outJava)) {
      return "hash2_batch";
    }
    long[] in = randomLimbs(rnd, 8);
    for (int len = 0; len <= 8; len++) {
      long[] a = new long[4];
      k.hash(in, len, a);
      long[] b = Poseidon2.hashLimbsJava(in, len);
      if (!Arrays.equals(a, b)) {
        return "hash of " + len + " elements";
      }
    }
    return null;
  }

  /** Montgomery limbs of {@code n} pseudo-random field elements. */
  static long[] randomLimbs(SplittableRandom rnd, int n) {
    long[] out = new long[4 * n];
    byte[] b = new byte[32];
    for (int i = 0; i < n; i++) {
      rnd.nextBytes(b);
      Fr.fromBytesReduce(b).writeMontgomeryLimbs(out, 4 * i);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Downcalls

  /** Bound entry points of one loaded library. Stateless and thread-safe. */
  record Kernel(
      Variant variant,
      Path library,
      MethodHandle permuteHandle,
      MethodHandle hash2BatchHandle,
      MethodHandle hashHandle,
      MethodHandle featuresHandle) {

    @SuppressWarnings("restricted") // the loader runs only our own, self-tested library
    static Kernel bind(Path lib, Variant variant) {
      SymbolLookup lookup = SymbolLookup.libraryLookup(lib, Arena.global());
      Linker linker = Linker.nativeLinker();
      Linker.Option critical = Linker.Option.critical(true);
      MethodHandle permute =
          linker.downcallHandle(
              find(lookup, "quetzal_p2_permute"), FunctionDescriptor.ofVoid(ADDRESS), critical);
      MethodHandle hash2 =
          linker.downcallHandle(
              find(lookup, "quetzal_p2_hash2_batch"),
              FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG),
              critical);
      MethodHandle hash =
          linker.downcallHandle(
              find(lookup, "quetzal_p2_hash"),
              FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS),
              critical);
      MethodHandle features =
          linker.downcallHandle(
              find(lookup, "quetzal_p2_features"), FunctionDescriptor.of(JAVA_LONG), critical);
      return new Kernel(variant, lib, permute, hash2, hash, features);
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
      return lookup
          .find(name)
          .orElseThrow(() -> new IllegalStateException("symbol " + name + " missing"));
    }

    /** Permutes {@code state[0..16)} (canonical Montgomery limbs) in place. */
    void permute(long[] state) {
      try {
        permuteHandle.invokeExact(MemorySegment.ofArray(state));
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    /**
     * {@code n} 2-to-1 hashes: pair {@code i} at {@code in[inOff + 8i ..]}, hash to {@code
     * out[outOff + 4i ..]}; bounds checked by the caller. Split into calls of at most {@link
     * #MAX_PAIRS_PER_CALL} pairs (in order, so {@code out} may trail {@code in} in one array).
     */
    void hashPairs(long[] in, int inOff, long[] out, int outOff, int n) {
      MemorySegment src = MemorySegment.ofArray(in);
      MemorySegment dst = MemorySegment.ofArray(out);
      try {
        for (int done = 0; done < n; ) {
          int m = Math.min(MAX_PAIRS_PER_CALL, n - done);
          hash2BatchHandle.invokeExact(
              src.asSlice(8L * (inOff + 8L * done)),
              dst.asSlice(8L * (outOff + 4L * done)),
              (long) m);
          done += m;
        }
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    /** The sponge hash of {@code len} elements at {@code in[0..4 len)} into {@code out[0..4)}. */
    void hash(long[] in, int len, long[] out) {
      try {
        hashHandle.invokeExact(MemorySegment.ofArray(in), (long) len, MemorySegment.ofArray(out));
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    /** Bit 0: BMI2/ADX build, bit 1: AVX-512 IFMA build (as compiled). */
    long features() {
      try {
        return (long) featuresHandle.invokeExact();
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    private static RuntimeException rethrow(Throwable t) {
      if (t instanceof RuntimeException r) {
        return r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      return new IllegalStateException(t);
    }
  }
}
