package io.quetzal.ethereum.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An installed L1 toolchain (see {@link L1ToolchainInstaller}): the native anvil and forge binaries
 * from the {@code @foundry-rs} npm packages, the Aztec L1 contracts with their valid forge build
 * cache from {@code @aztec/l1-artifacts}, the solc stand-in and the process watchdog.
 *
 * @param home the install directory ({@code <cache>/l1-toolchain/<versionKey>})
 * @param versionKey names the pinned package set (Aztec version and a digest of the lock file)
 * @param anvil the native anvil binary
 * @param forge the native forge binary
 * @param l1Contracts {@code @aztec/l1-artifacts/l1-contracts}: sources, {@code out/}, {@code
 *     cache/}
 * @param solc the solc stand-in given to forge as {@code FOUNDRY_SOLC}
 * @param watchdog the {@code sh} watchdog every tool runs under
 */
public record L1Toolchain(
    Path home,
    String versionKey,
    Path anvil,
    Path forge,
    Path l1Contracts,
    Path solc,
    Path watchdog) {

  /** anvil version the official local network uses. */
  public static final String ANVIL_VERSION = "1.7.1";

  /** forge version that works with the official deploy wrapper (1.7.x rejects --batch-size). */
  public static final String FORGE_VERSION = "1.5.1";

  /** Aztec version of the L1 artifacts. */
  public static final String L1_ARTIFACTS_VERSION = "4.1.2";

  /** The solc version the artifacts were built with; the stand-in reports it. */
  public static final String SOLC_VERSION = "0.8.30+commit.73712a01.Linux.g++";

  /**
   * The variables forge needs to run offline against the shipped build cache: the solc stand-in
   * ({@code FOUNDRY_SOLC}), no network ({@code FOUNDRY_OFFLINE}), no nightly banner.
   */
  public Map<String, String> forgeEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FOUNDRY_SOLC", solc.toString());
    env.put("FOUNDRY_OFFLINE", "true");
    env.put("FOUNDRY_DISABLE_NIGHTLY_WARNING", "1");
    return env;
  }
}
