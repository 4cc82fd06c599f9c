package io.quetzal.foundation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Native kernels for the tests, loaded directly (independently of the process-wide routing and its
 * configuration). On Linux x86-64 with a C compiler the kernel is required: a build failure fails
 * the test instead of skipping it, so a regression is noticed.
 */
final class NativePoseidon2Kernels {
  private static final Map<NativePoseidon2.Variant, NativePoseidon2.LoadResult> LOADED =
      new EnumMap<>(NativePoseidon2.Variant.class);

  private NativePoseidon2Kernels() {}

  /** Whether this machine must be able to build the kernel. */
  static boolean required() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return os.contains("linux")
        && (arch.equals("amd64") || arch.equals("x86_64"))
        && NativePoseidon2.findCompiler(settings(null)) != null;
  }

  static NativePoseidon2.Settings settings(NativePoseidon2.Variant variant) {
    NativePoseidon2.Settings env = NativePoseidon2.Settings.fromEnvironment();
    return new NativePoseidon2.Settings(true, env.cacheRoot(), env.compiler(), variant);
  }

  /** The best kernel for this CPU (required on Linux x86-64 with a compiler, else skipped). */
  static NativePoseidon2.Kernel best() {
    return variant(
        NativePoseidon2.Variant.forCpu(
            System.getProperty("os.arch", "").toLowerCase(Locale.ROOT),
            NativePoseidon2.cpuFlags()));
  }

  /** A kernel built as {@code variant} (which the CPU must support). */
  static synchronized NativePoseidon2.Kernel variant(NativePoseidon2.Variant variant) {
    NativePoseidon2.LoadResult r =
        LOADED.computeIfAbsent(variant, v -> NativePoseidon2.load(settings(v)));
    if (required()) {
      assertThat(r.failure()).as("native Poseidon2 kernel %s build/load", variant).isNull();
    } else {
      assumeTrue(r.kernel() != null, "no native kernel here: " + r.failure());
    }
    return r.kernel();
  }

  /** The variants this CPU can run. */
  static Set<NativePoseidon2.Variant> supportedVariants() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (NativePoseidon2.Variant.forCpu(arch, NativePoseidon2.cpuFlags())) {
      case IFMA ->
          Set.of(
              NativePoseidon2.Variant.PORTABLE,
              NativePoseidon2.Variant.ADX,
              NativePoseidon2.Variant.IFMA);
      case ADX -> Set.of(NativePoseidon2.Variant.PORTABLE, NativePoseidon2.Variant.ADX);
      case PORTABLE -> Set.of(NativePoseidon2.Variant.PORTABLE);
    };
  }
}
