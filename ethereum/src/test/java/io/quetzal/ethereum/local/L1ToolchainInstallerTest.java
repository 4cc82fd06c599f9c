package io.quetzal.ethereum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.TestResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's pins, its errors, and the solc stand-in. */
class L1ToolchainInstallerTest {
  @TempDir Path cache;

  @Test
  void thePinsAreExactAndTheLockHasNoRegistryUrls() {
    String pkg = new String(L1ToolchainInstaller.packageJson(), StandardCharsets.UTF_8);
    String lock = new String(L1ToolchainInstaller.packageLock(), StandardCharsets.UTF_8);
    assertThat(pkg)
        .contains("\"@foundry-rs/anvil\": \"1.7.1\"")
        .contains("\"@foundry-rs/forge\": \"1.5.1\"")
        .contains("\"@aztec/l1-artifacts\": \"4.1.2\"");
    assertThat(lock).doesNotContain("resolved").doesNotContain("http").contains("integrity");
    assertThat(L1ToolchainInstaller.versionKey()).matches("4\\.1\\.2-[0-9a-f]{16}");
  }

  @Test
  void theCacheRootComesFromQuetzalCache() {
    assertThat(L1ToolchainInstaller.defaultCacheRoot(Map.of("QUETZAL_CACHE", "/x/y")))
        .isEqualTo(Path.of("/x/y"));
    assertThat(L1ToolchainInstaller.defaultCacheRoot(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "quetzal"));
  }

  @Test
  void nothingIsFoundInAnEmptyCache() {
    L1ToolchainInstaller i = new L1ToolchainInstaller(options(line -> {}));
    assertThat(i.findInstalled()).isEmpty();
    assertThat(i.installDirectory())
        .isEqualTo(cache.resolve("l1-toolchain").resolve(L1ToolchainInstaller.versionKey()));
  }

  @Test
  void aMissingNpmIsAClearError() {
    List<String> progress = new ArrayList<>();
    L1ToolchainInstaller i =
        new L1ToolchainInstaller(
            options(progress::add).withNpm(cache.resolve("no-such-npm").toString(), Map.of()));
    assertThatThrownBy(i::ensureInstalled)
        .isInstanceOf(L1ToolchainException.class)
        .hasMessageContaining("npm not found")
        .hasMessageContaining("install Node.js");
    assertThat(progress).first().asString().contains("installing the L1 tooling");
  }

  @Test
  void anUnreachableRegistryIsAClearError() throws IOException {
    int dead = TestResources.freePort();
    Map<String, String> env =
        Map.of(
            "npm_config_registry", "http://127.0.0.1:" + dead + "/",
            "npm_config_cache", cache.resolve("empty-npm-cache").toString(),
            "npm_config_fetch_retry_mintimeout", "100",
            "npm_config_fetch_retry_maxtimeout", "200",
            "npm_config_offline", "false");
    L1ToolchainInstaller i = new L1ToolchainInstaller(options(line -> {}).withNpm("npm", env));
    assertThatThrownBy(i::ensureInstalled)
        .isInstanceOf(L1ToolchainException.class)
        .hasMessageContaining("npm could not reach the package registry http://127.0.0.1:" + dead)
        .hasMessageContaining("ECONNREFUSED");
    assertThat(i.findInstalled()).isEmpty();
  }

  @Test
  void theSolcStandInAnswersOnlyItsVersion() throws Exception {
    Path solc = cache.resolve("bin/solc-0.8.30");
    Files.createDirectories(solc.getParent());
    Files.writeString(solc, L1ToolchainInstaller.SOLC_STUB);
    Process v =
        new ProcessBuilder("sh", solc.toString(), "--version").redirectErrorStream(true).start();
    assertThat(new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("Version: 0.8.30+commit.73712a01.Linux.g++");
    assertThat(v.waitFor()).isZero();
    Process c =
        new ProcessBuilder("sh", solc.toString(), "--standard-json")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("asked solc to compile");
    assertThat(c.waitFor()).isEqualTo(1);
  }

  private L1ToolchainInstaller.Options options(java.util.function.Consumer<String> progress) {
    return new L1ToolchainInstaller.Options(
        cache, "npm", Duration.ofMinutes(2), Map.of(), progress);
  }
}
